#include "service/intent_routes.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "service/intent_body.hpp"
#include "service/query_numbers.hpp"
#include "service/route_answers.hpp"
#include "service/route_transaction.hpp"
#include "store/model/intent_follow_up.hpp"
#include "store/model/intents.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using store_model::IntentRow;

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::array<std::string_view, 4> kStatuses = {"open", "suggestion", "purchase", "invalid"};

std::string PrincipalOf(const HttpRequest& request) {
  return request.principal.empty() ? "anonymous" : request.principal;
}

HttpResponse IntentAnswer(unsigned status, const IntentRow& intent) {
  return HttpResponse::Json(status, boost::json::object{{"intent", store_model::IntentJson(intent)}});
}

HttpResponse PostIntent(odbc::Database& store, const HttpRequest& request) {
  IntentIntake intake = ReadIntentIntake(request.body, request.Header("idempotency-key"));
  if (!intake.errors.empty()) return RefusedBody("intent", intake.errors);
  return InWriteTransaction(store, [&](odbc::Connection& connection, const odbc::OutboxTurn& turn) {
    sdk::Result<store_model::RecordedIntent> recorded = store_model::RecordIntent(connection, turn, *intake.intent);
    if (!recorded.ok()) return StoreFailure(recorded.status());
    return IntentAnswer(recorded->created ? 201 : 200, recorded->intent);
  });
}

HttpResponse ListIntents(odbc::Database& store, const HttpRequest& request) {
  store_model::IntentFilter filter;
  if (const std::string_view status = request.Query("status"); !status.empty() && status != "all") {
    if (std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end()) {
      return HttpResponse::Error(400, "bad_request", "status must be open, suggestion, purchase, invalid or all");
    }
    filter.status = std::string(status);
  }
  if (const std::string_view customer = request.Query("customer_id"); !customer.empty()) {
    filter.party_id = ParseRowId(customer);
    if (!filter.party_id) return HttpResponse::Error(400, "bad_request", "customer_id must be a customer id");
  }
  sdk::Result<IdPage> page =
      ParseIdPage(request.Query("after"), request.Query("limit"), "an intent id", kDefaultLimit, kMaxLimit);
  if (!page.ok()) return HttpResponse::Error(400, "bad_request", page.status().message());
  filter.after = page->after;
  filter.limit = page->limit;
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  sdk::Result<std::vector<IntentRow>> intents = store_model::ListIntents(lease->get(), filter);
  if (!intents.ok()) return StoreFailure(intents.status());
  boost::json::array list;
  for (const IntentRow& intent : *intents) list.push_back(store_model::IntentJson(intent));
  return HttpResponse::Json(200, boost::json::object{{"intents", std::move(list)}});
}

HttpResponse FollowUp(odbc::Database& store, const HttpRequest& request) {
  const std::string& text = request.params.at("id");
  std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no intent has id '" + text + "'");
  IntentFollowUpBody body = ReadIntentFollowUp(request.body, PrincipalOf(request));
  if (!body.errors.empty()) return RefusedBody("follow-up", body.errors);
  return InWriteTransaction(store, [&](odbc::Connection& connection, const odbc::OutboxTurn& turn) {
    sdk::Result<std::optional<store_model::FollowedUpIntent>> followed =
        store_model::FollowUpIntent(connection, turn, *id, *body.follow_up);
    if (!followed.ok()) return StoreFailure(followed.status());
    if (!*followed) return HttpResponse::Error(404, "not_found", "no intent has id '" + text + "'");
    if (!(*followed)->followed_up) {
      return HttpResponse::Error(409, "conflict",
                                 "the intent " + text + " was followed up before: it is " + (*followed)->intent.status);
    }
    return IntentAnswer(200, (*followed)->intent);
  });
}

}  // namespace

sdk::Status AddIntentRoutes(api::Router& router, odbc::Database& store) {
  using config::Role;
  HUB_RETURN_IF_ERROR(router.Add("POST", "/api/v1/intents", Role::kOperate,
                                 [&store](const HttpRequest& request) { return PostIntent(store, request); }));
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/intents", Role::kRead,
                                 [&store](const HttpRequest& request) { return ListIntents(store, request); }));
  return router.Add("POST", "/api/v1/intents/{id}/follow_up", Role::kOperate,
                    [&store](const HttpRequest& request) { return FollowUp(store, request); });
}

}  // namespace hub::service
