// What lead routing reads of a lead (leads::RoutingRequest) beside the lead's own fields: who dealt with its known
// customer and whether that customer is in its cooling period; and the whole request of a stored lead, routed
// again (an SLA passed, an owner left).
#ifndef HUB_STORE_MODEL_LEAD_ROUTING_REQUEST_HPP_
#define HUB_STORE_MODEL_LEAD_ROUTING_REQUEST_HPP_

#include <cstdint>
#include <optional>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"

namespace hub::store_model {

// Adds to `lead` what the store knows of its customer `party_id`: `familiar` (ReadFamiliarStaff); the customer's
// industry when the lead gives none, and its place when the lead names neither province nor city
// (ReadCustomerPlace: a mail's lead from a new contact goes to the customer's region); and, when a lead of the
// customer was abandoned within `cooling_days` before `now` (InCoolingPeriod), `held_back` with why.
// Threads: as the connection. Errors: the driver's Status.
sdk::Status AddCustomerHistory(odbc::Connection& connection, std::int64_t party_id, TimePoint now, int cooling_days,
                               leads::RoutingRequest& lead);

// The request of stored lead `lead_id`: its industry, business function, province, city, estimated amount, tier
// (top: premium), finder and, with a known customer, AddCustomerHistory. nullopt when the lead is not in the
// store. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::optional<leads::RoutingRequest>> ReadStoredRoutingRequest(odbc::Connection& connection,
                                                                           std::int64_t lead_id, TimePoint now,
                                                                           int cooling_days);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_ROUTING_REQUEST_HPP_
