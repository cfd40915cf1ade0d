// Checking one connector's options against the schema its plugin declares.
#ifndef HUB_CONFIG_OPTION_VALIDATION_HPP_
#define HUB_CONFIG_OPTION_VALIDATION_HPP_

#include <filesystem>
#include <vector>

#include "config/config_error.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/options.hpp"

namespace hub::config {

// Validates `connector`'s options (as LoadConfig read them) against `plugin`'s OptionSpecs and returns
// every problem, located at the option's line (or the connector's line for a missing required option):
//   - an option the plugin does not declare, listing the known ones;
//   - an option given twice;
//   - a required option that is absent;
//   - a value of the wrong type: INTEGER (int64), BOOLEAN (true/false/yes/no/1/0, any case), DURATION
//     (250ms, 30s, 5m, 2h, 1d), an empty PATH. Messages name the option and echo the bad value, except for
//     SECRET options whose value never appears in any message;
//   - a default declared by the plugin that does not fit its own type (blamed on the plugin).
// When there are none and `out` is not null, *out holds every declared option that has a value or a
// default: PATH values made absolute against `base_dir`, SECRET values that are SQLite ODBC connection
// strings with a relative Database= made absolute against it too (odbc::ResolveSqlitePath, as the store's
// are), BOOLEAN values as "true"/"false", others as written. On errors *out is left unchanged.
//
// Pure function: thread-safe, never throws.
std::vector<ConfigError> ValidateConnectorOptions(const ConnectorConfig& connector,
                                                  const sdk::PluginDescription& plugin,
                                                  const std::filesystem::path& base_dir, sdk::Options* out);

}  // namespace hub::config

#endif  // HUB_CONFIG_OPTION_VALIDATION_HPP_
