// Delivery events as the hub hands them to the finance connector (<subscribe entity="delivery"
// document="true">): the payload with the document store_model::ReadEventDocument composes, for the delivery
// of tests/data/supply_chain/delvry03.xml (order 0000012001 of orders05.xml, customer 0000100001).
#ifndef HUB_TESTS_CONNECTORS_FINANCE_DELIVERY_EVENTS_HPP_
#define HUB_TESTS_CONNECTORS_FINANCE_DELIVERY_EVENTS_HPP_

#include <boost/json/object.hpp>

#include <string>

#include "hub/sdk/record.hpp"

namespace hub::finance::test {

// The payload of delivery 0080001234 of system supply_chain: two lines (4 HX-2040 at 1250.00, 6 SK-7 at
// 42.50) of order 0000012001 (EUR, ordered 2026-12-01, customer reference PO-NW-2026-338), shipped
// 2026-12-03, its sold-to customer Nordwind Maschinenbau GmbH (VAT DE811234567) linked to supply_chain
// 0000100001 and finance 11.
boost::json::object DeliveryPayload();

// An event `kind` of the delivery with `payload`, event id `event_id`, committed at 2026-12-03T10:00:00Z.
sdk::OutboundEvent DeliveryEvent(const std::string& event_id, const boost::json::object& payload,
                                 const std::string& kind = "delivery.created");

}  // namespace hub::finance::test

#endif  // HUB_TESTS_CONNECTORS_FINANCE_DELIVERY_EVENTS_HPP_
