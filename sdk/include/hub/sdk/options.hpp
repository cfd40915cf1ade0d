// A plugin's configuration: the schema it declares, and the validated values it receives.
#ifndef HUB_SDK_OPTIONS_HPP_
#define HUB_SDK_OPTIONS_HPP_

#include <charconv>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/abi.h"
#include "hub/sdk/status.hpp"

namespace hub::sdk {

enum class OptionType : int {
  kString = HUB_OPTION_STRING,
  kInteger = HUB_OPTION_INTEGER,
  kBoolean = HUB_OPTION_BOOLEAN,
  kPath = HUB_OPTION_PATH,
  kSecret = HUB_OPTION_SECRET,
  kDuration = HUB_OPTION_DURATION,
};

// One key of a plugin's configuration section (fluent-bit's config_map): the host refuses unknown keys,
// missing required ones and values of the wrong type, and generates the connector's docs from the same table.
struct OptionSpec {
  std::string name;
  OptionType type = OptionType::kString;
  std::optional<std::string> default_value;
  bool required = false;
  std::string description;
};

// A mapping a plugin ships for a standard system ("odoo17"), which a job takes with <mapping use="odoo17"/>.
// `xml` is one <mappings> document: <mapping entity="..."> elements written as in the hub's configuration, and
// an optional <code_tables> that only these mappings see. The hub parses it when a job uses it and reports its
// errors as "plugin <connector> mapping 'odoo17':LINE".
struct DefaultMapping {
  std::string name;  // unique within the plugin, [a-z0-9_]+
  std::string description;
  std::string xml;
};

// What a plugin says about itself, before any connector exists.
struct PluginDescription {
  std::string name;
  std::string version;
  std::string kind = "connector";
  std::string description;
  std::vector<OptionSpec> options;
  // The option (a kString one of `options`) whose value names the source field that gives each record's
  // Record::source_id, when the plugin has one ("id_field"); empty: none. The hub reads it to compare with a
  // job's <mapping id="...">, which wins when both are given (check-config warns when they differ).
  std::string record_id_option;
  // What the connector does. A connector that reads records serves sync jobs (`reads`); one that delivers
  // events to its system overrides Connector::WriteEvents and says so (`writes_events`). An outbound-only
  // connector sets reads = false and need not override ReadBatch; the hub refuses a sync job on it.
  struct Capabilities {
    bool reads = true;
    bool writes_events = false;
  };
  Capabilities capabilities;
  // The mappings the plugin ships (ABI 1.2); `hub plugins` lists them.
  std::vector<DefaultMapping> default_mappings;
};

// The error a plugin gives for an option value it refuses: "option 'NAME': 'VALUE' WHY", the form the
// hub's own option checks use.
inline Status InvalidOptionValue(std::string_view name, std::string_view value, std::string_view why) {
  std::string message("option '");
  message.append(name).append("': '").append(value).append("' ").append(why);
  return Status::InvalidArgument(std::move(message));
}

// Parses "250ms", "30s", "5m", "2h", "1d" or a bare number of milliseconds.
inline Result<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  auto fail = [text](std::string_view why) {
    std::string message("'");
    message.append(text).append("' ").append(why);
    return Status::InvalidArgument(std::move(message));
  };
  std::int64_t number = 0;
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(text.data(), end, number);
  if (error != std::errc() || number < 0) return fail("is not a duration (e.g. 30s, 5m, 2h)");
  std::string_view unit(rest, static_cast<std::size_t>(end - rest));
  static const std::pair<std::string_view, std::int64_t> kUnits[] = {
      {"", 1}, {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}};
  for (const auto& [name, factor] : kUnits) {
    if (unit != name) continue;
    if (number > std::numeric_limits<std::int64_t>::max() / factor) return fail("is too long a duration");
    return std::chrono::milliseconds(number * factor);
  }
  return fail("has an unknown unit (use ms, s, m, h or d)");
}

// The validated values of one connector's section: every declared option that has a value or a default,
// paths already absolute, secrets already resolved. Immutable once built.
class Options {
 public:
  Options() = default;
  explicit Options(std::map<std::string, std::string, std::less<>> values) : values_(std::move(values)) {}
  Options(std::initializer_list<std::pair<const std::string, std::string>> values) : values_(values) {}

  bool Has(std::string_view name) const { return values_.find(name) != values_.end(); }
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

  std::string GetString(std::string_view name, std::string_view fallback = {}) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string(fallback) : it->second;
  }
  Result<std::int64_t> GetInteger(std::string_view name, std::int64_t fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    std::int64_t number = 0;
    const std::string& text = it->second;
    auto [rest, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || rest != text.data() + text.size()) {
      return Status::InvalidArgument("option '" + std::string(name) + "': '" + text + "' is not an integer");
    }
    return number;
  }
  Result<bool> GetBool(std::string_view name, bool fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (it->second == "true" || it->second == "yes" || it->second == "1") return true;
    if (it->second == "false" || it->second == "no" || it->second == "0") return false;
    return Status::InvalidArgument("option '" + std::string(name) + "': '" + it->second + "' is not a boolean");
  }
  Result<std::chrono::milliseconds> GetDuration(std::string_view name, std::chrono::milliseconds fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    return ParseDuration(it->second);
  }
  // The option as a list: items separated by ASCII or full-width commas ("INBOX, Sales，China" -> {"INBOX",
  // "Sales", "China"}), blanks and tabs around each dropped, empty items skipped; `fallback` read the same way
  // when the option is absent.
  std::vector<std::string> GetList(std::string_view name, std::string_view fallback = {}) const {
    auto it = values_.find(name);
    std::string_view rest = it == values_.end() ? fallback : std::string_view(it->second);
    static constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";  // U+FF0C
    std::vector<std::string> items;
    while (!rest.empty()) {
      const std::size_t ascii = rest.find(',');
      const std::size_t wide = rest.find(kFullWidthComma);
      const std::size_t end = ascii < wide ? ascii : wide;
      std::string_view item = rest.substr(0, end);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (!item.empty()) items.emplace_back(item);
      rest = end == std::string_view::npos ? std::string_view()
                                           : rest.substr(end + (end == ascii ? 1 : kFullWidthComma.size()));
    }
    return items;
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace hub::sdk

#endif  // HUB_SDK_OPTIONS_HPP_
