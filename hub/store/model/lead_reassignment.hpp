// A stored lead routed again by the same rules as at intake (an owner let its SLA pass, an owner left): the new
// owner written on the lead, the assignment recorded with its trace and announced.
#ifndef HUB_STORE_MODEL_LEAD_REASSIGNMENT_HPP_
#define HUB_STORE_MODEL_LEAD_REASSIGNMENT_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"
#include "leads/lead_rules.hpp"
#include "store/model/lead_assignments.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The rule traced when a lead nobody else could take goes to the fallback owner (a leaver's manager).
inline constexpr std::string_view kFallbackRule = "manager";

// What a reassignment did: the decision (its owner nullopt when the lead kept its owner) and its assignment row.
struct Reassignment {
  leads::RoutingDecision decision;
  std::int64_t assignment_id = 0;
};

// Routes stored leads again, inside the caller's transaction (which holds `turn`), among the staff
// ReadRoutingCandidates reads at the first lead — each reassignment counted in it as the caller goes
// (CountReassignment). Threads: as the connection. Lifetime: one transaction; `turn` and `rules` outlive it.
class LeadReassigner {
 public:
  LeadReassigner(odbc::Connection& connection, const odbc::OutboxTurn& turn, const leads::LeadRules& rules)
      : connection_(connection), turn_(turn), rules_(rules) {}

  // Routes lead `lead_id` (ReadStoredRoutingRequest as of `now`) by `rules.routing` among the staff but `excluded`,
  // else to `fallback` (Decide). With an owner: it goes
  // on the lead (owner_employee_id, team_id, routing_rule); with none the lead keeps its owner. Either way the
  // assignment is recorded (RecordLeadAssignment, `reason`, at `now`: its row names nobody when the lead kept its
  // owner). NotFound when the lead is not in the store. Errors: the driver's Status.
  sdk::Result<Reassignment> Reassign(std::int64_t lead_id, AssignmentReason reason,
                                     std::span<const std::int64_t> excluded, std::optional<std::int64_t> fallback,
                                     TimePoint now);

  // `lead` routed by `rules` among the staff but `excluded`, the owner claimed (RouteAndClaim: quotas and caps hold
  // under concurrent writers). When it names nobody and a `fallback` employee
  // is given, the decision names them, by rule kFallbackRule (its reason says why nobody else could). Writes
  // nothing. Errors: the driver's Status (reading the staff).
  sdk::Result<leads::RoutingDecision> Decide(const leads::RoutingRequest& lead, std::span<const std::int64_t> excluded,
                                             std::optional<std::int64_t> fallback, const leads::RoutingRules& rules);

  // Counts in the staff a holding moved from `from` to `to` (CountReassignment); nothing before the staff is read.
  void Count(std::optional<std::int64_t> from, std::int64_t to);

 private:
  sdk::Result<std::vector<leads::RoutingCandidate>*> Staff();
  // `decision` given to `fallback` when it names no owner.
  void FallBack(leads::RoutingDecision& decision, std::optional<std::int64_t> fallback) const;
  // Writes the decision's owner on the lead; the previous owner, for the staff's counts.
  sdk::Result<std::optional<std::int64_t>> WriteOwner(std::int64_t lead_id, const leads::RoutingDecision& decision);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const leads::LeadRules& rules_;
  std::optional<std::vector<leads::RoutingCandidate>> staff_;
  bool may_wait_ = true;  // for an owner's lock: only until the transaction made a claim
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_REASSIGNMENT_HPP_
