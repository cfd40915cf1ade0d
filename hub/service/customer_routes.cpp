#include "service/customer_routes.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "service/customer_lookup.hpp"
#include "service/customer_record.hpp"
#include "service/query_numbers.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

// At most this many cards answer one look-up.
constexpr std::size_t kMaxCards = 20;
constexpr LookupKey kLookupKeys[] = {LookupKey::kPhone, LookupKey::kEmail, LookupKey::kTaxId, LookupKey::kName};

HttpResponse FromStatus(const sdk::Status& status) {
  switch (status.code()) {
    case sdk::StatusCode::kNotFound:
      return HttpResponse::Error(404, "not_found", status.message());
    case sdk::StatusCode::kUnavailable:
      return HttpResponse::Error(503, "unavailable", "the store does not answer; try again later");
    default:
      break;
  }
  return HttpResponse::Error(500, "internal_error", status.message());
}

// Today's date in UTC, "YYYY-MM-DD": overdue means due before it.
std::string Today() { return FormatIsoUtc(std::chrono::system_clock::now()).substr(0, 10); }

HttpResponse GetCustomer(odbc::Database& store, const HttpRequest& request) {
  const std::string& text = request.params.at("id");
  std::optional<std::int64_t> id = ParseRowId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no customer has id '" + text + "'");
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return FromStatus(lease.status());
  sdk::Result<boost::json::object> customer = ReadCustomer(lease->get(), *id, Today(), CustomerView::kFull);
  if (!customer.ok()) return FromStatus(customer.status());
  return HttpResponse::Json(200, *customer);
}

// The one look-up the query gives. InvalidArgument for none, several, or a value without a normal form.
sdk::Result<CustomerLookup> LookupOf(const HttpRequest& request) {
  std::optional<LookupKey> given;
  for (LookupKey key : kLookupKeys) {
    if (request.query.count(std::string(LookupKeyName(key))) == 0) continue;
    if (given) {
      return sdk::Status::InvalidArgument("give one look-up, not both " + std::string(LookupKeyName(*given)) + " and " +
                                          std::string(LookupKeyName(key)));
    }
    given = key;
  }
  if (!given) return sdk::Status::InvalidArgument("give one look-up: phone, email, tax_id or name");
  return NormalizeLookup(*given, request.Query(LookupKeyName(*given)));
}

// The cards of the customers `lookup` matches: a merged party's golden record once, however many of the
// parties merged into it match.
HttpResponse FindCustomerCards(odbc::Database& store, const HttpRequest& request) {
  sdk::Result<CustomerLookup> lookup = LookupOf(request);
  if (!lookup.ok()) return HttpResponse::Error(400, "bad_request", lookup.status().message());
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return FromStatus(lease.status());
  sdk::Result<odbc::RowSet> parties = FindCustomers(lease->get(), *lookup, kMaxCards + 1);
  if (!parties.ok()) return FromStatus(parties.status());
  const bool truncated = parties->rows.size() > kMaxCards;
  if (truncated) parties->rows.resize(kMaxCards);
  const std::string today = Today();
  std::set<std::int64_t> answered;
  boost::json::array cards;
  for (const odbc::Row& party : parties->rows) {
    sdk::Result<boost::json::object> card = ReadCustomer(lease->get(), *parties, party, today, CustomerView::kCard);
    if (!card.ok() && card.status().code() == sdk::StatusCode::kNotFound) continue;  // deleted meanwhile
    if (!card.ok()) return FromStatus(card.status());
    if (answered.insert(card->at("id").to_number<std::int64_t>()).second) cards.push_back(std::move(*card));
  }
  boost::json::object match{{"key", LookupKeyName(lookup->key)}, {"normalized", lookup->normalized}};
  const std::size_t count = cards.size();
  return HttpResponse::Json(
      200,
      boost::json::object{
          {"match", std::move(match)}, {"count", count}, {"truncated", truncated}, {"customers", std::move(cards)}});
}

}  // namespace

sdk::Status AddCustomerRoutes(api::Router& router, odbc::Database& store) {
  const api::Execution execution =
      store.dialect() == odbc::Dialect::kSqlite ? api::Execution::kInline : api::Execution::kWorker;
  HUB_RETURN_IF_ERROR(router.Add(
      "GET", "/api/v1/customers", config::Role::kRead,
      [&store](const HttpRequest& request) { return FindCustomerCards(store, request); }, api::UnderLoad::kRefused,
      execution));
  return router.Add(
      "GET", "/api/v1/customers/{id}", config::Role::kRead,
      [&store](const HttpRequest& request) { return GetCustomer(store, request); }, api::UnderLoad::kRefused,
      execution);
}

}  // namespace hub::service
