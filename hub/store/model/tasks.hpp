// Work for our people (the tasks table, migration 16): listed for the API, and settled — done or cancelled —
// once, with the outbox event that tells the departments, whoever settles it (an answered call, a person).
#ifndef HUB_STORE_MODEL_TASKS_HPP_
#define HUB_STORE_MODEL_TASKS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// One task with the names of its party and assignee. Times are the store's values (null when unset).
struct TaskRow {
  std::int64_t id = 0;
  std::string kind;    // callback | follow_up
  std::string status;  // open | done | cancelled
  std::optional<std::int64_t> party_id;
  std::string party_name;
  std::optional<std::int64_t> activity_id;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> assignee_employee_id;
  std::string assignee_employee_number, assignee_name;
  std::string subject;
  std::string source_key;
  sdk::Value due_at, created_at, done_at;
};

// Which tasks ListTasks answers: each set field narrows; ids above `after`, at most `limit`, by id.
struct TaskFilter {
  std::optional<std::string> status;
  std::optional<std::string> kind;
  std::optional<std::string> assignee_employee_number;
  std::optional<std::int64_t> party_id;
  std::int64_t after = 0;
  std::size_t limit = 100;
};

// Reads only. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<TaskRow>> ListTasks(odbc::Connection& connection, const TaskFilter& filter);

// The task `id`, or nullopt. Errors: the driver's Status.
sdk::Result<std::optional<TaskRow>> FindTask(odbc::Connection& connection, std::int64_t id);

// How a task is settled: its new status (done or cancelled), when, and by what — the activity that did it
// (an answered call settles the callbacks owed before it) or the person who says so (the API's principal).
struct TaskSettlement {
  std::string status;
  sdk::Value at;  // a timestamp; null: now
  std::optional<std::int64_t> by_activity_id;
  std::string by;  // who, for a person's settlement; empty for an activity's
};

// Settles the open task `id` in the caller's transaction, which holds `turn`, and appends "task.<status>" with
// the task, the settlement and its time. Answers the task as it is now: unchanged when it was not open (settled
// before: nothing appended, so settling twice tells once), nullopt when there is none. Errors: InvalidArgument
// for a status that is neither done nor cancelled; the driver's Status.
sdk::Result<std::optional<TaskRow>> SettleTask(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                               std::int64_t id, const TaskSettlement& settlement);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_TASKS_HPP_
