// The mappings the supply_chain plugin declares (ABI 1.2), embedded from mappings/*.xml at build time.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::supply_chain {

// `sap_idoc`, `edifact_d03b` and `ubl`: every entity the readers give (party, order, order_line,
// order_partner, delivery, delivery_line, invoice, invoice_line), taken whole by a job with
// <mapping use="sap_idoc"/>. One document (mappings/supply_chain.xml) under three names: the readers of the
// three formats give the same field names.
std::vector<sdk::DefaultMapping> SupplyChainDefaultMappings();

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_DEFAULT_MAPPINGS_HPP_
