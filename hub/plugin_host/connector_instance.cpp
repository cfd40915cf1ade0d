#include "plugin_host/connector_instance.hpp"

#include <cstring>
#include <utility>

#include "hub/sdk/detail/c_bridge.hpp"
#include "plugin_host/abi_checks.hpp"
#include "plugin_host/host_bridge.hpp"

namespace hub::plugin_host {
namespace {

hub_error EmptyError() {
  hub_error error{};
  error.struct_size = sizeof(error);
  return error;
}

}  // namespace

sdk::Result<std::unique_ptr<ConnectorInstance>> ConnectorInstance::Create(std::string name,
                                                                          std::shared_ptr<const LoadedPlugin> plugin,
                                                                          HostServices services) {
  if (plugin == nullptr) return sdk::Status::InvalidArgument("connector '" + name + "': no plugin given");
  if (services.logger == nullptr) services.logger = MakeLogger("connector." + name);
  std::unique_ptr<ConnectorInstance> instance(
      new ConnectorInstance(std::move(name), std::move(plugin), std::move(services)));
  hub_error error = EmptyError();
  int32_t code = instance->plugin_->api().create(instance->bridge_->api(), &instance->connector_, &error);
  if (code != HUB_STATUS_OK) {
    instance->connector_ = nullptr;  // create failed: there is nothing to destroy
    return sdk::detail::ImportError(code, error).WithContext("factory failed").WithContext(instance->context_);
  }
  if (instance->connector_ == nullptr) {
    return sdk::Status::Internal(instance->context_ + ": factory failed: it returned no connector");
  }
  return instance;
}

ConnectorInstance::ConnectorInstance(std::string name, std::shared_ptr<const LoadedPlugin> plugin,
                                     HostServices services)
    : plugin_(std::move(plugin)),
      name_(std::move(name)),
      context_("plugin '" + plugin_->name() + "' (connector " + name_ + ")"),
      bridge_(std::make_unique<HostBridge>(std::move(services))) {}

ConnectorInstance::~ConnectorInstance() {
  if (connector_ != nullptr) plugin_->api().destroy(connector_);
}

sdk::Status ConnectorInstance::Configure(const sdk::Options& options) {
  std::vector<hub_option_value> values;
  values.reserve(options.values().size());
  for (const auto& [key, value] : options.values()) {
    values.push_back(hub_option_value{sdk::detail::ToC(key), sdk::detail::ToC(value)});
  }
  hub_error error = EmptyError();
  int32_t code = plugin_->api().configure(connector_, values.data(), values.size(), &error);
  return PluginStatus(code, error);
}

sdk::Result<sdk::Batch> ConnectorInstance::ReadBatch(std::string_view cursor, std::size_t max_records) {
  const hub_batch* batch = nullptr;
  hub_error error = EmptyError();
  int32_t code = plugin_->api().read_batch(connector_, sdk::detail::ToC(cursor), max_records, &batch, &error);
  HUB_RETURN_IF_ERROR(PluginStatus(code, error));
  HUB_RETURN_IF_ERROR(CheckBatch(batch, max_records).WithContext(context_));
  return sdk::detail::ImportBatch(*batch);
}

sdk::Result<std::size_t> ConnectorInstance::WriteEvents(const std::vector<sdk::OutboundEvent>& events) {
  // A plugin built for ABI 1.0 steps through the array by its own, shorter struct: hand the events over in
  // that layout (its members are the first ones of today's, at the same offsets).
  static_assert(HUB_OUTBOUND_EVENT_SIZE_V1_0 % alignof(hub_outbound_event) == 0);
  const std::size_t stride = plugin_->api().abi_minor >= 1 ? sizeof(hub_outbound_event) : HUB_OUTBOUND_EVENT_SIZE_V1_0;
  std::vector<hub_outbound_event> out(events.size());
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  for (std::size_t i = 0; i < events.size(); ++i) {
    hub_outbound_event event = sdk::detail::ToC(events[i]);
    event.struct_size = static_cast<std::uint32_t>(stride);
    std::memcpy(bytes + i * stride, &event, stride);
  }
  std::uint64_t accepted = 0;
  hub_error error = EmptyError();
  int32_t code = plugin_->api().write_events(connector_, out.data(), out.size(), &accepted, &error);
  if (accepted > out.size()) {
    return sdk::Status::Internal(context_ + ": accepted " + std::to_string(accepted) + " of " +
                                 std::to_string(out.size()) + " events");
  }
  // A failure after a prefix was taken is about the first event not taken: answer the prefix, which must
  // not be sent again, and the call with the rest hears the failure.
  if (accepted == 0) HUB_RETURN_IF_ERROR(PluginStatus(code, error));
  return static_cast<std::size_t>(accepted);
}

sdk::Status ConnectorInstance::CheckHealth() {
  hub_error error = EmptyError();
  int32_t code = plugin_->api().check_health(connector_, &error);
  return PluginStatus(code, error);
}

void ConnectorInstance::SetCancellation(CancellationToken token) { bridge_->SetCancellation(std::move(token)); }

sdk::Status ConnectorInstance::PluginStatus(int32_t code, const hub_error& error) const {
  return sdk::detail::ImportError(code, error).WithContext(context_);
}

}  // namespace hub::plugin_host
