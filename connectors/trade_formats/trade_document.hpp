// A business document as neutral records: what the readers emit per document, and what the writers take.
#ifndef HUB_TRADE_FORMATS_TRADE_DOCUMENT_HPP_
#define HUB_TRADE_FORMATS_TRADE_DOCUMENT_HPP_

#include <optional>
#include <vector>

#include "hub/sdk/record.hpp"

namespace hub::trade_formats {

// One order, delivery or invoice with what belongs to it, under the readers' field names (the model's
// names where the model has the field): the shape of the `document` member of an order/delivery event
// (plan §1: the order with its lines and order_partners, the customer party), so a connector fills it from
// that JSON field by field. A plain value type.
struct TradeDocument {
  sdk::Record header;                   // entity order | delivery | invoice
  std::vector<sdk::Record> lines;       // order_line | delivery_line | invoice_line
  std::vector<sdk::Record> partners;    // order_partner: role, partner_number, name, address_line, city, …
  std::optional<sdk::Record> party;     // the customer: name, vat, address_line, city, postal_code, country, …
  std::optional<sdk::Record> supplier;  // the seller (who writes the document), same fields as party
};

// Groups records in the order the readers emit them (a party, then its header, then the header's partners
// and lines) into documents. A party record goes to the next header; records before any header are dropped.
std::vector<TradeDocument> GroupDocuments(std::vector<sdk::Record> records);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_TRADE_DOCUMENT_HPP_
