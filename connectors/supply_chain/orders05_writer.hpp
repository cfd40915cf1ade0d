// Outbound orders as SAP ORDERS05 IDoc-XML: the order an event carries, and the IDoc text for it.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_ORDERS05_WRITER_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_ORDERS05_WRITER_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// One line of an outbound order, its values as the hub's model holds them (text). A plain value.
struct OutboundLine {
  std::string line_no, sku, description, quantity, unit, unit_price, amount;
};

// An order to send: from the event's `document` (the order with its lines and party, composed by the hub
// at delivery). `sold_to` is the customer's number in the receiving system. A plain value.
struct OutboundOrder {
  std::string source_id;
  std::string order_number, currency, ordered_on, requested_on, customer_reference, total_amount;
  std::string sold_to;
  std::vector<OutboundLine> lines;
};

// The control record's partners and ports (the connector's options) and the IDoc's number. A plain value.
struct Orders05Envelope {
  std::string docnum;
  std::string client = "100";
  std::string sender_port = "HUB", sender_partner = "HUB", sender_partner_type = "LS";
  std::string receiver_port = "SAP", receiver_partner, receiver_partner_type = "LS";
  std::string order_type = "TA";
  std::string created_on, created_at;  // CREDAT YYYYMMDD, CRETIM HHMMSS
};

// The order of an `order` event: from payload member `document` (the order's fields, its `lines`, and its
// `party` with `source_links`; members directly or under `fields`). sold_to is the party's source link in
// `partner_system`. DataError (saying what is missing) when the event is not an order, has no document,
// no order number, or a customer without a number in partner_system.
sdk::Result<OutboundOrder> OrderOfEvent(const sdk::OutboundEvent& event, std::string_view partner_system);

// A 16-digit IDoc number derived from the event id, the same on every delivery attempt.
std::string DocnumOf(std::string_view event_id);

// The ORDERS05 IDoc-XML of `order`: EDI_DC40, E1EDK01 (CURCY, BELNR), E1EDK14 (order type), E1EDK03
// (012 order date, 002 requested date), E1EDK02 (001 customer reference), E1EDKA1 AG, E1EDP01 with E1EDP19
// per line, E1EDS01 (002 total). Dates ISO in, YYYYMMDD out; text XML-escaped. Pure.
std::string WriteOrders05(const OutboundOrder& order, const Orders05Envelope& envelope);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_ORDERS05_WRITER_HPP_
