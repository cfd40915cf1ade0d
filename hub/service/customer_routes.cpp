#include "service/customer_routes.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "service/customer_record.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

// A party id: decimal digits only, positive.
std::optional<std::int64_t> ParseId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text.front() == '+') {
    return std::nullopt;
  }
  return id;
}

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

HttpResponse GetCustomer(odbc::Database& store, const HttpRequest& request) {
  const std::string& text = request.params.at("id");
  std::optional<std::int64_t> id = ParseId(text);
  if (!id) return HttpResponse::Error(404, "not_found", "no customer has id '" + text + "'");
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return FromStatus(lease.status());
  // Overdue means due before today's date in UTC.
  const std::string today = FormatIsoUtc(std::chrono::system_clock::now()).substr(0, 10);
  sdk::Result<boost::json::object> customer = ReadCustomer(lease->get(), *id, today);
  if (!customer.ok()) return FromStatus(customer.status());
  return HttpResponse::Json(200, *customer);
}

}  // namespace

sdk::Status AddCustomerRoutes(api::Router& router, odbc::Database& store) {
  return router.Add("GET", "/api/v1/customers/{id}", config::Role::kRead,
                    [&store](const HttpRequest& request) { return GetCustomer(store, request); });
}

}  // namespace hub::service
