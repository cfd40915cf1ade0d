// Every plugin in the plugin folders: loaded, or refused with the reason.
#ifndef HUB_PLUGIN_HOST_PLUGIN_REGISTRY_HPP_
#define HUB_PLUGIN_HOST_PLUGIN_REGISTRY_HPP_

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/logging.hpp"
#include "hub/sdk/status.hpp"
#include "plugin_host/loaded_plugin.hpp"
#include "plugin_host/plugin_record.hpp"

namespace hub::plugin_host {

// A folder plugins are loaded from. A required folder that does not exist is an error; an optional one
// (the installed system folder) is skipped.
struct PluginFolder {
  std::filesystem::path path;
  bool required = true;
};

// The folder an installed hub keeps its plugins in (<install prefix>/lib/hub/plugins, fixed at build time).
std::filesystem::path SystemPluginFolder();

// The result of scanning the plugin folders once. Immutable after Load: every const method is thread-safe.
// Each loaded plugin is shared with the connector instances made from it, so dropping the registry
// unloads only the libraries no instance uses.
class PluginRegistry {
 public:
  // An empty registry: no records, no plugins.
  PluginRegistry() = default;

  // Loads every regular file in `dir` whose name ends with the platform's library suffix (".so"), in
  // name order. A file that fails a check (see LoadedPlugin::Open), or declares a plugin name already
  // loaded from another file, is refused with a one-line reason, logged as a warning, and the scan goes
  // on. Errors: NotFound when `dir` does not exist, InvalidArgument when it is not a folder, IoError when
  // it cannot be listed. A null logger becomes MakeLogger("plugin_host").
  static sdk::Result<PluginRegistry> Load(const std::filesystem::path& dir, Logger logger);

  // Loads the folders in order, each as above. The first folder wins: a file whose name a previous
  // folder already held is refused as shadowed without being opened (its code never runs), so an
  // operator's folder placed first overrides the installed plugin of the same file name; a different
  // file declaring a plugin name already loaded is refused as a duplicate, as within one folder. A folder
  // given twice (the same after resolving links and dots) is searched at its first place only.
  // Errors: as above, for the first required folder that cannot be read; nothing is loaded then.
  static sdk::Result<PluginRegistry> Load(const std::vector<PluginFolder>& folders, Logger logger);

  // One record a file, folder by folder in the order given and in name order within one, loaded and
  // refused alike.
  const std::vector<PluginRecord>& Records() const { return records_; }

  // The loaded plugin declaring `name`, or nullptr.
  std::shared_ptr<const LoadedPlugin> Find(std::string_view name) const;

 private:
  void Add(const std::filesystem::path& file, const Logger& logger);
  // Records `file` as shadowed by the earlier `winner` of the same file name.
  void Shadow(const std::filesystem::path& file, const std::filesystem::path& winner, const Logger& logger);

  std::vector<PluginRecord> records_;
  std::map<std::string, std::shared_ptr<const LoadedPlugin>, std::less<>> plugins_;
};

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_PLUGIN_REGISTRY_HPP_
