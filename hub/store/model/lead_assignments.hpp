// The lead_assignments table (migrations 24 and 25): an assignment recorded with its trace and its "lead.assigned"
// event, accepted by its owner, claimed once its acceptance SLA passed; and who held a lead before.
#ifndef HUB_STORE_MODEL_LEAD_ASSIGNMENTS_HPP_
#define HUB_STORE_MODEL_LEAD_ASSIGNMENTS_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The change of a lead that its assignment to an owner records ("lead.assigned").
inline constexpr std::string_view kLeadAssigned = "assigned";

// Why a lead was assigned (lead_assignments.reason, and the "reason" of its lead.assigned event).
enum class AssignmentReason {
  kIntake,  // routed as it arrived
  kSla,     // its owner let the acceptance SLA pass
  kLeaver,  // its owner left or went on long leave
};

// "intake", "sla", "leaver".
std::string_view AssignmentReasonName(AssignmentReason reason);

// Records `decision` for lead `lead_id`: a lead_assignments row (employee_id null when the decision names no
// owner) with its trace (RoutingTraceJson), assigned at `at` (nullopt: the store's now), and, when it names an
// owner, a "lead.assigned" event {lead_id, assignment_id, owner_employee_id, team_id, rule, reason}. Inside the
// caller's transaction, which holds `turn`. Returns the assignment's id. Threads: as the connection. Errors: the
// driver's Status.
sdk::Result<std::int64_t> RecordLeadAssignment(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                               std::int64_t lead_id, const leads::RoutingDecision& decision,
                                               AssignmentReason reason, std::optional<TimePoint> at);

// A lead's acceptance by its owner as the store holds it.
struct LeadAcceptance {
  std::optional<std::int64_t> owner_employee_id;  // the lead's owner; nullopt: it has none
  std::optional<std::int64_t> assignment_id;      // the owner's latest assignment; nullopt: the owner was named,
                                                  // never routed (nothing to accept)
  sdk::Value accepted_at;                         // null when not accepted
  std::string accepted_by;
  bool accepted_now = false;  // this call accepted it (false: it was accepted before, or cannot be)
};

// Accepts lead `lead_id` for its owner, once: sets accepted_at (the store's now) and accepted_by (`by`) on the
// owner's latest assignment unless set already; a second call changes nothing and answers the first acceptance.
// nullopt when the lead is not in the store. Writes first, then reads (a SQLite transaction takes its write turn
// at once). Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::optional<LeadAcceptance>> AcceptLeadAssignment(odbc::Connection& connection, std::int64_t lead_id,
                                                                const std::string& by);

// An assignment whose acceptance SLA passed.
struct MissedAssignment {
  std::int64_t assignment_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t employee_id = 0;  // the owner who let it pass
};

// The assignments whose SLA passed: of a lead at stage resource or graded (an owner who moved it on acted on
// it) whose latest assignment names its owner, was made before `cutoff`, and is neither accepted nor claimed
// (ClaimMissedAssignment); in assignment id order, at most `limit`. Threads: as the connection. Errors: the
// driver's Status.
sdk::Result<std::vector<MissedAssignment>> ReadMissedAssignments(odbc::Connection& connection, TimePoint cutoff,
                                                                 std::size_t limit);

// Claims `missed` at `now` (sets its sla_missed_at) unless it was accepted or claimed meanwhile: false then.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<bool> ClaimMissedAssignment(odbc::Connection& connection, const MissedAssignment& missed, TimePoint now);

// Every employee lead `lead_id` was ever assigned to, each once, in the order of their first assignment.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::int64_t>> ReadLeadHolders(odbc::Connection& connection, std::int64_t lead_id);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_ASSIGNMENTS_HPP_
