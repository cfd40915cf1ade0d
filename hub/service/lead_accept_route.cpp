#include "service/lead_accept_route.hpp"

#include <optional>
#include <string>

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "service/query_numbers.hpp"
#include "service/route_answers.hpp"
#include "service/route_transaction.hpp"
#include "store/model/lead_assignments.hpp"
#include "store/model/stored_values.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

HttpResponse Answer(std::int64_t lead_id, const store_model::LeadAcceptance& acceptance) {
  if (!acceptance.owner_employee_id) {
    return HttpResponse::Error(409, "conflict", "lead " + std::to_string(lead_id) + " has no owner to accept it");
  }
  if (!acceptance.assignment_id) {
    return HttpResponse::Error(
        409, "conflict",
        "lead " + std::to_string(lead_id) + " was given its owner, not routed: it has no assignment to accept");
  }
  return HttpResponse::Json(200, boost::json::object{{"lead_id", lead_id},
                                                     {"owner_employee_id", *acceptance.owner_employee_id},
                                                     {"assignment_id", *acceptance.assignment_id},
                                                     {"accepted_at", ValueToJson(acceptance.accepted_at)},
                                                     {"accepted_by", store_model::TextJson(acceptance.accepted_by)},
                                                     {"accepted_now", acceptance.accepted_now}});
}

HttpResponse Accept(odbc::Database& store, const HttpRequest& request) {
  const std::string& text = request.params.at("id");
  const std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no lead has id '" + text + "'");
  const std::string by = request.principal.empty() ? "anonymous" : request.principal;
  return InWriteTransaction(store, [&](odbc::Connection& connection, const odbc::OutboxTurn&) {
    sdk::Result<std::optional<store_model::LeadAcceptance>> acceptance =
        store_model::AcceptLeadAssignment(connection, *id, by);
    if (!acceptance.ok()) return StoreFailure(acceptance.status());
    if (!*acceptance) return HttpResponse::Error(404, "not_found", "no lead has id '" + text + "'");
    return Answer(*id, **acceptance);
  });
}

}  // namespace

sdk::Status AddLeadAcceptRoute(api::Router& router, odbc::Database& store) {
  return router.Add("POST", "/api/v1/leads/{id}/accept", config::Role::kOperate,
                    [&store](const HttpRequest& request) { return Accept(store, request); });
}

}  // namespace hub::service
