#include "config/option_validation.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "hub/odbc/connection_string.hpp"

namespace hub::config {
namespace {

using OptionType = sdk::OptionType;

sdk::Status TypeError(const sdk::OptionSpec& spec, std::string_view expected, const std::string& value) {
  return sdk::Status::InvalidArgument("option '" + spec.name + "' must be " + std::string(expected) + ", got '" +
                                      value + "'");
}

sdk::Result<std::string> NormalizeBoolean(const sdk::OptionSpec& spec, const std::string& value) {
  std::string lower = value;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "true" || lower == "yes" || lower == "1") return std::string("true");
  if (lower == "false" || lower == "no" || lower == "0") return std::string("false");
  return TypeError(spec, "a boolean (true/false, yes/no, 1/0)", value);
}

// The value to keep for `spec`, or why `value` does not fit its type. Only INTEGER, BOOLEAN and DURATION
// errors quote the value; SECRET values are never checked, so never quoted.
sdk::Result<std::string> NormalizeValue(const sdk::OptionSpec& spec, const std::string& value,
                                        const std::filesystem::path& base_dir) {
  switch (spec.type) {
    case OptionType::kInteger: {
      std::int64_t number = 0;
      const char* end = value.data() + value.size();
      auto [rest, error] = std::from_chars(value.data(), end, number);
      if (error != std::errc() || rest != end) return TypeError(spec, "an integer", value);
      return value;
    }
    case OptionType::kBoolean:
      return NormalizeBoolean(spec, value);
    case OptionType::kDuration:
      if (!sdk::ParseDuration(value).ok()) return TypeError(spec, "a duration (e.g. 250ms, 30s, 5m, 2h, 1d)", value);
      return value;
    case OptionType::kPath:
      if (value.empty()) return sdk::Status::InvalidArgument("option '" + spec.name + "' is an empty path");
      return (base_dir / value).lexically_normal().string();
    case OptionType::kSecret:
      // Connection strings are secrets (they hold passwords): an SQLite one's relative Database= is a path of
      // the configuration like any other, relative to its file, not to the hub's working directory.
      return odbc::ResolveSqlitePath(value, base_dir);
    case OptionType::kString:
      return value;
  }
  return value;
}

// One validation run: collects errors and the normalized values.
class OptionChecker {
 public:
  OptionChecker(const ConnectorConfig& connector, const sdk::PluginDescription& plugin,
                const std::filesystem::path& base_dir)
      : connector_(connector),
        plugin_(plugin),
        base_dir_(base_dir),
        prefix_("connector '" + connector.name + "' (plugin " + plugin.name + "): ") {}

  void CheckGiven(const ConnectorConfig::Option& option) {
    const sdk::OptionSpec* spec = FindSpec(option.name);
    if (spec == nullptr) {
      Report(option.location, "unknown option '" + option.name + "'; known options: " + KnownOptions());
      return;
    }
    auto [first, inserted] = first_line_.emplace(option.name, option.location.line);
    if (!inserted) {
      Report(option.location,
             "option '" + option.name + "' is given twice (first at line " + std::to_string(first->second) + ")");
      return;
    }
    Keep(*spec, option.value, option.location, "");
  }

  void CheckAbsent(const sdk::OptionSpec& spec) {
    if (first_line_.count(spec.name) != 0) return;
    if (spec.default_value) {
      Keep(spec, *spec.default_value, connector_.location, "the plugin's default is invalid: ");
    } else if (spec.required) {
      std::string about = spec.description.empty() ? "" : " (" + spec.description + ")";
      Report(connector_.location, "missing required option '" + spec.name + "'" + about);
    }
  }

  std::vector<ConfigError> TakeErrors() { return std::move(errors_); }
  sdk::Options TakeOptions() { return sdk::Options(std::move(values_)); }

 private:
  const sdk::OptionSpec* FindSpec(std::string_view name) const {
    auto it = std::find_if(plugin_.options.begin(), plugin_.options.end(),
                           [&](const sdk::OptionSpec& spec) { return spec.name == name; });
    return it == plugin_.options.end() ? nullptr : &*it;
  }

  std::string KnownOptions() const {
    std::string names;
    for (const auto& spec : plugin_.options) names += (names.empty() ? "" : ", ") + spec.name;
    return names.empty() ? "(none)" : names;
  }

  void Keep(const sdk::OptionSpec& spec, const std::string& value, const SourceLocation& where,
            std::string_view context) {
    auto normalized = NormalizeValue(spec, value, base_dir_);
    if (!normalized.ok()) {
      Report(where, std::string(context) + normalized.status().message());
      return;
    }
    values_[spec.name] = std::move(normalized).value();
  }

  void Report(const SourceLocation& where, const std::string& message) {
    errors_.push_back({where, prefix_ + message});
  }

  const ConnectorConfig& connector_;
  const sdk::PluginDescription& plugin_;
  const std::filesystem::path& base_dir_;
  std::string prefix_;
  std::map<std::string, int, std::less<>> first_line_;
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<ConfigError> errors_;
};

}  // namespace

std::vector<ConfigError> ValidateConnectorOptions(const ConnectorConfig& connector,
                                                  const sdk::PluginDescription& plugin,
                                                  const std::filesystem::path& base_dir, sdk::Options* out) {
  OptionChecker checker(connector, plugin, base_dir);
  for (const auto& option : connector.options) checker.CheckGiven(option);
  for (const auto& spec : plugin.options) checker.CheckAbsent(spec);
  std::vector<ConfigError> errors = checker.TakeErrors();
  if (errors.empty() && out != nullptr) *out = checker.TakeOptions();
  return errors;
}

}  // namespace hub::config
