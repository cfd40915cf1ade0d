// The `supply_chain` connector plugin: SAP IDoc-XML from a watched folder, and order events out as ORDERS05
// IDocs into a drop folder (see README.md).
#include <memory>
#include <utility>

#include "hub/sdk/sdk.hpp"
#include "hub/sdk/source_and_drop.hpp"
#include "supply_chain/order_drop.hpp"
#include "supply_chain/supply_chain_options.hpp"
#include "supply_chain/supply_chain_source.hpp"

namespace hub::supply_chain {

// The plugin class: parses its options into a SupplyChainSource (with `path`) and an OrderDrop (with
// `drop_dir`); sdk::SourceAndDropConnector forwards to them.
class SupplyChainConnector final : public sdk::SourceAndDropConnector<SupplyChainSource, OrderDrop> {
 public:
  explicit SupplyChainConnector(sdk::Context& context)
      : SourceAndDropConnector(context, {"supply_chain", "path", "drop_dir", "orders"}) {}

  static sdk::PluginDescription Describe() { return DescribeSupplyChainConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<SupplyChainOptions> parsed = ParseSupplyChainOptions(options);
    if (!parsed.ok()) return parsed.status();
    std::unique_ptr<SupplyChainSource> source;
    if (parsed->inbox) {
      source =
          std::make_unique<SupplyChainSource>(std::move(*parsed->inbox), ContextClock(), ContextLog(), ContextCount());
    }
    std::unique_ptr<OrderDrop> drop;
    if (!parsed->drop_dir.empty()) {
      drop = std::make_unique<OrderDrop>(parsed->drop_dir, parsed->envelope, parsed->partner_system,
                                         parsed->outbound_format);
    }
    Install(std::move(source), std::move(drop));
    return sdk::Status::Ok();
  }
};

}  // namespace hub::supply_chain

HUB_EXPORT_CONNECTOR(hub::supply_chain::SupplyChainConnector)
