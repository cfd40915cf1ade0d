#include "store/model/lead_reassignment.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "store/model/lead_routing_request.hpp"
#include "store/model/owner_claim.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {

using sdk::Value;

sdk::Result<std::vector<leads::RoutingCandidate>*> LeadReassigner::Staff() {
  if (!staff_) {
    sdk::Result<std::vector<leads::RoutingCandidate>> staff = ReadRoutingCandidates(connection_);
    if (!staff.ok()) return staff.status();
    staff_ = std::move(staff).value();
  }
  return &*staff_;
}

void LeadReassigner::FallBack(leads::RoutingDecision& decision, std::optional<std::int64_t> fallback) const {
  if (decision.owner || !fallback) return;
  decision.owner = fallback;
  decision.team_id.reset();
  for (const leads::RoutingCandidate& candidate : *staff_) {
    if (candidate.employee_id == *fallback) decision.team_id = candidate.team_id;
  }
  decision.rule = kFallbackRule;
  decision.reason = std::string(kFallbackRule) + ": nobody else could take it (" + decision.reason + ")";
}

sdk::Result<std::optional<std::int64_t>> LeadReassigner::WriteOwner(std::int64_t lead_id,
                                                                    const leads::RoutingDecision& decision) {
  sdk::Result<std::vector<odbc::Row>> previous =
      QueryStoreRows(connection_, "SELECT owner_employee_id FROM leads WHERE id = ?", {Value::Int64(lead_id)});
  if (!previous.ok()) return previous.status();
  sdk::Result<std::int64_t> written = ExecuteStoreStatement(
      connection_,
      "UPDATE leads SET owner_employee_id = ?, team_id = ?, routing_rule = ?, updated_at = {{now}} "
      "WHERE id = ?",
      {IdOrNull(decision.owner), IdOrNull(decision.team_id), TextOrNull(decision.rule), Value::Int64(lead_id)});
  if (!written.ok()) return written.status();
  return previous->empty() ? std::optional<std::int64_t>() : OptionalId(previous->front()[0]);
}

sdk::Result<leads::RoutingDecision> LeadReassigner::Decide(const leads::RoutingRequest& lead,
                                                           std::span<const std::int64_t> excluded,
                                                           std::optional<std::int64_t> fallback,
                                                           const leads::RoutingRules& rules) {
  sdk::Result<std::vector<leads::RoutingCandidate>*> staff = Staff();
  if (!staff.ok()) return staff.status();
  std::vector<leads::RoutingCandidate> candidates;
  for (const leads::RoutingCandidate& candidate : **staff) {
    if (std::find(excluded.begin(), excluded.end(), candidate.employee_id) == excluded.end()) {
      candidates.push_back(candidate);
    }
  }
  sdk::Result<leads::RoutingDecision> decision =
      RouteAndClaim(connection_, lead, candidates, rules, may_wait_, nullptr);
  if (!decision.ok()) return decision.status();
  FallBack(*decision, fallback);
  return decision;
}

void LeadReassigner::Count(std::optional<std::int64_t> from, std::int64_t to) {
  if (staff_) CountReassignment(*staff_, from, to);
}

sdk::Result<Reassignment> LeadReassigner::Reassign(std::int64_t lead_id, AssignmentReason reason,
                                                   std::span<const std::int64_t> excluded,
                                                   std::optional<std::int64_t> fallback, TimePoint now) {
  sdk::Result<std::optional<leads::RoutingRequest>> lead =
      ReadStoredRoutingRequest(connection_, lead_id, now, rules_.funnel.cooling_days);
  if (!lead.ok()) return lead.status();
  if (!*lead) return sdk::Status::NotFound("no lead has id " + std::to_string(lead_id));
  sdk::Result<leads::RoutingDecision> decision = Decide(**lead, excluded, fallback, rules_.routing);
  if (!decision.ok()) return decision.status();
  Reassignment done{std::move(decision).value(), 0};
  if (done.decision.owner) {
    sdk::Result<std::optional<std::int64_t>> previous = WriteOwner(lead_id, done.decision);
    if (!previous.ok()) return previous.status();
    Count(*previous, *done.decision.owner);
  }
  sdk::Result<std::int64_t> assignment = RecordLeadAssignment(connection_, turn_, lead_id, done.decision, reason, now);
  if (!assignment.ok()) return assignment.status();
  done.assignment_id = *assignment;
  return done;
}

}  // namespace hub::store_model
