// An invoice request: what the finance system is asked to invoice for one delivery the hub was told of.
#ifndef HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_HPP_
#define HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// One delivered line to invoice: what was shipped (the delivery line's quantity) at the price the order line
// holds. Decimals and the unit as text, as the hub's model holds them; empty when unknown. A plain value.
struct InvoiceRequestLine {
  std::int64_t line_no = 0;  // 1, 2, … in the delivery's order of lines
  std::string order_line_no;
  std::string sku, description, quantity, unit, unit_price, tax_rate;
  std::string amount;  // quantity × unit_price
};

// The request for one delivery. `request_id` is the event id (the same on every delivery attempt); the
// delivery is named by its source system and id there (`delivery_system`, `delivery_source_id`), which the
// writers keep unique too. The customer is the order's payer, else bill-to, else sold-to partner, else the
// order's customer: `customer_partner_id` is its id in the finance system (its party's source link there;
// the order's customer stands in only for a sold-to), empty when the hub knows none, and then `customer_name`
// and `customer_tax_id` (VAT, USCC or tax number) say who it is.
// Dates ISO (YYYY-MM-DD). A plain value.
struct InvoiceRequest {
  std::string request_id;
  std::string delivery_system, delivery_source_id;
  std::string delivery_number, order_number, customer_reference;
  std::string customer_partner_id, customer_number, customer_name, customer_tax_id, customer_country;
  std::string currency;
  std::string order_date, delivery_date;
  std::int64_t requested_at_unix_ms = 0;  // when the delivery was committed in the hub
  std::string net_amount;                 // Σ line amounts
  std::vector<InvoiceRequestLine> lines;
};

// The request of a `delivery` event, from its payload's "document" (the delivery with its lines, each with the
// order line it ships, and its order with partners and parties; <subscribe document="true">). `finance_system`
// is the hub system whose source links hold the finance system's customer ids. DataError naming the event
// (trade_formats::EventName) and the reason when the event is not a delivery's, its payload has no document,
// the delivery has no number, its order is unknown (no order, or one without a number or currency), it has no
// lines, a line ships no known order line, or a line's quantity or price is missing or not a number.
sdk::Result<InvoiceRequest> InvoiceRequestOf(const sdk::OutboundEvent& event, std::string_view finance_system);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_INVOICE_REQUEST_HPP_
