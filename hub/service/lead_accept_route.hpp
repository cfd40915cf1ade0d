// The owner's acceptance of a routed lead, which keeps it from the SLA's re-routing (store/model/lead_sla.hpp).
#ifndef HUB_SERVICE_LEAD_ACCEPT_ROUTE_HPP_
#define HUB_SERVICE_LEAD_ACCEPT_ROUTE_HPP_

#include "api/router.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml (`store` must outlive the router's handlers):
//   POST /api/v1/leads/{id}/accept   operate   accepts the lead for its owner (store_model::AcceptLeadAssignment:
//                                              accepted_at now, accepted_by the token's holder, on the owner's
//                                              latest assignment), once: 200 {lead_id, owner_employee_id,
//                                              assignment_id, accepted_at, accepted_by, accepted_now} — a second call
//                                              answers the first acceptance with accepted_now false; 404 unknown
//                                              lead; 409 conflict for a lead without an owner, or whose owner was
//                                              named rather than routed (no assignment to accept)
sdk::Status AddLeadAcceptRoute(api::Router& router, odbc::Database& store);

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_ACCEPT_ROUTE_HPP_
