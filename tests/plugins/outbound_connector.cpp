// A connector that only delivers events (Capabilities::reads false): it overrides no ReadBatch, and the
// hub must refuse a sync job on it. It takes every event that carries an event id.
#include <hub/sdk/sdk.hpp>

namespace outbound {

class OutboundConnector final : public hub::sdk::Connector {
 public:
  explicit OutboundConnector(hub::sdk::Context&) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "test_outbound";
    description.version = "1.0.0";
    description.description = "Takes events, reads nothing.";
    description.capabilities = {.reads = false, .writes_events = true};
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options&) override { return hub::sdk::Status::Ok(); }

  hub::sdk::Result<std::size_t> WriteEvents(const std::vector<hub::sdk::OutboundEvent>& events) override {
    std::size_t taken = 0;
    while (taken < events.size() && !events[taken].event_id.empty()) ++taken;
    return taken;
  }
};

}  // namespace outbound

HUB_EXPORT_CONNECTOR(outbound::OutboundConnector)
