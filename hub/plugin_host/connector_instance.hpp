// One live connector made by a plugin, driven through the plugin's C function table.
#ifndef HUB_PLUGIN_HOST_CONNECTOR_INSTANCE_HPP_
#define HUB_PLUGIN_HOST_CONNECTOR_INSTANCE_HPP_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "hub/sdk/abi.h"
#include "hub/sdk/options.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "plugin_host/host_services.hpp"
#include "plugin_host/loaded_plugin.hpp"

namespace hub::plugin_host {

class HostBridge;

// A configured connector instance (<connector name="crm" plugin="file">) as the hub sees it: the
// plugin's hub_connector plus the services lent to it. Holds a shared_ptr to its plugin, so the library
// stays loaded as long as the instance lives, even after the registry is gone.
//
// Not thread-safe: one caller at a time (the plugin ABI's rule); the object may move between threads.
// SetCancellation is the exception and may be called from any thread.
// Errors are values, never exceptions; errors from the plugin keep their code and read
// "plugin 'file' (connector crm): <message>". Data the plugin hands back is copied before the call returns.
class ConnectorInstance {
 public:
  // Creates the plugin's connector for instance `name`. Fails cleanly, with the same context prefix and
  // "factory failed: ...", when the plugin's create() fails or its constructor throws.
  static sdk::Result<std::unique_ptr<ConnectorInstance>> Create(std::string name,
                                                                std::shared_ptr<const LoadedPlugin> plugin,
                                                                HostServices services);

  ConnectorInstance(const ConnectorInstance&) = delete;
  ConnectorInstance& operator=(const ConnectorInstance&) = delete;
  // Destroys the plugin's connector, then lets go of the plugin.
  ~ConnectorInstance();

  const std::string& name() const { return name_; }
  const LoadedPlugin& plugin() const { return *plugin_; }

  // Hands the validated options to the connector; called once before reading.
  sdk::Status Configure(const sdk::Options& options);

  // At most max_records records after `cursor` ("" = from the beginning). A batch the plugin got wrong
  // (more records than asked, malformed structs) is an internal error.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // Delivers events; answers how many the system accepted (a prefix of `events`). A plugin that fails after
  // taking a prefix is answered as that prefix (the next call, with the rest, hears the failure); an error
  // is about the first event.
  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events);

  // OK when the connector's system is reachable.
  sdk::Status CheckHealth();

  // The token the connector polls from now on (each run gets a fresh one). Thread-safe.
  void SetCancellation(CancellationToken token);

 private:
  ConnectorInstance(std::string name, std::shared_ptr<const LoadedPlugin> plugin, HostServices services);

  // What a call on the plugin answered: OK, or its error with this instance's context in front.
  sdk::Status PluginStatus(int32_t code, const hub_error& error) const;

  // First, so that it is released last: the library must outlive every object below.
  std::shared_ptr<const LoadedPlugin> plugin_;
  std::string name_;
  std::string context_;                 // "plugin 'file' (connector crm)"
  std::unique_ptr<HostBridge> bridge_;  // must outlive connector_
  hub_connector* connector_ = nullptr;
};

}  // namespace hub::plugin_host

#endif  // HUB_PLUGIN_HOST_CONNECTOR_INSTANCE_HPP_
