#include "plugin_host/loaded_plugin.hpp"

#include <algorithm>
#include <exception>
#include <ios>
#include <utility>
#include <vector>

#include <boost/dll/library_info.hpp>

#if defined(__unix__) || defined(__APPLE__)
#include <dlfcn.h>
#endif

#include "hub/sdk/detail/c_bridge.hpp"
#include "plugin_host/abi_checks.hpp"

namespace hub::plugin_host {
namespace {

constexpr char kNotAPlugin[] = ": not a Hub plugin (build it with HUB_EXPORT_CONNECTOR)";

// Steps a and b: read the file's symbol table without loading it.
sdk::Status CheckExports(const std::filesystem::path& path) {
  std::vector<std::string> symbols;
  try {
    boost::dll::library_info info(path);
    symbols = info.symbols("boostdll");
  } catch (const std::ios_base::failure&) {
    return sdk::Status::InvalidArgument("not a shared library (the file is too short or unreadable)");
  } catch (const std::exception& e) {
    return sdk::Status::InvalidArgument(std::string("not a shared library (") + e.what() + ")");
  }
  for (const char* name : {HUB_PLUGIN_ABI_SYMBOL, HUB_PLUGIN_ENTRY_SYMBOL}) {
    if (std::find(symbols.begin(), symbols.end(), name) == symbols.end()) {
      return sdk::Status::InvalidArgument(std::string("missing export ") + name + kNotAPlugin);
    }
  }
  return sdk::Status::Ok();
}

// The dynamic loader's own words ("undefined symbol: x") say more than the error_code Boost.DLL keeps.
std::string LoaderMessage(const boost::dll::fs::error_code& error) {
#if defined(__unix__) || defined(__APPLE__)
  if (const char* message = dlerror()) return message;
#endif
  return error.message();
}

// Step c. RTLD_NOW: a missing symbol refuses the plugin here rather than failing in the middle of a sync.
sdk::Status Load(const std::filesystem::path& path, boost::dll::shared_library* library) {
  boost::dll::fs::error_code error;
  library->load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, error);
  if (error) return sdk::Status::IoError("cannot load: " + LoaderMessage(error));
  return sdk::Status::Ok();
}

// The object an alias points to, or nullptr when the alias is absent or null.
template <typename T>
T* AliasTarget(const boost::dll::shared_library& library, const char* alias) {
  if (!library.has(alias) || library.get<const void*>(alias) == nullptr) return nullptr;
  return &library.get_alias<T>(alias);
}

// Step d: the first plugin data the host reads; no plugin code has run yet.
sdk::Result<const hub_abi_record*> ReadAbiRecord(const boost::dll::shared_library& library, PluginRecord* record) {
  const hub_abi_record* abi = AliasTarget<const hub_abi_record>(library, HUB_PLUGIN_ABI_SYMBOL);
  if (abi == nullptr) return sdk::Status::InvalidArgument(std::string("hub_plugin_abi is null") + kNotAPlugin);
  HUB_RETURN_IF_ERROR(CheckAbiRecordSize(*abi));
  record->sdk_abi = AbiVersionText(abi->abi_major, abi->abi_minor);
  HUB_RETURN_IF_ERROR(CheckAbiVersion(*abi));
  return abi;
}

// Step e: the first plugin code the host runs.
sdk::Result<const hub_plugin_api*> ReadApiTable(const boost::dll::shared_library& library, const hub_abi_record& abi) {
  auto* entry = AliasTarget<const hub_plugin_api*()>(library, HUB_PLUGIN_ENTRY_SYMBOL);
  if (entry == nullptr) return sdk::Status::InvalidArgument(std::string("hub_plugin_entry is null") + kNotAPlugin);
  const hub_plugin_api* api = entry();
  HUB_RETURN_IF_ERROR(CheckApiTable(api, abi));
  return api;
}

// Step f.
sdk::Result<sdk::PluginDescription> ReadDescription(const hub_plugin_api& api, PluginRecord* record) {
  const hub_plugin_info* info = nullptr;
  hub_error error{};
  error.struct_size = sizeof(error);
  int32_t code = api.get_info(&info, &error);
  if (code != HUB_STATUS_OK) return sdk::detail::ImportError(code, error).WithContext("get_info failed");
  HUB_RETURN_IF_ERROR(CheckInfo(info));
  sdk::PluginDescription description = sdk::detail::ImportInfo(*info);
  record->name = description.name;
  record->version = description.version;
  record->kind = description.kind;
  record->description = description.description;
  if (description.capabilities.reads) record->capabilities.push_back("read");
  if (description.capabilities.writes_events) record->capabilities.push_back("write_events");
  record->default_mappings = description.default_mappings;
  HUB_RETURN_IF_ERROR(CheckDescription(description));
  return description;
}

}  // namespace

sdk::Result<std::shared_ptr<const LoadedPlugin>> LoadedPlugin::OpenChecked(const std::filesystem::path& path,
                                                                           PluginRecord* record) {
  HUB_RETURN_IF_ERROR(CheckExports(path));
  // Unloaded on every early return below: a refused plugin leaves nothing behind.
  boost::dll::shared_library library;
  HUB_RETURN_IF_ERROR(Load(path, &library));
  sdk::Result<const hub_abi_record*> abi = ReadAbiRecord(library, record);
  if (!abi.ok()) return abi.status();
  sdk::Result<const hub_plugin_api*> api = ReadApiTable(library, **abi);
  if (!api.ok()) return api.status();
  sdk::Result<sdk::PluginDescription> description = ReadDescription(**api, record);
  if (!description.ok()) return description.status();
  return std::shared_ptr<const LoadedPlugin>(new LoadedPlugin(std::move(library), *api, std::move(description).value(),
                                                              *record, sdk::detail::FromC((*abi)->sdk_version)));
}

sdk::Result<std::shared_ptr<const LoadedPlugin>> LoadedPlugin::Open(const std::filesystem::path& path,
                                                                    PluginRecord* record) {
  record->path = path;
  try {
    return OpenChecked(path, record);
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("unexpected failure while loading: ") + e.what());
  }
}

LoadedPlugin::LoadedPlugin(boost::dll::shared_library library, const hub_plugin_api* api,
                           sdk::PluginDescription description, const PluginRecord& record, std::string sdk_version)
    : library_(std::move(library)),
      api_(api),
      description_(std::move(description)),
      path_(record.path),
      abi_version_(record.sdk_abi),
      sdk_version_(std::move(sdk_version)) {}

}  // namespace hub::plugin_host
