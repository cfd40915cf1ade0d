// What the hub knows about one plugin file: for `hub plugins`, GET /api/v1/plugins and /metrics.
#ifndef HUB_PLUGIN_HOST_PLUGIN_RECORD_HPP_
#define HUB_PLUGIN_HOST_PLUGIN_RECORD_HPP_

#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "hub/sdk/options.hpp"

namespace hub::plugin_host {

// One plugin file found in the plugin folder, loaded or refused. Fields the loader could not learn
// before refusing the file are empty (e.g. a file that is not a library has no name). A plain value.
struct PluginRecord {
  enum class State { kLoaded, kRefused };

  std::string name;
  std::string version;
  std::string kind;
  std::string sdk_abi;  // the ABI the plugin was built for, "1.0"
  std::string description;
  std::vector<std::string> capabilities;              // what it declared it does: "read", "write_events"
  std::vector<sdk::DefaultMapping> default_mappings;  // the mappings it ships (ABI 1.2)
  std::filesystem::path path;
  State state = State::kRefused;
  std::string reason;  // why it was refused: one line; empty when loaded
};

// The `hub plugins` line: `name version kind abi path status`, status being `loaded` or
// `refused: <reason>`; unknown fields print as "-". A loaded plugin that ships default mappings has
// ` mappings: NAME, NAME` after its status.
std::string FormatPluginLine(const PluginRecord& record);

// The JSON object of GET /api/v1/plugins: every field above (capabilities as an array, default_mappings as an array
// of {name, description}), unknown ones as null, "state" as "loaded"/"refused" and "reason" only when refused.
boost::json::object PluginRecordToJson(const PluginRecord& record);

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_PLUGIN_RECORD_HPP_
