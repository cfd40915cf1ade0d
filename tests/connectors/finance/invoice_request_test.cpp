// Invoice requests built from delivery events: the shipped quantities at the order's prices, the customer by
// its finance id or else by name and tax id, and a DataError naming the event for what cannot be invoiced.
#include <functional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery_events.hpp"
#include "finance/invoice_request.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hub::finance::test {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

json::object& Document(json::object& payload) { return payload["document"].as_object(); }
json::object& Order(json::object& payload) { return Document(payload)["order"].as_object(); }
json::object& SoldTo(json::object& payload) { return Order(payload)["partners"].as_array()[0].as_object(); }

TEST(InvoiceRequestOf, ADeliveryBecomesOneRequestForTheShippedQuantitiesAtTheOrderPrices) {
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(DeliveryEvent("store-42", DeliveryPayload()), "finance");
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->request_id, "store-42");
  EXPECT_EQ(request->delivery_system, "supply_chain");
  EXPECT_EQ(request->delivery_source_id, "0080001234");
  EXPECT_EQ(request->delivery_number, "0080001234");
  EXPECT_EQ(request->order_number, "0000012001");
  EXPECT_EQ(request->customer_reference, "PO-NW-2026-338");
  EXPECT_EQ(request->currency, "EUR");
  EXPECT_EQ(request->order_date, "2026-12-01");
  EXPECT_EQ(request->delivery_date, "2026-12-03");
  EXPECT_EQ(request->requested_at_unix_ms, 1796292000000);
  EXPECT_EQ(request->customer_partner_id, "11");
  EXPECT_EQ(request->customer_number, "0000100001");
  EXPECT_EQ(request->customer_name, "Nordwind Maschinenbau GmbH");
  EXPECT_EQ(request->customer_tax_id, "DE811234567");
  EXPECT_EQ(request->customer_country, "DE");
  EXPECT_EQ(request->net_amount, "5255.00");
  ASSERT_EQ(request->lines.size(), 2u);
  const InvoiceRequestLine& pump = request->lines[0];
  EXPECT_EQ(pump.line_no, 1);
  EXPECT_EQ(pump.order_line_no, "10");
  EXPECT_EQ(pump.sku, "HX-2040");
  EXPECT_EQ(pump.quantity, "4.000");
  EXPECT_EQ(pump.unit, "PCE");
  EXPECT_EQ(pump.unit_price, "1250.00");
  EXPECT_EQ(pump.tax_rate, "0.19");
  EXPECT_EQ(pump.amount, "5000.00");
  const InvoiceRequestLine& seals = request->lines[1];
  EXPECT_EQ(seals.line_no, 2);
  EXPECT_EQ(seals.quantity, "6.000") << "what was shipped, not the 10 ordered";
  EXPECT_EQ(seals.amount, "255.00");
  EXPECT_EQ(seals.description, "Seal kit SK-7") << "the order line's, when the delivery line has none";
}

TEST(InvoiceRequestOf, WithoutAFinanceLinkTheCustomerIsNamedByNameAndTaxId) {
  json::object payload = DeliveryPayload();
  SoldTo(payload)["party"].as_object()["source_links"].as_array().pop_back();
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(DeliveryEvent("store-42", payload), "finance");
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->customer_partner_id, "");
  EXPECT_EQ(request->customer_name, "Nordwind Maschinenbau GmbH");
  EXPECT_EQ(request->customer_tax_id, "DE811234567");
  sdk::Result<InvoiceRequest> other_system = InvoiceRequestOf(DeliveryEvent("store-42", DeliveryPayload()), "odoo");
  ASSERT_TRUE(other_system.ok());
  EXPECT_EQ(other_system->customer_partner_id, "") << "the link of another system is not the finance id";
}

TEST(InvoiceRequestOf, ThePayerPartnerIsInvoicedBeforeTheSoldTo) {
  json::object payload = DeliveryPayload();
  json::object payer = SoldTo(payload);
  payer["role"] = "payer";
  payer["partner_number"] = "0000100009";
  payer["party"] = json::parse(R"({"name": "Nordwind Holding AG", "identifiers": [{"scheme": "uscc", "value":
    "91310000MA1K4ABC1X"}], "source_links": [{"source_system": "finance", "source_id": "19"}]})");
  Order(payload)["partners"].as_array().push_back(payer);
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(DeliveryEvent("store-42", payload), "finance");
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->customer_partner_id, "19");
  EXPECT_EQ(request->customer_number, "0000100009");
  EXPECT_EQ(request->customer_name, "Nordwind Holding AG");
  EXPECT_EQ(request->customer_tax_id, "91310000MA1K4ABC1X");
}

TEST(InvoiceRequestOf, APayerNotInTheStoreYetIsNamedButNeverGivenTheSoldTosFinanceId) {
  json::object payload = DeliveryPayload();
  json::object payer = SoldTo(payload);
  payer["role"] = "payer";
  payer["partner_number"] = "0000100009";
  payer["name"] = "Nordwind Holding AG";
  payer["party"] = nullptr;
  Order(payload)["partners"].as_array().push_back(payer);
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(DeliveryEvent("store-42", payload), "finance");
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->customer_partner_id, "");
  EXPECT_EQ(request->customer_number, "0000100009");
  EXPECT_EQ(request->customer_name, "Nordwind Holding AG");
}

struct Refusal {
  const char* name;
  std::function<void(json::object&, sdk::OutboundEvent&)> change;
  const char* reason;
};

class InvoiceRequestRefusals : public ::testing::TestWithParam<Refusal> {};

TEST_P(InvoiceRequestRefusals, AreDataErrorsNamingTheEventAndWhy) {
  json::object payload = DeliveryPayload();
  sdk::OutboundEvent event = DeliveryEvent("store-42", {});
  event.payload_json.clear();
  GetParam().change(payload, event);
  if (event.payload_json.empty()) event.payload_json = boost::json::serialize(payload);
  sdk::Result<InvoiceRequest> request = InvoiceRequestOf(event, "finance");
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(request.status().message(), HasSubstr("event store-42 (" + event.kind + " 7)"));
  EXPECT_THAT(request.status().message(), HasSubstr(GetParam().reason));
}

INSTANTIATE_TEST_SUITE_P(
    Events, InvoiceRequestRefusals,
    ::testing::Values(
        Refusal{"AnOrderEvent",
                [](json::object&, sdk::OutboundEvent& event) {
                  event.entity = "order";
                  event.kind = "order.created";
                },
                "makes invoice requests of deliveries only"},
        Refusal{"NoDocument", [](json::object& payload, sdk::OutboundEvent&) { payload.erase("document"); },
                "subscribe with document=\"true\""},
        Refusal{"NotJson", [](json::object&, sdk::OutboundEvent& event) { event.payload_json = "[1"; },
                "the payload is not a JSON object"},
        Refusal{"AnUnknownOrder",
                [](json::object& payload, sdk::OutboundEvent&) { Document(payload)["order"] = nullptr; },
                "the delivery's order is unknown to the hub"},
        Refusal{"NoLines",
                [](json::object& payload, sdk::OutboundEvent&) { Document(payload)["lines"] = json::array(); },
                "the delivery has no lines (yet) to invoice"},
        Refusal{"ALineOfNoKnownOrderLine",
                [](json::object& payload, sdk::OutboundEvent&) {
                  Document(payload)["lines"].as_array()[1].as_object()["order_line"] = nullptr;
                },
                "delivery line 2 ships no order line the hub knows"},
        Refusal{"AQuantityThatIsNoNumber",
                [](json::object& payload, sdk::OutboundEvent&) {
                  Document(payload)["lines"].as_array()[0].as_object()["quantity"] = "four";
                },
                "delivery line 1 has no quantity"},
        Refusal{"NoCurrency", [](json::object& payload, sdk::OutboundEvent&) { Order(payload).erase("currency"); },
                "the delivery's order has no currency"},
        Refusal{"NoDeliveryNumber",
                [](json::object& payload, sdk::OutboundEvent&) { Document(payload).erase("delivery_number"); },
                "the delivery has no delivery_number"}),
    [](const ::testing::TestParamInfo<Refusal>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hub::finance::test
