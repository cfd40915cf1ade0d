// <subscribe document="true"> on both engines: an order's and a delivery's events reach the subscriber with
// the document read from the store at delivery time — lines, customer with its identifiers, address and
// source links — and a subscription without it gets the payload as it was written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "delivery/delivery_queries.hpp"
#include "delivery_fixture.hpp"
#include "store/model/event_documents.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::BackendName;
using sync::test::Mapping;
using sync::test::Record;
using ::testing::ElementsAre;

class EventDocumentTest : public DeliveryTest {
 protected:
  // Syncs `records` of `entity` with a mapping of `fields`, as the job named after the entity, in one batch.
  void Sync(const std::string& entity, const std::vector<std::string>& fields,
            const std::vector<sdk::Record>& records) {
    jobs_[entity] = sync::SinkJob{Mapping(entity, fields), "erp"};
    const sync::SyncCounts counts = ApplyAs(entity, records, entity + std::to_string(++batches_));
    ASSERT_EQ(counts.quarantined, 0u) << entity;
  }

  // Customer C1, order SO1 with two lines stored after the order, delivery D1 of one line.
  void SyncOrderAndDelivery() {
    Sync("party", {"kind", "name", "uscc", "address_line", "city", "country"},
         {Record("party", "C1",
                 {{"kind", "organization"},
                  {"name", "上海某某贸易有限公司"},
                  {"uscc", "91310115MA4CL12T22"},
                  {"address_line", "浦东新区世纪大道100号"},
                  {"city", "上海"},
                  {"country", "CN"}})});
    Sync("order", {"order_number", "party_source_id", "status", "currency", "total_amount", "ordered_on"},
         {Record("order", "SO1",
                 {{"order_number", "SO-1"},
                  {"party_source_id", "C1"},
                  {"status", "confirmed"},
                  {"currency", "CNY"},
                  {"total_amount", "300.00"},
                  {"ordered_on", "2026-11-30"}})});
    Sync("order_line", {"order_source_id", "line_no", "sku", "quantity", "unit_price", "amount"},
         {Record("order_line", "SO1/20",
                 {{"order_source_id", "SO1"},
                  {"line_no", "20"},
                  {"sku", "B-2"},
                  {"quantity", "1"},
                  {"unit_price", "100.00"},
                  {"amount", "100.00"}}),
          Record("order_line", "SO1/10",
                 {{"order_source_id", "SO1"},
                  {"line_no", "10"},
                  {"sku", "A-1"},
                  {"quantity", "2"},
                  {"unit_price", "100.00"},
                  {"amount", "200.00"}})});
    Sync("order_partner", {"order_source_id", "role", "partner_number", "party_source_id", "name"},
         {Record("order_partner", "SO1/AG",
                 {{"order_source_id", "SO1"},
                  {"role", "sold_to"},
                  {"partner_number", "C1"},
                  {"party_source_id", "C1"},
                  {"name", "上海某某贸易有限公司"}}),
          Record("order_partner", "SO1/WE",
                 {{"order_source_id", "SO1"},
                  {"role", "ship_to"},
                  {"partner_number", "W-404"},
                  {"party_source_id", "W-404"},
                  {"name", "浦东仓库"}})});
    Sync("delivery", {"delivery_number", "order_source_id", "status"},
         {Record("delivery", "D1", {{"delivery_number", "80001"}, {"order_source_id", "SO1"}, {"status", "shipped"}})});
    Sync("delivery_line", {"delivery_source_id", "order_line_source_id", "quantity"},
         {Record("delivery_line", "D1/1",
                 {{"delivery_source_id", "D1"}, {"order_line_source_id", "SO1/10"}, {"quantity", "2"}})});
  }

  // The payloads `name` received for `kind`, parsed.
  std::vector<boost::json::object> Payloads(const std::string& name, const std::string& kind) {
    std::vector<boost::json::object> payloads;
    for (const Taken& taken : Recorded(name)) {
      if (taken.kind == kind) payloads.push_back(boost::json::parse(taken.payload).as_object());
    }
    return payloads;
  }

  static std::vector<std::string> Texts(const boost::json::array& rows, std::string_view key) {
    std::vector<std::string> texts;
    for (const boost::json::value& row : rows) {
      const boost::json::value& value = row.as_object().at(key);
      texts.push_back(value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value));
    }
    return texts;
  }

  int batches_ = 0;
};

TEST_P(EventDocumentTest, AnOrderEventCarriesTheOrderWithItsLinesAndCustomerAsCommittedAtDelivery) {
  SyncOrderAndDelivery();
  Subscription subscription = Subscriber("sap");
  subscription.events = {{"order", {"order.created"}, true}};
  auto sap = Connector("sap");
  DeliveryRunResult result = Run(subscription, *sap);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  std::vector<boost::json::object> payloads = Payloads("sap", "order.created");
  ASSERT_EQ(payloads.size(), 1u);
  EXPECT_EQ(payloads[0].at("source_id").as_string(), "SO1") << "the event's own members stay";
  const boost::json::object& order = payloads[0].at("document").as_object();
  EXPECT_EQ(order.at("order_number").as_string(), "SO-1");
  EXPECT_EQ(order.at("status").as_string(), "confirmed");
  EXPECT_THAT(Texts(order.at("lines").as_array(), "sku"), ElementsAre("A-1", "B-2"))
      << "lines stored after the order's event are there, in line order";
  EXPECT_THAT(Texts(order.at("source_links").as_array(), "source_id"), ElementsAre("SO1"));
  const boost::json::object& party = order.at("party").as_object();
  EXPECT_EQ(party.at("name").as_string(), "上海某某贸易有限公司");
  EXPECT_THAT(Texts(party.at("identifiers").as_array(), "value"), ElementsAre("91310115MA4CL12T22"));
  EXPECT_THAT(Texts(party.at("addresses").as_array(), "city"), ElementsAre("上海"));
  EXPECT_THAT(Texts(party.at("source_links").as_array(), "source_system"), ElementsAre("erp"));
  EXPECT_THAT(Texts(party.at("source_links").as_array(), "source_id"), ElementsAre("C1"));
  const boost::json::array& partners = order.at("partners").as_array();
  EXPECT_THAT(Texts(partners, "role"), ElementsAre("sold_to", "ship_to"));
  EXPECT_EQ(partners[0].as_object().at("party").as_object().at("name").as_string(), "上海某某贸易有限公司");
  EXPECT_TRUE(partners[1].as_object().at("party").is_null()) << "W-404 is not in the store";
  EXPECT_EQ(partners[1].as_object().at("party_source_id").as_string(), "W-404");
}

TEST_P(EventDocumentTest, AnInvoiceEventCarriesItsLinesCustomerAndOrder) {
  SyncOrderAndDelivery();
  Sync("invoice", {"invoice_number", "party_source_id", "order_source_id", "currency", "total_amount", "issued_on"},
       {Record("invoice", "INV1",
               {{"invoice_number", "INV-1"},
                {"party_source_id", "C1"},
                {"order_source_id", "SO1"},
                {"currency", "CNY"},
                {"total_amount", "300.00"},
                {"issued_on", "2026-12-01"}})});
  Sync("invoice_line", {"invoice_source_id", "line_no", "description", "quantity", "amount"},
       {Record("invoice_line", "INV1/2",
               {{"invoice_source_id", "INV1"},
                {"line_no", "2"},
                {"description", "运费"},
                {"quantity", "1"},
                {"amount", "20.00"}}),
        Record("invoice_line", "INV1/1",
               {{"invoice_source_id", "INV1"},
                {"line_no", "1"},
                {"description", "货物"},
                {"quantity", "3"},
                {"amount", "280.00"}})});
  Subscription subscription = Subscriber("billing");
  subscription.events = {{"invoice", {"invoice.created"}, true}};
  auto billing = Connector("billing");
  ASSERT_TRUE(Run(subscription, *billing).status.ok());
  std::vector<boost::json::object> payloads = Payloads("billing", "invoice.created");
  ASSERT_EQ(payloads.size(), 1u);
  const boost::json::object& invoice = payloads[0].at("document").as_object();
  EXPECT_EQ(invoice.at("invoice_number").as_string(), "INV-1");
  EXPECT_THAT(Texts(invoice.at("lines").as_array(), "description"), ElementsAre("货物", "运费"));
  EXPECT_EQ(invoice.at("party").as_object().at("name").as_string(), "上海某某贸易有限公司");
  EXPECT_EQ(invoice.at("order").as_object().at("order_number").as_string(), "SO-1");
}

TEST_P(EventDocumentTest, ADeliveryEventCarriesItsLinesWithTheirOrderLinesAndTheOrder) {
  SyncOrderAndDelivery();
  Subscription subscription = Subscriber("finance");
  subscription.events = {{"delivery", {}, true}};
  auto finance = Connector("finance");
  ASSERT_TRUE(Run(subscription, *finance).status.ok());
  std::vector<boost::json::object> payloads = Payloads("finance", "delivery.created");
  ASSERT_EQ(payloads.size(), 1u);
  const boost::json::object& delivery = payloads[0].at("document").as_object();
  EXPECT_EQ(delivery.at("delivery_number").as_string(), "80001");
  const boost::json::array& lines = delivery.at("lines").as_array();
  ASSERT_EQ(lines.size(), 1u);
  const boost::json::object& ordered = lines[0].as_object().at("order_line").as_object();
  EXPECT_EQ(ordered.at("sku").as_string(), "A-1");
  EXPECT_EQ(boost::json::serialize(ordered.at("line_no")), "10");
  EXPECT_TRUE(delivery.at("address").is_null());
  const boost::json::object& order = delivery.at("order").as_object();
  EXPECT_EQ(order.at("order_number").as_string(), "SO-1");
  EXPECT_FALSE(order.contains("lines")) << "the delivery's lines say what it ships";
  EXPECT_EQ(order.at("party").as_object().at("name").as_string(), "上海某某贸易有限公司");
}

TEST_P(EventDocumentTest, ALeadEventCarriesItsOwnerWithTheOwnersEmail) {
  Sync("employee", {"employee_number", "name", "email"},
       {Record("employee", "E7", {{"employee_number", "E7"}, {"name", "王经理"}, {"email", "wang@acme.cn"}})});
  Sync("lead", {"company_name", "contact_name", "owner_employee_number"},
       {Record("lead", "L1",
               {{"company_name", "上海某某贸易有限公司"}, {"contact_name", "李四"}, {"owner_employee_number", "E7"}}),
        Record("lead", "L2", {{"company_name", "无主公司"}})});
  Subscription subscription = Subscriber("mail");
  subscription.events = {{"lead", {"lead.created"}, true}};
  auto mail = Connector("mail");
  DeliveryRunResult result = Run(subscription, *mail);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  std::vector<boost::json::object> payloads = Payloads("mail", "lead.created");
  ASSERT_EQ(payloads.size(), 2u);
  const boost::json::object& lead = payloads[0].at("document").as_object();
  EXPECT_EQ(lead.at("contact_name").as_string(), "李四");
  EXPECT_EQ(lead.at("owner").as_object().at("email").as_string(), "wang@acme.cn");
  EXPECT_EQ(lead.at("owner").as_object().at("name").as_string(), "王经理");
  EXPECT_TRUE(lead.at("party").is_null()) << "no customer matched yet";
  EXPECT_THAT(Texts(lead.at("source_links").as_array(), "source_id"), ElementsAre("L1"));
  const boost::json::object& unowned = payloads[1].at("document").as_object();
  EXPECT_TRUE(unowned.at("owner").is_null());
}

TEST_P(EventDocumentTest, ATaskEventCarriesItsAssigneeWithTheirEmailAndItsCustomer) {
  Sync("employee", {"employee_number", "name", "email"},
       {Record("employee", "E7", {{"employee_number", "E7"}, {"name", "王经理"}, {"email", "wang@acme.cn"}})});
  Sync("party", {"kind", "name", "phone", "owner_employee_number"},
       {Record("party", "C1",
               {{"kind", "organization"},
                {"name", "上海华腾贸易有限公司"},
                {"phone", "021 5080 1234"},
                {"owner_employee_number", "E7"}})});
  // A missed call from the customer: the model layer makes a callback task for its owner (task.created).
  Sync("activity", {"kind", "occurred_at", "phone", "direction", "outcome"},
       {Record("activity", "A1",
               {{"kind", "call"},
                {"occurred_at", "2026-11-02T09:00:00Z"},
                {"phone", "021 5080 1234"},
                {"direction", "inbound"},
                {"outcome", "no_answer"}})});
  Subscription subscription = Subscriber("mail");
  subscription.events = {{"task", {"task.created"}, true}};
  auto mail = Connector("mail");
  DeliveryRunResult result = Run(subscription, *mail);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  std::vector<boost::json::object> payloads = Payloads("mail", "task.created");
  ASSERT_EQ(payloads.size(), 1u);
  const boost::json::object& task = payloads[0].at("document").as_object();
  EXPECT_EQ(task.at("kind").as_string(), "callback");
  EXPECT_EQ(task.at("assignee").as_object().at("email").as_string(), "wang@acme.cn");
  EXPECT_EQ(task.at("party").as_object().at("name").as_string(), "上海华腾贸易有限公司");
}

TEST_P(EventDocumentTest, WithoutDocumentThePayloadIsAsWritten) {
  SyncOrderAndDelivery();
  Subscription subscription = Subscriber("plain");
  subscription.events = {{"order", {}}};
  auto plain = Connector("plain");
  ASSERT_TRUE(Run(subscription, *plain).status.ok());
  std::vector<boost::json::object> payloads = Payloads("plain", "order.created");
  ASSERT_EQ(payloads.size(), 1u);
  EXPECT_FALSE(payloads[0].contains("document"));
}

TEST_P(EventDocumentTest, AReplayedDeadLetterCarriesTheDocumentToo) {
  SyncOrderAndDelivery();
  Subscription subscription = Subscriber("sap");
  subscription.events = {{"order", {"order.created"}, true}};
  subscription.max_attempts = 1;
  auto refusing = Connector("sap", {{"fail_first", "1"}});
  ASSERT_TRUE(Run(subscription, *refusing).status.ok());
  ASSERT_TRUE(Payloads("sap", "order.created").empty());
  ASSERT_TRUE(RequestReplay(*database_, "sap", {}, clock_).ok());
  ASSERT_TRUE(Run(subscription, *refusing).status.ok());
  std::vector<boost::json::object> payloads = Payloads("sap", "order.created");
  ASSERT_EQ(payloads.size(), 1u);
  EXPECT_EQ(payloads[0].at("document").as_object().at("lines").as_array().size(), 2u);
}

TEST_P(EventDocumentTest, ARowNotInTheStoreHasANullDocument) {
  sdk::Result<odbc::ConnectionLease> lease = database_->Acquire();
  ASSERT_TRUE(lease.ok());
  sdk::Result<boost::json::value> document = store_model::ReadEventDocument(lease->get(), "order", 404);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_TRUE(document->is_null());
  EXPECT_FALSE(store_model::ReadEventDocument(lease->get(), "party", 1).ok()) << "a party has no document";
}

INSTANTIATE_TEST_SUITE_P(Engines, EventDocumentTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::delivery::test
