// The `supply_chain` connector plugin: SAP IDoc-XML from a watched folder, and order events out as ORDERS05
// IDocs into a drop folder (see README.md).
#include <chrono>
#include <memory>
#include <string_view>
#include <vector>

#include "hub/sdk/sdk.hpp"
#include "supply_chain/order_drop.hpp"
#include "supply_chain/supply_chain_options.hpp"
#include "supply_chain/supply_chain_source.hpp"

namespace hub::supply_chain {

// The plugin class: parses its options into a SupplyChainSource (with `path`) and an OrderDrop (with
// `drop_dir`) and forwards to them. Lives as long as the hub's connector instance; the hub never calls it
// concurrently.
class SupplyChainConnector final : public sdk::Connector {
 public:
  explicit SupplyChainConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeSupplyChainConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<SupplyChainOptions> parsed = ParseSupplyChainOptions(options);
    if (!parsed.ok()) return parsed.status();
    const sdk::Context& context = context_;
    auto log = [&context](sdk::LogLevel level, std::string_view message) {
      if (context.LogEnabled(level)) context.Log(level, message);
    };
    auto now = [&context] {
      return std::chrono::system_clock::time_point(std::chrono::milliseconds(context.NowUnixMs()));
    };
    auto count = [&context](std::string_view counter, std::int64_t delta) { context.Count(counter, delta); };
    if (parsed->inbox) source_ = std::make_unique<SupplyChainSource>(std::move(*parsed->inbox), now, log, count);
    if (!parsed->drop_dir.empty()) {
      drop_ = std::make_unique<OrderDrop>(parsed->drop_dir, parsed->envelope, parsed->partner_system,
                                          parsed->outbound_format);
    }
    configured_ = true;
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (!configured_) return sdk::Status::Internal("the supply_chain connector was not configured");
    if (source_ == nullptr) {
      return sdk::Status::InvalidArgument(
          "this supply_chain connector has no option 'path', so it reads nothing (it only delivers orders to "
          "drop_dir): give it path to read");
    }
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events) override {
    if (!configured_) return sdk::Status::Internal("the supply_chain connector was not configured");
    // Not the events' fault: they wait (and are retried) until drop_dir is configured.
    if (drop_ == nullptr) {
      return sdk::Status::Unavailable(
          "this supply_chain connector has no option 'drop_dir', so it takes no events: give it the drop folder");
    }
    return drop_->Write(events);
  }

  sdk::Status CheckHealth() override {
    if (!configured_) return sdk::Status::Internal("the supply_chain connector was not configured");
    if (source_ != nullptr) HUB_RETURN_IF_ERROR(source_->CheckHealth());
    if (drop_ != nullptr) HUB_RETURN_IF_ERROR(drop_->CheckHealth());
    return sdk::Status::Ok();
  }

 private:
  sdk::Context& context_;
  bool configured_ = false;
  std::unique_ptr<SupplyChainSource> source_;  // null without `path`
  std::unique_ptr<OrderDrop> drop_;            // null without `drop_dir`
};

}  // namespace hub::supply_chain

HUB_EXPORT_CONNECTOR(hub::supply_chain::SupplyChainConnector)
