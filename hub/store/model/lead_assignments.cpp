#include "store/model/lead_assignments.hpp"

#include <boost/json.hpp>

#include "store/model/outbox_event.hpp"
#include "store/model/routing_trace.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_number.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The owner's latest assignment of lead `l`: the one an acceptance is for.
constexpr std::string_view kOwnersLatest =
    "(SELECT MAX(b.id) FROM lead_assignments b WHERE b.lead_id = l.id AND b.employee_id = l.owner_employee_id)";

}  // namespace

std::string_view AssignmentReasonName(AssignmentReason reason) {
  switch (reason) {
    case AssignmentReason::kSla:
      return "sla";
    case AssignmentReason::kLeaver:
      return "leaver";
    case AssignmentReason::kIntake:
      break;
  }
  return "intake";
}

sdk::Result<std::int64_t> RecordLeadAssignment(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                               std::int64_t lead_id, const leads::RoutingDecision& decision,
                                               AssignmentReason reason, std::optional<TimePoint> at) {
  const std::string_view reason_name = AssignmentReasonName(reason);
  sdk::Result<std::int64_t> assignment = InsertReturningId(
      connection,
      "INSERT INTO lead_assignments (lead_id, employee_id, team_id, rule, reason, trace, assigned_at) "
      "VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, {{now}}))",
      {Value::Int64(lead_id), IdOrNull(decision.owner), IdOrNull(decision.team_id), TextOrNull(decision.rule),
       Value::String(std::string(reason_name)), Value::String(boost::json::serialize(RoutingTraceJson(decision))),
       at ? TimestampOf(*at) : Value::Null()});
  if (!assignment.ok() || !decision.owner) return assignment;
  const boost::json::object payload{{"lead_id", lead_id},
                                    {"assignment_id", *assignment},
                                    {"owner_employee_id", *decision.owner},
                                    {"team_id", IdJson(decision.team_id)},
                                    {"rule", decision.rule},
                                    {"reason", reason_name}};
  HUB_RETURN_IF_ERROR(AppendOutboxEvent(connection, turn, "lead", lead_id, "lead." + std::string(kLeadAssigned),
                                        boost::json::serialize(payload)));
  return assignment;
}

sdk::Result<std::optional<LeadAcceptance>> AcceptLeadAssignment(odbc::Connection& connection, std::int64_t lead_id,
                                                                const std::string& by) {
  const Value lead = Value::Int64(lead_id);
  sdk::Result<std::int64_t> accepted = ExecuteStoreStatement(
      connection,
      "UPDATE lead_assignments SET accepted_at = {{now}}, accepted_by = ? WHERE accepted_at IS NULL AND id = "
      "(SELECT MAX(b.id) FROM lead_assignments b JOIN leads l ON l.id = b.lead_id "
      "WHERE l.id = ? AND b.employee_id = l.owner_employee_id)",
      {Value::String(by), lead});
  if (!accepted.ok()) return accepted.status();
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection,
                     "SELECT l.owner_employee_id, a.id, a.accepted_at, a.accepted_by FROM leads l "
                     "LEFT JOIN lead_assignments a ON a.id = " +
                         std::string(kOwnersLatest) + " WHERE l.id = ?",
                     {lead});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<LeadAcceptance>();
  const odbc::Row& row = rows->front();
  return std::optional<LeadAcceptance>(
      LeadAcceptance{OptionalId(row[0]), OptionalId(row[1]), row[2], TextOrEmpty(row[3]), *accepted > 0});
}

sdk::Result<std::vector<MissedAssignment>> ReadMissedAssignments(odbc::Connection& connection, TimePoint cutoff,
                                                                 std::size_t limit) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection,
      "SELECT a.id, a.lead_id, a.employee_id FROM leads l JOIN lead_assignments a ON a.lead_id = l.id "
      "WHERE l.stage IN ('resource', 'graded') AND a.employee_id = l.owner_employee_id AND a.accepted_at IS NULL "
      "AND a.sla_missed_at IS NULL AND a.assigned_at < ? "
      "AND a.id = (SELECT MAX(b.id) FROM lead_assignments b WHERE b.lead_id = l.id) ORDER BY a.id LIMIT " +
          std::to_string(limit),
      {TimestampOf(cutoff)});
  if (!rows.ok()) return rows.status();
  std::vector<MissedAssignment> missed;
  missed.reserve(rows->size());
  for (const odbc::Row& row : *rows) missed.push_back({IntegerOf(row[0]), IntegerOf(row[1]), IntegerOf(row[2])});
  return missed;
}

sdk::Result<bool> ClaimMissedAssignment(odbc::Connection& connection, const MissedAssignment& missed, TimePoint now) {
  sdk::Result<std::int64_t> claimed = ExecuteStoreStatement(
      connection,
      "UPDATE lead_assignments SET sla_missed_at = ? WHERE id = ? AND accepted_at IS NULL AND sla_missed_at IS NULL",
      {TimestampOf(now), Value::Int64(missed.assignment_id)});
  if (!claimed.ok()) return claimed.status();
  return *claimed > 0;
}

sdk::Result<std::vector<std::int64_t>> ReadLeadHolders(odbc::Connection& connection, std::int64_t lead_id) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection,
                     "SELECT employee_id, MIN(id) FROM lead_assignments WHERE lead_id = ? AND employee_id IS NOT NULL "
                     "GROUP BY employee_id ORDER BY 2",
                     {Value::Int64(lead_id)});
  if (!rows.ok()) return rows.status();
  std::vector<std::int64_t> holders;
  holders.reserve(rows->size());
  for (const odbc::Row& row : *rows) holders.push_back(IntegerOf(row[0]));
  return holders;
}

}  // namespace hub::store_model
