#include "config/record_id_check.hpp"

#include <string>

namespace hub::config {
namespace {

// " (line 22)" for the option as written, "" for the plugin's default.
std::string WhereGiven(const ConnectorConfig& connector, const std::string& option) {
  for (const ConnectorConfig::Option& given : connector.options) {
    if (given.name == option) return " (line " + std::to_string(given.location.line) + ")";
  }
  return " (the plugin's default)";
}

}  // namespace

std::optional<ConfigError> RecordIdWarning(const JobConfig& job, const MappingConfig& mapping,
                                           const ConnectorConfig& connector, const sdk::PluginDescription& plugin,
                                           const sdk::Options& options) {
  const std::string& option = plugin.record_id_option;
  if (option.empty() || mapping.id_source.empty()) return std::nullopt;
  const std::string connector_field = options.GetString(option);
  if (connector_field.empty() || connector_field == mapping.id_source) return std::nullopt;
  return ConfigError{mapping.location,
                     "warning: job '" + job.name + "': <mapping id=\"" + mapping.id_source + "\"> and connector '" +
                         connector.name + "' option " + option + "=\"" + connector_field + "\"" +
                         WhereGiven(connector, option) +
                         " name different fields; the mapping's id= gives each stored record's source id, and " +
                         option + " only names the records the connector rejects itself (it rejects one whose '" +
                         connector_field + "' is empty): give one of them, or the same field in both"};
}

}  // namespace hub::config
