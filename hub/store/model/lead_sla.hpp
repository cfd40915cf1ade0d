// The acceptance SLA of a routed lead (issue 12, item 5): an owner who does not accept a lead within
// <leads><routing sla_hours> loses it to the next candidate, and their manager is told.
#ifndef HUB_STORE_MODEL_LEAD_SLA_HPP_
#define HUB_STORE_MODEL_LEAD_SLA_HPP_

#include <string_view>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/lead_assignments.hpp"
#include "store/model/lead_reassignment.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The change of a lead whose owner let its acceptance SLA pass ("lead.sla_missed").
inline constexpr std::string_view kLeadSlaMissed = "sla_missed";

// What became of one missed assignment.
enum class SlaOutcome {
  kAcceptedMeanwhile,  // accepted (or claimed by another run) since it was read: left alone
  kRerouted,           // the lead went to the next candidate
  kKept,               // nobody else could take it: it stays with its owner
};

// Handles `missed` as of `now` inside the caller's transaction (which holds `turn`): claims it
// (ClaimMissedAssignment, first, so that the transaction starts with a write), routes the lead again among the
// staff who never held it (ReadLeadHolders; LeadReassigner, reason sla; with nobody left the lead keeps its
// owner and the assignment row's trace says why), and appends "lead.sla_missed" {lead_id, missed_assignment_id,
// missed_by_employee_id, manager_employee_id (ReadManagerOf the owner who let it pass; null when none),
// assignment_id, owner_employee_id (the new owner; null when none), rule, reason, sla_hours}. Threads: as the
// connection. Errors: the driver's Status.
sdk::Result<SlaOutcome> RerouteMissedLead(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                          LeadReassigner& reassigner, const MissedAssignment& missed, TimePoint now,
                                          int sla_hours);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_SLA_HPP_
