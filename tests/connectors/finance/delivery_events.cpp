#include "delivery_events.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hub::finance::test {

boost::json::object DeliveryPayload() {
  return boost::json::parse(R"({
  "source_system": "supply_chain", "source_id": "0080001234",
  "fields": {"delivery_number": "0080001234", "order_source_id": "0000012001"},
  "document": {
    "id": 7, "delivery_number": "0080001234", "order_id": 3, "status": "planned",
    "shipped_at": "2026-12-03T00:00:00.000Z", "delivered_at": null, "incoterms": "DAP Hamburg",
    "lines": [
      {"id": 1, "delivery_id": 7, "order_line_id": 5, "line_no": 10, "quantity": "4.000", "unit": "PCE",
       "sku": "HX-2040", "description": "Hydraulic pump HX-2040",
       "order_line": {"id": 5, "order_id": 3, "line_no": 10, "sku": "HX-2040", "description": "Hydraulic pump HX-2040",
                      "quantity": "4.000", "unit": "PCE", "unit_price": "1250.00", "tax_rate": "0.19", "amount": "5000.00"}},
      {"id": 2, "delivery_id": 7, "order_line_id": 6, "line_no": 20, "quantity": "6.000", "unit": "PCE",
       "sku": "SK-7", "description": null,
       "order_line": {"id": 6, "order_id": 3, "line_no": 20, "sku": "SK-7", "description": "Seal kit SK-7",
                      "quantity": "10.000", "unit": "PCE", "unit_price": "42.50", "tax_rate": null, "amount": "425.00"}}
    ],
    "address": null,
    "order": {
      "id": 3, "order_number": "0000012001", "currency": "EUR", "ordered_on": "2026-12-01",
      "customer_reference": "PO-NW-2026-338", "status": "confirmed", "party_id": 1,
      "partners": [
        {"id": 1, "order_id": 3, "role": "sold_to", "partner_number": "0000100001",
         "name": "Nordwind Maschinenbau GmbH", "country": "DE", "party_id": 1,
         "party": {"id": 1, "name": "Nordwind Maschinenbau GmbH", "country": "DE",
                   "identifiers": [{"scheme": "vat", "value": "DE811234567"}],
                   "source_links": [{"source_system": "supply_chain", "source_id": "0000100001"},
                                    {"source_system": "finance", "source_id": "11"}]}},
        {"id": 2, "order_id": 3, "role": "ship_to", "partner_number": "0000100001",
         "name": "Nordwind Werk Harburg", "country": "DE", "party_id": null, "party": null}
      ],
      "party": {"id": 1, "name": "Nordwind Maschinenbau GmbH", "country": "DE",
                "identifiers": [{"scheme": "vat", "value": "DE811234567"}],
                "source_links": [{"source_system": "supply_chain", "source_id": "0000100001"},
                                 {"source_system": "finance", "source_id": "11"}]},
      "source_links": [{"source_system": "supply_chain", "source_id": "0000012001"}]
    },
    "party": null,
    "source_links": [{"source_system": "supply_chain", "source_id": "0080001234"}]
  }
})")
      .as_object();
}

sdk::OutboundEvent DeliveryEvent(const std::string& event_id, const boost::json::object& payload,
                                 const std::string& kind) {
  sdk::OutboundEvent event;
  event.kind = kind;
  event.entity = "delivery";
  event.id = "7";
  event.payload_json = boost::json::serialize(payload);
  event.event_id = event_id;
  event.occurred_at_unix_ms = 1796292000000;  // 2026-12-03T10:00:00Z
  return event;
}

}  // namespace hub::finance::test
