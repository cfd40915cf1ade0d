#include "service/connector_pool.hpp"

#include <utility>

#include "config/secret_resolver.hpp"

namespace hub::service {

PooledConnector::PooledConnector(std::shared_ptr<const HubSetup> setup, const config::ConnectorConfig& connector,
                                 const Clock& clock, MetricsRegistry* metrics)
    : setup_(std::move(setup)), name_(connector.name), clock_(clock), metrics_(metrics) {}

sdk::Result<sdk::Batch> PooledConnector::ReadBatch(std::string_view cursor, std::size_t max_records,
                                                   const CancellationToken& cancel) {
  std::lock_guard lock(mutex_);
  sdk::Result<plugin_host::ConnectorInstance*> instance = InstanceLocked(cancel);
  if (!instance.ok()) return instance.status();
  return (*instance)->ReadBatch(cursor, max_records);
}

sdk::Result<std::size_t> PooledConnector::WriteEvents(const std::vector<sdk::OutboundEvent>& events,
                                                      const CancellationToken& cancel) {
  std::lock_guard lock(mutex_);
  sdk::Result<plugin_host::ConnectorInstance*> instance = InstanceLocked(cancel);
  if (!instance.ok()) return instance.status();
  return (*instance)->WriteEvents(events);
}

sdk::Status PooledConnector::Configure() {
  std::lock_guard lock(mutex_);
  return InstanceLocked(CancellationToken()).status();
}

sdk::Result<plugin_host::ConnectorInstance*> PooledConnector::InstanceLocked(const CancellationToken& cancel) {
  if (instance_ == nullptr) {
    const config::ConnectorConfig* connector = setup_->config.FindConnector(name_);
    auto plugin = connector ? setup_->plugins->Find(connector->plugin) : nullptr;
    auto options = setup_->connector_options.find(name_);
    if (!plugin || options == setup_->connector_options.end()) {
      return sdk::Status::NotFound("connector '" + name_ + "' is not available");
    }
    auto resolver = std::make_shared<config::SecretResolver>(setup_->config.base_dir);
    plugin_host::CounterSink count;
    if (metrics_ != nullptr) {
      count = [metrics = metrics_, name = name_](std::string_view counter, std::int64_t delta) {
        metrics->Add("hub_connector_events_total", {{"connector", name}, {"counter", std::string(counter)}},
                     static_cast<double>(delta));
      };
    }
    plugin_host::HostServices services{MakeLogger("connector." + name_), clock_, cancel,
                                       [resolver](std::string_view reference) { return resolver->Resolve(reference); },
                                       std::move(count)};
    auto created = plugin_host::ConnectorInstance::Create(name_, plugin, std::move(services));
    if (!created.ok()) return created.status();
    HUB_RETURN_IF_ERROR((*created)->Configure(options->second));
    instance_ = std::move(created).value();
  }
  instance_->SetCancellation(cancel);
  return instance_.get();
}

ConnectorPool::ConnectorPool(std::shared_ptr<const HubSetup> setup, const Clock& clock, MetricsRegistry* metrics) {
  for (const config::ConnectorConfig& connector : setup->config.connectors) {
    connectors_.emplace(connector.name, std::make_unique<PooledConnector>(setup, connector, clock, metrics));
  }
}

sdk::Result<PooledConnector*> ConnectorPool::Find(std::string_view name) const {
  auto found = connectors_.find(name);
  if (found != connectors_.end()) return found->second.get();
  std::string known;
  for (const auto& [configured, connector] : connectors_) known += (known.empty() ? "" : ", ") + configured;
  return sdk::Status::NotFound("no connector named '" + std::string(name) +
                               "' (connectors: " + (known.empty() ? "none" : known) + ")");
}

std::vector<config::ConfigError> ConfigureEachConnector(const std::shared_ptr<const HubSetup>& setup) {
  const SystemClock clock;
  std::vector<config::ConfigError> errors;
  for (const config::ConnectorConfig& connector : setup->config.connectors) {
    PooledConnector instance(setup, connector, clock);
    sdk::Status configured = instance.Configure();
    if (!configured.ok()) errors.push_back({connector.location, configured.message()});
  }
  return errors;
}

}  // namespace hub::service
