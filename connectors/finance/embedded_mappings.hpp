// The mappings the finance connector ships (mappings/*.xml), embedded at build time.
#ifndef HUB_CONNECTORS_FINANCE_EMBEDDED_MAPPINGS_HPP_
#define HUB_CONNECTORS_FINANCE_EMBEDDED_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::finance {

// The default mappings the plugin declares: "odoo17" (mappings/odoo17.xml) and "ubl_invoice"
// (mappings/ubl_invoice.xml), which a job takes with <mapping use="odoo17"/>. Pure.
std::vector<sdk::DefaultMapping> DefaultMappings();

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_EMBEDDED_MAPPINGS_HPP_
