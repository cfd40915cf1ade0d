#include "store/model/leaver_handover.hpp"

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "store/model/outbox_event.hpp"
#include "store/model/routing_candidates.hpp"
#include "store/model/routing_trace.hpp"
#include "store/model/staff_managers.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The rule traced when an opportunity goes with the lead it was made from.
constexpr std::string_view kWithItsLead = "lead";

// The routing of what a leaver leaves behind beside leads: the gates, then the most signings, then the lightest
// load; no daily cap (it is no new intake), no finder.
leads::RoutingRules TopPerformersFirst(const leads::RoutingRules& routing) {
  leads::RoutingRules rules = routing;
  rules.principles = {leads::Principle::kTopPerformers, leads::Principle::kWorkload};
  rules.finder_first = false;
  rules.daily_cap = 0;
  return rules;
}

sdk::Result<std::vector<odbc::Row>> Holdings(odbc::Connection& connection, const std::string& sql,
                                             std::int64_t leaver) {
  return QueryStoreRows(connection, sql, {Value::Int64(leaver)});
}

}  // namespace

std::string_view AwayCauseName(AwayCause cause) { return cause == AwayCause::kLeft ? "left" : "long_leave"; }

LeaverHandover::LeaverHandover(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                               const leads::LeadRules& rules)
    : connection_(connection),
      turn_(turn),
      reassigner_(connection, turn, rules),
      top_performers_first_(TopPerformersFirst(rules.routing)) {}

sdk::Result<HandoverCounts> LeaverHandover::HandOver(std::int64_t leaver, AwayCause cause, TimePoint now) {
  sdk::Result<std::optional<std::int64_t>> manager = ReadManagerOf(connection_, leaver);
  if (!manager.ok()) return manager.status();
  leaver_ = leaver;
  manager_ = *manager;
  cause_ = cause;
  now_ = now;
  lead_owners_.clear();
  counts_ = {};
  HUB_RETURN_IF_ERROR(HandOverLeads());
  HUB_RETURN_IF_ERROR(HandOverOpportunities());
  HUB_RETURN_IF_ERROR(HandOverCustomers());
  return counts_;
}

sdk::Status LeaverHandover::HandOverLeads() {
  sdk::Result<std::vector<odbc::Row>> leads = Holdings(
      connection_,
      "SELECT id FROM leads WHERE owner_employee_id = ? AND " + std::string(kOpenLeadStage) + " ORDER BY id", leaver_);
  if (!leads.ok()) return leads.status();
  const std::int64_t excluded[] = {leaver_};
  for (const odbc::Row& row : *leads) {
    const std::int64_t lead = IntegerOf(row[0]);
    sdk::Result<Reassignment> reassigned =
        reassigner_.Reassign(lead, AssignmentReason::kLeaver, excluded, manager_, now_);
    if (!reassigned.ok()) return reassigned.status();
    ++counts_.leads;
    HUB_RETURN_IF_ERROR(Record("lead", lead, reassigned->decision));
    lead_owners_[lead] = reassigned->decision;
  }
  return sdk::Status::Ok();
}

sdk::Status LeaverHandover::HandOverOpportunities() {
  sdk::Result<std::vector<odbc::Row>> opportunities = Holdings(
      connection_, "SELECT id, lead_id FROM opportunities WHERE owner_employee_id = ? AND status = 'open' ORDER BY id",
      leaver_);
  if (!opportunities.ok()) return opportunities.status();
  for (const odbc::Row& row : *opportunities) {
    const std::int64_t opportunity = IntegerOf(row[0]);
    ++counts_.opportunities;
    const std::optional<std::int64_t> lead = OptionalId(row[1]);
    const auto handed = lead ? lead_owners_.find(*lead) : lead_owners_.end();
    if (handed == lead_owners_.end() || !handed->second.owner) {
      HUB_RETURN_IF_ERROR(HandOverToTopPerformers("opportunity", "opportunities", opportunity));
      continue;
    }
    // A lead's opportunity is its continuation, held once: it follows the lead.
    leads::RoutingDecision decision;
    decision.owner = handed->second.owner;
    decision.team_id = handed->second.team_id;
    decision.rule = kWithItsLead;
    decision.reason = std::string(kWithItsLead) + ": with lead " + std::to_string(*lead);
    sdk::Result<std::int64_t> written = ExecuteStoreStatement(
        connection_, "UPDATE opportunities SET owner_employee_id = ?, team_id = ?, updated_at = {{now}} WHERE id = ?",
        {IdOrNull(decision.owner), IdOrNull(decision.team_id), Value::Int64(opportunity)});
    if (!written.ok()) return written.status();
    HUB_RETURN_IF_ERROR(Record("opportunity", opportunity, decision));
  }
  return sdk::Status::Ok();
}

sdk::Status LeaverHandover::HandOverCustomers() {
  sdk::Result<std::vector<odbc::Row>> parties = Holdings(
      connection_, "SELECT id FROM parties WHERE owner_employee_id = ? AND status <> 'merged' ORDER BY id", leaver_);
  if (!parties.ok()) return parties.status();
  for (const odbc::Row& row : *parties) {
    ++counts_.customers;
    HUB_RETURN_IF_ERROR(HandOverToTopPerformers("party", "parties", IntegerOf(row[0])));
  }
  return sdk::Status::Ok();
}

sdk::Status LeaverHandover::HandOverToTopPerformers(std::string_view entity, std::string_view table,
                                                    std::int64_t record_id) {
  leads::RoutingRequest request;
  request.premium = true;  // what top_performers judges
  const std::int64_t excluded[] = {leaver_};
  sdk::Result<leads::RoutingDecision> decision = reassigner_.Decide(request, excluded, manager_, top_performers_first_);
  if (!decision.ok()) return decision.status();
  if (decision->owner) {
    // An opportunity has a team of its own; a party only its owner.
    const bool with_team = entity == "opportunity";
    const std::string sql = "UPDATE " + std::string(table) + " SET owner_employee_id = ?" +
                            (with_team ? ", team_id = ?" : "") + ", updated_at = {{now}} WHERE id = ?";
    std::vector<Value> params = {Value::Int64(*decision->owner)};
    if (with_team) params.push_back(IdOrNull(decision->team_id));
    params.push_back(Value::Int64(record_id));
    sdk::Result<std::int64_t> written = ExecuteStoreStatement(connection_, sql, params);
    if (!written.ok()) return written.status();
    reassigner_.Count(leaver_, *decision->owner);
  }
  return Record(entity, record_id, *decision);
}

sdk::Status LeaverHandover::Record(std::string_view entity, std::int64_t record_id,
                                   const leads::RoutingDecision& decision) {
  if (!decision.owner) ++counts_.kept;
  if (decision.rule == kFallbackRule) ++counts_.to_manager;
  // Kept: the item stays with the leaver, and the record says why.
  const std::optional<std::int64_t> to = decision.owner;
  sdk::Result<std::int64_t> handover = InsertReturningId(
      connection_,
      "INSERT INTO handovers (from_employee_id, to_employee_id, entity, record_id, rule, reason, trace, cause, "
      "handed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {Value::Int64(leaver_), IdOrNull(to), Value::String(std::string(entity)), Value::Int64(record_id),
       TextOrNull(decision.rule), Value::String(decision.reason),
       Value::String(boost::json::serialize(RoutingTraceJson(decision))),
       Value::String(std::string(AwayCauseName(cause_))), TimestampOf(now_)});
  if (!handover.ok()) return handover.status();
  const boost::json::object payload{{"handover_id", *handover},     {"from_employee_id", leaver_},
                                    {"to_employee_id", IdJson(to)}, {"entity", entity},
                                    {"record_id", record_id},       {"rule", TextJson(decision.rule)},
                                    {"reason", decision.reason},    {"cause", AwayCauseName(cause_)}};
  return AppendOutboxEvent(connection_, turn_, kHandoverAggregate, *handover,
                           std::string(kHandoverAggregate) + "." + std::string(kHandoverCreated),
                           boost::json::serialize(payload));
}

}  // namespace hub::store_model
