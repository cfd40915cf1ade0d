// The supply_chain connector's options: the schema it declares and the parsed values.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_OPTIONS_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_OPTIONS_HPP_

#include <filesystem>
#include <optional>
#include <string>

#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"
#include "supply_chain/order_drop.hpp"
#include "supply_chain/orders05_writer.hpp"
#include "supply_chain/supply_chain_source.hpp"

namespace hub::supply_chain {

// What Configure makes of the options. `inbox` is set with `path`, `drop_dir` with `drop_dir`. A plain value.
struct SupplyChainOptions {
  std::optional<InboxOptions> inbox;
  std::filesystem::path drop_dir;
  OutboundFormat outbound_format = OutboundFormat::kIdoc;
  Orders05Envelope envelope;
  std::string partner_system = "supply_chain";
};

// The plugin's name, version, description and option schema (the README's table is generated from it).
sdk::PluginDescription DescribeSupplyChainConnector();

// Parses the values the host validated against DescribeSupplyChainConnector(). InvalidArgument naming the
// option for a value that is not usable (a bad duration or boolean, an outbound_format other than idoc or ubl,
// a missing receiver_partner with drop_dir).
sdk::Result<SupplyChainOptions> ParseSupplyChainOptions(const sdk::Options& options);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_SUPPLY_CHAIN_OPTIONS_HPP_
