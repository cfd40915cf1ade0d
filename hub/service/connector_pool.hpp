// The connector instances of one configuration: one per configured connector, shared by every job on it.
#ifndef HUB_SERVICE_CONNECTOR_POOL_HPP_
#define HUB_SERVICE_CONNECTOR_POOL_HPP_

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/metrics.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "plugin_host/connector_instance.hpp"
#include "service/hub_setup.hpp"

namespace hub::service {

// The one instance of a configured connector (<connector name="crm">), which its sync and delivery jobs
// share. The instance is created and configured on the first call, and again on the next call when that
// failed. Every call holds the instance's mutex for its whole length, so calls never overlap (the plugin
// ABI's rule) whichever jobs make them, and each runs under the caller's cancellation token.
//
// What the connector counts (Context::Count) goes to `metrics` (when given) as
// hub_connector_events_total{connector,counter}.
//
// Thread-safe. Lifetime: the setup, clock and metrics it was made with must outlive it; it keeps its plugin loaded.
// Errors: the instance's (creation, configuration, the call's own), with the connector named.
class PooledConnector {
 public:
  PooledConnector(std::shared_ptr<const HubSetup> setup, const config::ConnectorConfig& connector, const Clock& clock,
                  MetricsRegistry* metrics = nullptr);
  PooledConnector(const PooledConnector&) = delete;
  PooledConnector& operator=(const PooledConnector&) = delete;

  const std::string& name() const { return name_; }

  // Creates and configures the instance if it is not yet, and calls nothing else: what the connector refuses
  // in its options beyond their declared schema (a mail template that does not parse, a folder it cannot
  // read) comes out before the first job needs it. `hub check-config` calls it for each connector; Configure
  // does not reach the system (the SDK's rule, sdk/include/hub/sdk/connector.hpp).
  sdk::Status Configure();

  // ConnectorInstance::ReadBatch, under `cancel`.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records, const CancellationToken& cancel);

  // ConnectorInstance::WriteEvents, under `cancel`: how many of `events` (a prefix) the system accepted.
  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events, const CancellationToken& cancel);

 private:
  // The instance, created and configured if it is not yet; under mutex_.
  sdk::Result<plugin_host::ConnectorInstance*> InstanceLocked(const CancellationToken& cancel);

  const std::shared_ptr<const HubSetup> setup_;
  const std::string name_;
  const Clock& clock_;
  MetricsRegistry* const metrics_;                            // nullptr: counts are dropped
  std::mutex mutex_;                                          // held by every call on the instance
  std::unique_ptr<plugin_host::ConnectorInstance> instance_;  // guarded by mutex_
};

// Every configured connector's PooledConnector, made when the pool is (instances come on first use).
// Immutable after construction; thread-safe. Lifetime: as PooledConnector's.
class ConnectorPool {
 public:
  ConnectorPool(std::shared_ptr<const HubSetup> setup, const Clock& clock, MetricsRegistry* metrics = nullptr);

  // The connector named `name`, or NotFound naming the ones configured.
  sdk::Result<PooledConnector*> Find(std::string_view name) const;

 private:
  std::map<std::string, std::unique_ptr<PooledConnector>, std::less<>> connectors_;
};

// Configures an instance of every connector of `setup` (PooledConnector::Configure) and lets them go: one error at
// each connector's line for what its plugin refused, with the plugin's message. For `hub check-config`.
std::vector<config::ConfigError> ConfigureEachConnector(const std::shared_ptr<const HubSetup>& setup);

}  // namespace hub::service

#endif  // HUB_SERVICE_CONNECTOR_POOL_HPP_
