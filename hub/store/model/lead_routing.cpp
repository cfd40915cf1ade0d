#include "store/model/lead_routing.hpp"

#include "store/model/lead_routing_request.hpp"
#include "store/model/owner_claim.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/stored_number.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// Writes `value` to `column`: in place of what the row writes there, or as a column of its own.
void Set(RowValues& row, std::string_view column, Value value) {
  for (std::size_t i = 0; i < row.columns.size(); ++i) {
    if (row.columns[i] != column) continue;
    row.values[i] = std::move(value);
    row.expressions[i] = "?";
    return;
  }
  row.Add(column, std::move(value));
}

}  // namespace

sdk::Result<leads::RoutingRequest> LeadRouting::RequestOf(const RowValues& row) {
  leads::RoutingRequest lead;
  lead.industry = row.Written("industry");
  lead.business_function = row.Written("business_function");
  lead.province = row.Written("province");
  lead.city = row.Written("city");
  lead.estimated_amount = NumberOf(row.ValueOf("estimated_amount"));
  lead.premium = row.Written("tier") == "top";
  lead.found_by = OptionalId(row.ValueOf("found_by_employee_id"));
  if (const std::optional<std::int64_t> party = OptionalId(row.ValueOf("party_id"))) {
    HUB_RETURN_IF_ERROR(AddCustomerHistory(connection_, *party, SystemClock().Now(), rules_.funnel.cooling_days, lead));
  }
  return lead;
}

sdk::Result<std::vector<leads::RoutingCandidate>*> LeadRouting::Staff() {
  if (!staff_) {
    sdk::Result<std::vector<leads::RoutingCandidate>> staff =
        staff_cache_ != nullptr ? staff_cache_->Staff(connection_) : ReadRoutingCandidates(connection_);
    if (!staff.ok()) return staff.status();
    staff_ = std::move(staff).value();
  }
  return &*staff_;
}

sdk::Status LeadRouting::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues& row) {
  decision_.reset();
  if (row_id || OptionalId(row.ValueOf("owner_employee_id"))) return sdk::Status::Ok();
  sdk::Result<leads::RoutingRequest> lead = RequestOf(row);
  if (!lead.ok()) return lead.status();
  sdk::Result<std::vector<leads::RoutingCandidate>*> staff = Staff();
  if (!staff.ok()) return staff.status();
  sdk::Result<leads::RoutingDecision> routed =
      RouteAndClaim(connection_, *lead, **staff, rules_.routing, may_wait_, staff_cache_);
  if (!routed.ok()) return routed.status();
  leads::RoutingDecision decision = std::move(routed).value();
  Set(row, "owner_employee_id", IdOrNull(decision.owner));
  row.Add("team_id", IdOrNull(decision.team_id));
  row.Add("routing_rule", TextOrNull(decision.rule));
  decision_ = std::move(decision);
  return sdk::Status::Ok();
}

sdk::Status LeadRouting::AfterRow(const model::MappedRecord&, std::int64_t row_id, std::int64_t, bool) {
  if (!decision_) return sdk::Status::Ok();
  const leads::RoutingDecision decision = std::move(*decision_);
  decision_.reset();
  sdk::Result<std::int64_t> assignment =
      RecordLeadAssignment(connection_, turn_, row_id, decision, AssignmentReason::kIntake, std::nullopt);
  if (!assignment.ok()) return assignment.status();
  if (!decision.owner) return sdk::Status::Ok();
  CountReassignment(*staff_, std::nullopt, *decision.owner);
  if (staff_cache_ != nullptr) {
    for (const leads::RoutingCandidate& candidate : *staff_) {
      if (candidate.employee_id == *decision.owner) staff_cache_->Remember(candidate);
    }
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
