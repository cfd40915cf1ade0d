#include "store/model/lead_routing.hpp"

#include <boost/json.hpp>

#include "store/model/lead_cooling.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/owner_claim.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/routing_trace.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

std::optional<std::int64_t> IdOf(const RowValues& row, std::string_view column) {
  const Value value = row.ValueOf(column);
  if (value.is_null()) return std::nullopt;
  return value.integer();
}

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

Value IdOrNull(const std::optional<std::int64_t>& id) { return id ? Value::Int64(*id) : Value::Null(); }

boost::json::value JsonIdOrNull(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
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
  lead.found_by = IdOf(row, "found_by_employee_id");
  if (const std::optional<std::int64_t> party = IdOf(row, "party_id")) {
    sdk::Result<std::vector<std::int64_t>> familiar = ReadFamiliarStaff(connection_, *party);
    if (!familiar.ok()) return familiar.status();
    lead.familiar = std::move(familiar).value();
    HUB_RETURN_IF_ERROR(InheritCustomerPlace(*party, lead));
    const int days = rules_.funnel.cooling_days;
    sdk::Result<bool> cooling = InCoolingPeriod(connection_, *party, SystemClock().Now(), days);
    if (!cooling.ok()) return cooling.status();
    if (*cooling) lead.held_back = "its customer's lead was abandoned within cooling_days " + std::to_string(days);
  }
  return lead;
}

sdk::Status LeadRouting::InheritCustomerPlace(std::int64_t party_id, leads::RoutingRequest& lead) {
  const bool gives_place = !lead.province.empty() || !lead.city.empty();
  if (!lead.industry.empty() && gives_place) return sdk::Status::Ok();
  sdk::Result<CustomerPlace> customer = ReadCustomerPlace(connection_, party_id);
  if (!customer.ok()) return customer.status();
  if (lead.industry.empty()) lead.industry = customer->industry;
  // The place as a whole: a lead's own city beside its customer's province could name two places.
  if (!gives_place) {
    lead.country = customer->country;
    lead.province = customer->province;
    lead.city = customer->city;
  }
  return sdk::Status::Ok();
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
  if (row_id || IdOf(row, "owner_employee_id")) return sdk::Status::Ok();
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
  row.Add("routing_rule", decision.rule.empty() ? Value::Null() : Value::String(decision.rule));
  decision_ = std::move(decision);
  return sdk::Status::Ok();
}

sdk::Status LeadRouting::AfterRow(const model::MappedRecord&, std::int64_t row_id, std::int64_t, bool) {
  if (!decision_) return sdk::Status::Ok();
  const leads::RoutingDecision decision = std::move(*decision_);
  decision_.reset();
  sdk::Result<std::int64_t> assignment =
      InsertReturningId(connection_,
                        "INSERT INTO lead_assignments (lead_id, employee_id, team_id, rule, reason, trace) "
                        "VALUES (?, ?, ?, ?, 'intake', ?)",
                        {Value::Int64(row_id), IdOrNull(decision.owner), IdOrNull(decision.team_id),
                         decision.rule.empty() ? Value::Null() : Value::String(decision.rule),
                         Value::String(boost::json::serialize(RoutingTraceJson(decision)))});
  if (!assignment.ok()) return assignment.status();
  if (!decision.owner) return sdk::Status::Ok();
  for (leads::RoutingCandidate& candidate : *staff_) {
    if (candidate.employee_id != *decision.owner) continue;
    ++candidate.open_holdings;
    ++candidate.intake_today;
    if (staff_cache_ != nullptr) staff_cache_->Remember(candidate);
  }
  const boost::json::object payload{{"lead_id", row_id},
                                    {"assignment_id", *assignment},
                                    {"owner_employee_id", *decision.owner},
                                    {"team_id", JsonIdOrNull(decision.team_id)},
                                    {"rule", decision.rule},
                                    {"reason", "intake"}};
  return AppendOutboxEvent(connection_, turn_, "lead", row_id, "lead." + std::string(kLeadAssigned),
                           boost::json::serialize(payload));
}

}  // namespace hub::store_model
