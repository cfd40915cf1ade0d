#include "service/match_routes.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "common/value_json.hpp"
#include "hub/odbc/transaction.hpp"
#include "service/query_numbers.hpp"
#include "store/model/match_pairs.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;
using store_model::MatchPairListing;

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::string_view kDecisions[] = {"link", "review", "no_link", "related", "distinct"};

HttpResponse StoreError(const sdk::Status& status) {
  if (status.code() == sdk::StatusCode::kUnavailable) {
    return HttpResponse::Error(503, "unavailable", "the store does not answer; try again later");
  }
  return HttpResponse::Error(500, "internal_error", status.message());
}

boost::json::object SideToJson(std::int64_t party_id, const MatchPairListing::Side& side) {
  return boost::json::object{{"party_id", party_id},
                             {"name", side.name},
                             {"source_system", side.source_system},
                             {"source_id", side.source_id}};
}

boost::json::object ListingToJson(const MatchPairListing& listing) {
  boost::system::error_code error;
  boost::json::value explanation = boost::json::parse(listing.explanation, error);
  const store_model::MatchPairRow& row = listing.row;
  return boost::json::object{
      {"id", row.id},
      {"left", SideToJson(row.left_party_id, listing.left)},
      {"right", SideToJson(row.right_party_id, listing.right)},
      {"probability", row.probability},
      {"decision", row.decision},
      {"decided_by", row.decided_by},
      {"reviewer", row.reviewer.empty() ? boost::json::value() : boost::json::value(row.reviewer)},
      {"explanation", error ? boost::json::value() : explanation},
      {"decided_at", ValueToJson(listing.decided_at)},
      {"updated_at", ValueToJson(listing.updated_at)}};
}

HttpResponse ListMatches(odbc::Database& store, const HttpRequest& request) {
  std::optional<std::string> decision;
  if (std::string_view text = request.Query("decision"); !text.empty()) {
    if (std::find(std::begin(kDecisions), std::end(kDecisions), text) == std::end(kDecisions)) {
      return HttpResponse::Error(400, "bad_request", "decision must be link, review, no_link, related or distinct");
    }
    decision = std::string(text);
  }
  sdk::Result<IdPage> page =
      ParseIdPage(request.Query("after"), request.Query("limit"), "a pair id", kDefaultLimit, kMaxLimit);
  if (!page.ok()) return HttpResponse::Error(400, "bad_request", page.status().message());
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  auto listings = store_model::ListMatchPairs(lease->get(), decision, page->after, page->limit);
  if (!listings.ok()) return StoreError(listings.status());
  boost::json::array matches;
  for (const MatchPairListing& listing : *listings) matches.push_back(ListingToJson(listing));
  return HttpResponse::Json(200, boost::json::object{{"matches", std::move(matches)}});
}

std::string DecisionJson(const std::string& decision, const std::string& decided_by, const std::string& reviewer) {
  return boost::json::serialize(
      boost::json::object{{"decision", decision},
                          {"decided_by", decided_by},
                          {"reviewer", reviewer.empty() ? boost::json::value() : boost::json::value(reviewer)}});
}

HttpResponse Review(odbc::Database& store, const HttpRequest& request, bool accepted) {
  const std::string& text = request.params.at("id");
  std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no match has id '" + text + "'");
  const std::string reviewer = request.principal.empty() ? std::string("anonymous") : request.principal;
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreError(lease.status());
  odbc::Connection& connection = lease->get();
  auto transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return StoreError(transaction.status());
  auto before = store_model::RecordReview(connection, *id, accepted, reviewer);
  if (!before.ok()) return StoreError(before.status());
  if (!*before) return HttpResponse::Error(404, "not_found", "no match has id '" + text + "'");
  const store_model::MatchPairRow& row = **before;
  auto audited = connection.ExecuteUpdate(
      "INSERT INTO audit_log (actor, action, entity, entity_id, before_data, after_data) "
      "VALUES (?, ?, 'match_pairs', ?, ?, ?)",
      {sdk::Value::String(reviewer), sdk::Value::String(accepted ? "match accept" : "match reject"),
       sdk::Value::String(std::to_string(row.id)),
       sdk::Value::String(DecisionJson(row.decision, row.decided_by, row.reviewer)),
       sdk::Value::String(DecisionJson(accepted ? "link" : "no_link", "reviewer", reviewer))});
  if (!audited.ok()) return StoreError(audited.status());
  if (sdk::Status committed = transaction->Commit(); !committed.ok()) return StoreError(committed);
  auto listing = store_model::ListMatchPairs(connection, std::nullopt, row.id - 1, 1);
  if (!listing.ok() || listing->empty())
    return StoreError(listing.ok() ? sdk::Status::Internal("pair gone") : listing.status());
  return HttpResponse::Json(200, boost::json::object{{"match", ListingToJson(listing->front())}});
}

}  // namespace

sdk::Status AddMatchRoutes(api::Router& router, odbc::Database& store) {
  using config::Role;
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/matches", Role::kRead,
                                 [&store](const HttpRequest& request) { return ListMatches(store, request); }));
  HUB_RETURN_IF_ERROR(router.Add("POST", "/api/v1/matches/{id}/accept", Role::kOperate,
                                 [&store](const HttpRequest& request) { return Review(store, request, true); }));
  return router.Add("POST", "/api/v1/matches/{id}/reject", Role::kOperate,
                    [&store](const HttpRequest& request) { return Review(store, request, false); });
}

}  // namespace hub::service
