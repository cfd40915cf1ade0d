#include "store/model/tasks.hpp"

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/stored_values.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kSelectTasks =
    "SELECT t.id, t.kind, t.status, t.party_id, p.name, t.activity_id, t.lead_id, t.assignee_employee_id, "
    "e.employee_number, e.name, t.subject, t.source_key, t.due_at, t.created_at, t.done_at FROM tasks t "
    "LEFT JOIN parties p ON p.id = t.party_id LEFT JOIN employees e ON e.id = t.assignee_employee_id";

TaskRow TaskOf(const odbc::Row& row) {
  return TaskRow{row[0].integer(),
                 row[1].text(),
                 row[2].text(),
                 OptionalId(row[3]),
                 TextOrEmpty(row[4]),
                 OptionalId(row[5]),
                 OptionalId(row[6]),
                 OptionalId(row[7]),
                 TextOrEmpty(row[8]),
                 TextOrEmpty(row[9]),
                 row[10].text(),
                 row[11].text(),
                 row[12],
                 row[13],
                 row[14]};
}

// The payload of "task.<status>": the task as settled, and what settled it.
std::string SettledPayload(const TaskRow& task, const TaskSettlement& settlement) {
  boost::json::object payload{
      {"id", task.id},
      {"kind", task.kind},
      {"status", task.status},
      {"party_id", IdJson(task.party_id)},
      {"activity_id", IdJson(task.activity_id)},
      {"lead_id", IdJson(task.lead_id)},
      {"assignee_employee_id", IdJson(task.assignee_employee_id)},
      {"subject", task.subject},
      {"source_key", task.source_key},
      {"done_at", ValueToJson(task.done_at)},
      {"done_by_activity_id", IdJson(settlement.by_activity_id)},
      {"done_by", settlement.by.empty() ? boost::json::value() : boost::json::value(settlement.by)}};
  return boost::json::serialize(payload);
}

}  // namespace

sdk::Result<std::vector<TaskRow>> ListTasks(odbc::Connection& connection, const TaskFilter& filter) {
  std::string sql = std::string(kSelectTasks) + " WHERE t.id > ?";
  std::vector<Value> params{Value::Int64(filter.after)};
  auto narrow = [&](const char* condition, Value value) {
    sql += condition;
    params.push_back(std::move(value));
  };
  if (filter.status) narrow(" AND t.status = ?", Value::String(*filter.status));
  if (filter.kind) narrow(" AND t.kind = ?", Value::String(*filter.kind));
  if (filter.assignee_employee_number)
    narrow(" AND e.employee_number = ?", Value::String(*filter.assignee_employee_number));
  if (filter.party_id) narrow(" AND t.party_id = ?", Value::Int64(*filter.party_id));
  sql += " ORDER BY t.id LIMIT " + std::to_string(filter.limit);
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<TaskRow> tasks;
  tasks.reserve(rows->size());
  for (const odbc::Row& row : *rows) tasks.push_back(TaskOf(row));
  return tasks;
}

sdk::Result<std::optional<TaskRow>> FindTask(odbc::Connection& connection, std::int64_t id) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection, std::string(kSelectTasks) + " WHERE t.id = ?", {Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TaskRow>();
  return std::optional<TaskRow>(TaskOf(rows->front()));
}

sdk::Result<std::optional<TaskRow>> SettleTask(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                               std::int64_t id, const TaskSettlement& settlement) {
  if (settlement.status != "done" && settlement.status != "cancelled") {
    return sdk::Status::InvalidArgument("a task is settled as done or cancelled, not '" + settlement.status + "'");
  }
  sdk::Result<std::int64_t> settled =
      ExecuteStoreStatement(connection,
                            "UPDATE tasks SET status = ?, done_at = COALESCE(?, {{now}}), updated_at = {{now}} "
                            "WHERE id = ? AND status = 'open'",
                            {Value::String(settlement.status), settlement.at, Value::Int64(id)});
  if (!settled.ok()) return settled.status();
  sdk::Result<std::optional<TaskRow>> task = FindTask(connection, id);
  if (!task.ok() || !*task || *settled == 0) return task;
  HUB_RETURN_IF_ERROR(
      AppendOutboxEvent(connection, turn, "task", id, "task." + settlement.status, SettledPayload(**task, settlement)));
  return task;
}

}  // namespace hub::store_model
