// A routing decision as the store keeps it (lead_assignments.trace) and the intake answers it (routing): JSON
// that explains who got a lead and why.
#ifndef HUB_STORE_MODEL_ROUTING_TRACE_HPP_
#define HUB_STORE_MODEL_ROUTING_TRACE_HPP_

#include <boost/json/object.hpp>

#include "leads/lead_router.hpp"

namespace hub::store_model {

// {owner_employee_id, team_id (null when none), rule, reason, steps: [{rule, outcome, detail, remaining}],
// candidates: [{employee_id, name, winner, eliminated_by (null for one that stayed), detail}]}. Pure.
boost::json::object RoutingTraceJson(const leads::RoutingDecision& decision);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ROUTING_TRACE_HPP_
