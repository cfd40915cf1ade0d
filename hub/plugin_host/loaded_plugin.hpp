// One plugin library, checked and loaded, with its function table and description.
#ifndef HUB_PLUGIN_HOST_LOADED_PLUGIN_HPP_
#define HUB_PLUGIN_HOST_LOADED_PLUGIN_HPP_

#include <filesystem>
#include <memory>
#include <string>

#include <boost/dll/shared_library.hpp>

#include "hub/sdk/abi.h"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"
#include "plugin_host/plugin_record.hpp"

namespace hub::plugin_host {

// A plugin library that passed every check and stays loaded for this object's life. Connector instances
// made from it hold a shared_ptr to it, so the library is unloaded only after the last of them is gone.
// Immutable after Open: every method is thread-safe.
class LoadedPlugin {
 public:
  // Checks and loads the plugin at `path`, in this order, stopping at the first failure: the file is a
  // shared library (read with Boost.DLL's library_info, without loading it); it exports hub_plugin_abi and
  // hub_plugin_entry; it loads; its ABI record matches this hub; the entry returns a consistent function
  // table; get_info succeeds with a valid description. The host calls no plugin function before the ABI
  // record is checked (loading does run the library's static initializers, as any dlopen does).
  // `record` (not null) receives the path and every field learned so far, loaded or not; on failure the
  // Status message is the one-line reason and the library is already unloaded. Never throws.
  static sdk::Result<std::shared_ptr<const LoadedPlugin>> Open(const std::filesystem::path& path, PluginRecord* record);

  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  // The unique plugin name, e.g. "file"; the same as description().name.
  const std::string& name() const { return description_.name; }
  // What get_info declared: name, version, kind, description and the option schema.
  const sdk::PluginDescription& description() const { return description_; }
  // The file it was loaded from.
  const std::filesystem::path& path() const { return path_; }
  // The ABI the plugin was built for ("1.0") and the SDK release it was built with ("0.1.0").
  const std::string& abi_version() const { return abi_version_; }
  const std::string& sdk_version() const { return sdk_version_; }
  // The checked function table; valid while this object lives.
  const hub_plugin_api& api() const { return *api_; }

 private:
  static sdk::Result<std::shared_ptr<const LoadedPlugin>> OpenChecked(const std::filesystem::path& path,
                                                                      PluginRecord* record);
  LoadedPlugin(boost::dll::shared_library library, const hub_plugin_api* api, sdk::PluginDescription description,
               const PluginRecord& record, std::string sdk_version);

  // First, so that it is destroyed last: everything below may point into the library.
  boost::dll::shared_library library_;
  const hub_plugin_api* api_;
  sdk::PluginDescription description_;
  std::filesystem::path path_;
  std::string abi_version_;
  std::string sdk_version_;
};

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_LOADED_PLUGIN_HPP_
