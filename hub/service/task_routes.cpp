#include "service/task_routes.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "service/query_numbers.hpp"
#include "service/route_answers.hpp"
#include "service/route_transaction.hpp"
#include "store/model/stored_values.hpp"
#include "store/model/tasks.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using store_model::TaskRow;

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::string_view kStatuses[] = {"open", "done", "cancelled"};
constexpr std::string_view kKinds[] = {"callback", "follow_up"};

boost::json::object TaskToJson(const TaskRow& task) {
  boost::json::value party = nullptr;
  if (task.party_id) party = boost::json::object{{"id", *task.party_id}, {"name", task.party_name}};
  boost::json::value assignee = nullptr;
  if (task.assignee_employee_id) {
    assignee = boost::json::object{{"employee_number", task.assignee_employee_number}, {"name", task.assignee_name}};
  }
  return boost::json::object{{"id", task.id},
                             {"kind", task.kind},
                             {"status", task.status},
                             {"subject", task.subject},
                             {"party", std::move(party)},
                             {"assignee", std::move(assignee)},
                             {"activity_id", store_model::IdJson(task.activity_id)},
                             {"lead_id", store_model::IdJson(task.lead_id)},
                             {"due_at", ValueToJson(task.due_at)},
                             {"created_at", ValueToJson(task.created_at)},
                             {"done_at", ValueToJson(task.done_at)}};
}

template <std::size_t N>
bool OneOf(std::string_view text, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), text) != std::end(allowed);
}

HttpResponse ListTasks(odbc::Database& store, const HttpRequest& request) {
  store_model::TaskFilter filter;
  const std::string_view status = request.Query("status");
  if (status.empty()) {
    filter.status = "open";
  } else if (OneOf(status, kStatuses)) {
    filter.status = std::string(status);
  } else if (status != "all") {
    return HttpResponse::Error(400, "bad_request", "status must be open, done, cancelled or all");
  }
  if (const std::string_view kind = request.Query("kind"); !kind.empty()) {
    if (!OneOf(kind, kKinds)) return HttpResponse::Error(400, "bad_request", "kind must be callback or follow_up");
    filter.kind = std::string(kind);
  }
  if (const std::string_view assignee = request.Query("assignee"); !assignee.empty()) {
    filter.assignee_employee_number = std::string(assignee);
  }
  if (const std::string_view party = request.Query("party_id"); !party.empty()) {
    filter.party_id = ParseRowId(party);
    if (!filter.party_id) return HttpResponse::Error(400, "bad_request", "party_id must be a customer id");
  }
  sdk::Result<IdPage> page =
      ParseIdPage(request.Query("after"), request.Query("limit"), "a task id", kDefaultLimit, kMaxLimit);
  if (!page.ok()) return HttpResponse::Error(400, "bad_request", page.status().message());
  filter.after = page->after;
  filter.limit = page->limit;
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  sdk::Result<std::vector<TaskRow>> tasks = store_model::ListTasks(lease->get(), filter);
  if (!tasks.ok()) return StoreFailure(tasks.status());
  boost::json::array list;
  for (const TaskRow& task : *tasks) list.push_back(TaskToJson(task));
  return HttpResponse::Json(200, boost::json::object{{"tasks", std::move(list)}});
}

HttpResponse Settle(odbc::Database& store, const HttpRequest& request, const std::string& status) {
  const std::string& text = request.params.at("id");
  std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no task has id '" + text + "'");
  const store_model::TaskSettlement settlement{status, sdk::Value::Null(), std::nullopt,
                                               request.principal.empty() ? "anonymous" : request.principal};
  return InWriteTransaction(store, [&](odbc::Connection& connection, const odbc::OutboxTurn& turn) {
    sdk::Result<std::optional<TaskRow>> task = store_model::SettleTask(connection, turn, *id, settlement);
    if (!task.ok()) return StoreFailure(task.status());
    if (!*task) return HttpResponse::Error(404, "not_found", "no task has id '" + text + "'");
    return HttpResponse::Json(200, boost::json::object{{"task", TaskToJson(**task)}});
  });
}

}  // namespace

sdk::Status AddTaskRoutes(api::Router& router, odbc::Database& store) {
  using config::Role;
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/tasks", Role::kRead,
                                 [&store](const HttpRequest& request) { return ListTasks(store, request); }));
  HUB_RETURN_IF_ERROR(router.Add("POST", "/api/v1/tasks/{id}/done", Role::kOperate,
                                 [&store](const HttpRequest& request) { return Settle(store, request, "done"); }));
  return router.Add("POST", "/api/v1/tasks/{id}/cancel", Role::kOperate,
                    [&store](const HttpRequest& request) { return Settle(store, request, "cancelled"); });
}

}  // namespace hub::service
