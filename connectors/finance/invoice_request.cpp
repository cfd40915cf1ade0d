#include "finance/invoice_request.hpp"

#include <optional>
#include <utility>

#include "trade_formats/decimal_text.hpp"
#include "trade_formats/outbound_events.hpp"

namespace hub::finance {
namespace {

namespace json = boost::json;
using trade_formats::JsonArray;
using trade_formats::JsonObject;
using trade_formats::JsonText;

// The partner roles that say whom to invoice, first the one that decides.
constexpr std::string_view kCustomerRoles[] = {"payer", "bill_to", "sold_to"};
// The identifiers that say who a customer is for tax, first the one preferred.
constexpr std::string_view kTaxSchemes[] = {"vat", "uscc", "tax_number"};

// A product's text without the zeros it gained past the cents: 4.000 × 1250.00 = "5000.00", not "5000.00000".
std::string MoneyText(std::string amount) {
  const std::size_t point = amount.find('.');
  if (point == std::string::npos) return amount;
  while (amount.size() > point + 3 && amount.back() == '0') amount.pop_back();
  return amount;
}

std::string DateOf(std::string text) {
  if (text.size() > 10) text.resize(10);
  return text;
}

// The order partner that says whom to invoice (payer, else bill-to, else sold-to); nullptr when it has none.
const json::object* InvoicedPartner(const json::object& order) {
  const json::array* partners = JsonArray(order, "partners");
  if (partners == nullptr) return nullptr;
  for (std::string_view role : kCustomerRoles) {
    for (const json::value& partner : *partners) {
      if (partner.is_object() && JsonText(partner.get_object(), "role") == role) return &partner.get_object();
    }
  }
  return nullptr;
}

std::string TaxIdOf(const json::object& party) {
  const json::array* identifiers = JsonArray(party, "identifiers");
  if (identifiers == nullptr) return {};
  for (std::string_view scheme : kTaxSchemes) {
    for (const json::value& identifier : *identifiers) {
      if (identifier.is_object() && JsonText(identifier.get_object(), "scheme") == scheme) {
        return JsonText(identifier.get_object(), "value");
      }
    }
  }
  return {};
}

void SetCustomer(const json::object& order, std::string_view finance_system, InvoiceRequest* request) {
  const json::object* partner = InvoicedPartner(order);
  const json::object* party = partner != nullptr ? JsonObject(*partner, "party") : nullptr;
  // The order's own customer is its sold-to: never taken for a payer or bill-to the store does not hold yet.
  if (party == nullptr && (partner == nullptr || JsonText(*partner, "role") == "sold_to")) {
    party = JsonObject(order, "party");
  }
  if (partner != nullptr) {
    request->customer_number = JsonText(*partner, "partner_number");
    request->customer_name = JsonText(*partner, "name");
    request->customer_country = JsonText(*partner, "country");
  }
  if (party == nullptr) return;
  request->customer_partner_id = trade_formats::SourceIdIn(*party, finance_system);
  if (std::string name = JsonText(*party, "name"); !name.empty()) request->customer_name = std::move(name);
  if (std::string country = JsonText(*party, "country"); !country.empty())
    request->customer_country = std::move(country);
  request->customer_tax_id = TaxIdOf(*party);
}

// The member `name` of `first` when it holds something, else of `second`.
std::string TextIn(const json::object& first, const json::object& second, std::string_view name) {
  std::string text = JsonText(first, name);
  return text.empty() ? JsonText(second, name) : text;
}

sdk::Result<InvoiceRequestLine> LineOf(const json::object& line, std::int64_t line_no, const std::string& which) {
  const std::string where = which + ": delivery line " + std::to_string(line_no);
  const json::object* ordered = JsonObject(line, "order_line");
  if (ordered == nullptr) return sdk::Status::DataError(where + " ships no order line the hub knows");
  InvoiceRequestLine request_line;
  request_line.line_no = line_no;
  request_line.order_line_no = JsonText(*ordered, "line_no");
  request_line.sku = TextIn(line, *ordered, "sku");
  request_line.description = TextIn(line, *ordered, "description");
  request_line.unit = TextIn(line, *ordered, "unit");
  request_line.tax_rate = JsonText(*ordered, "tax_rate");
  std::optional<std::string> quantity = trade_formats::CanonicalDecimal(JsonText(line, "quantity"));
  if (!quantity) return sdk::Status::DataError(where + " has no quantity");
  std::optional<std::string> price = trade_formats::CanonicalDecimal(JsonText(*ordered, "unit_price"));
  if (!price) return sdk::Status::DataError(where + ": its order line has no unit_price");
  std::optional<std::string> amount = trade_formats::MultiplyDecimals(*quantity, *price);
  if (!amount) return sdk::Status::DataError(where + ": quantity × unit_price has too many digits");
  request_line.quantity = std::move(*quantity);
  request_line.unit_price = std::move(*price);
  request_line.amount = MoneyText(std::move(*amount));
  return request_line;
}

sdk::Status AddLines(const json::object& delivery, const std::string& which, InvoiceRequest* request) {
  const json::array* lines = JsonArray(delivery, "lines");
  if (lines == nullptr || lines->empty()) {
    return sdk::Status::DataError(which + ": the delivery has no lines (yet) to invoice");
  }
  std::string net = "0";
  for (const json::value& value : *lines) {
    if (!value.is_object()) continue;
    sdk::Result<InvoiceRequestLine> line =
        LineOf(value.get_object(), static_cast<std::int64_t>(request->lines.size()) + 1, which);
    if (!line.ok()) return line.status();
    std::optional<std::string> sum = trade_formats::AddDecimals(net, line->amount);
    if (!sum) return sdk::Status::DataError(which + ": the line amounts do not add up (too many digits)");
    net = std::move(*sum);
    request->lines.push_back(std::move(line).value());
  }
  request->net_amount = std::move(net);
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<InvoiceRequest> InvoiceRequestOf(const sdk::OutboundEvent& event, std::string_view finance_system) {
  const std::string which = trade_formats::EventName(event);
  if (event.entity != "delivery") {
    return sdk::Status::DataError(which + ": the finance connector makes invoice requests of deliveries only");
  }
  sdk::Result<trade_formats::EventPayload> payload = trade_formats::EventPayload::Parse(event);
  if (!payload.ok()) return payload.status();
  const json::object& delivery = payload->document();
  InvoiceRequest request;
  request.request_id = event.event_id;
  request.requested_at_unix_ms = event.occurred_at_unix_ms;
  request.delivery_number = JsonText(delivery, "delivery_number");
  if (request.delivery_number.empty()) return sdk::Status::DataError(which + ": the delivery has no delivery_number");
  request.delivery_system = JsonText(payload->payload(), "source_system");
  request.delivery_source_id = JsonText(payload->payload(), "source_id");
  if (request.delivery_source_id.empty()) request.delivery_source_id = request.delivery_number;
  std::string delivered = JsonText(delivery, "delivered_at");
  request.delivery_date = DateOf(delivered.empty() ? JsonText(delivery, "shipped_at") : std::move(delivered));
  const json::object* order = JsonObject(delivery, "order");
  if (order == nullptr) {
    return sdk::Status::DataError(which +
                                  ": the delivery's order is unknown to the hub, so there is nothing to invoice");
  }
  request.order_number = JsonText(*order, "order_number");
  request.currency = JsonText(*order, "currency");
  if (request.order_number.empty() || request.currency.empty()) {
    return sdk::Status::DataError(which + ": the delivery's order has no " +
                                  (request.order_number.empty() ? "order_number" : "currency"));
  }
  request.customer_reference = JsonText(*order, "customer_reference");
  request.order_date = DateOf(JsonText(*order, "ordered_on"));
  SetCustomer(*order, finance_system, &request);
  HUB_RETURN_IF_ERROR(AddLines(delivery, which, &request));
  return request;
}

}  // namespace hub::finance
