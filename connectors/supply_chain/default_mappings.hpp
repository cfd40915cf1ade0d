// The mappings the supply_chain plugin declares (ABI 1.2), embedded from mappings/*.xml at build time.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::supply_chain {

// `sap_idoc`: every entity the IDoc reader gives (party, order, order_line, order_partner, delivery,
// delivery_line, invoice, invoice_line), taken whole by a job with <mapping use="sap_idoc"/>.
std::vector<sdk::DefaultMapping> SupplyChainDefaultMappings();

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_
