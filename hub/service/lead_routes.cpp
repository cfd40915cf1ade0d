#include "service/lead_routes.hpp"

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "service/lead_intake.hpp"
#include "service/record_store.hpp"
#include "service/route_answers.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using sdk::Value;

// A JSON column's object (the conflict check's finding, the classification, the routing's trace); empty for null
// or anything else.
boost::json::object StoredObject(const Value& column) {
  if (column.is_null()) return {};
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(column.text(), error);
  if (error || !parsed.is_object()) return {};
  return std::move(parsed.as_object());
}

// The stored lead as the intake answers it.
sdk::Result<boost::json::object> ReadLeadAnswer(odbc::Connection& connection, std::int64_t lead_id) {
  sdk::Result<odbc::RowSet> rows = odbc::QueryCached(
      connection,
      "SELECT l.stage, l.conflict, l.tier, l.grade, l.routing_rule, l.party_id, p.name AS party_name, "
      "e.employee_number, e.name AS owner_name, l.classification, (SELECT a.trace FROM lead_assignments a "
      "WHERE a.lead_id = l.id ORDER BY a.assigned_at DESC, a.id DESC LIMIT 1) AS routing FROM leads l "
      "LEFT JOIN parties p ON p.id = l.party_id "
      "LEFT JOIN employees e ON e.id = l.owner_employee_id WHERE l.id = ?",
      {Value::Int64(lead_id)});
  if (!rows.ok()) return rows.status();
  if (rows->rows.empty()) return sdk::Status::Internal("the lead " + std::to_string(lead_id) + " was not stored");
  const odbc::Row& row = rows->rows.front();
  boost::json::object check = StoredObject(row[1]);
  check.erase("party_id");
  check["customer"] =
      row[5].is_null()
          ? boost::json::value(nullptr)
          : boost::json::value(boost::json::object{{"id", row[5].integer()}, {"name", ValueToJson(row[6])}});
  boost::json::value owner = nullptr;
  if (!row[7].is_null()) owner = boost::json::object{{"employee_number", row[7].text()}, {"name", ValueToJson(row[8])}};
  return boost::json::object{
      {"lead_id", lead_id},
      {"stage", row[0].text()},
      {"duplicate_check", std::move(check)},
      {"tier", ValueToJson(row[2])},
      {"grade", ValueToJson(row[3])},
      {"classification", row[9].is_null() ? boost::json::value(nullptr) : boost::json::value(StoredObject(row[9]))},
      {"owner", std::move(owner)},
      {"routing_rule", ValueToJson(row[4])},
      {"routing", row[10].is_null() ? boost::json::value(nullptr) : boost::json::value(StoredObject(row[10]))}};
}

HttpResponse PostLead(odbc::Database& store, const std::string& source_system, const store_model::WriteRules& rules,
                      const HttpRequest& request) {
  LeadIntake intake = ReadLeadIntake(request.body, source_system, request.Header("idempotency-key"));
  if (!intake.errors.empty()) return RefusedBody("lead", intake.errors);
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  boost::json::object answer;
  sdk::Result<StoredRecord> stored = StoreRecord(lease->get(), *intake.record, rules, [&](std::int64_t lead_id) {
    sdk::Result<boost::json::object> read = ReadLeadAnswer(lease->get(), lead_id);
    if (!read.ok()) return read.status();
    answer = std::move(read).value();
    return sdk::Status::Ok();
  });
  if (!stored.ok()) return StoreFailure(stored.status());
  answer["key"] = intake.record->source_id;
  answer["outcome"] = OutcomeName(stored->outcome);
  return HttpResponse::Json(stored->outcome == store_model::WriteOutcome::kInserted ? 201 : 200, answer);
}

}  // namespace

sdk::Status AddLeadRoutes(api::Router& router, odbc::Database& store, std::string source_system,
                          store_model::WriteRules rules) {
  return router.Add("POST", "/api/v1/leads", config::Role::kOperate,
                    [&store, source_system = std::move(source_system), rules = std::move(rules)](
                        const HttpRequest& request) { return PostLead(store, source_system, rules, request); });
}

}  // namespace hub::service
