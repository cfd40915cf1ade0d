// Order events out: one ORDERS05 file per order in the drop folder, written atomically and once, that the
// inbound side reads back to the same order and lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "supply_chain/order_drop.hpp"
#include "supply_chain/trade_file_reader.hpp"
#include "supply_chain_test_support.hpp"

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Keys;
using testing::ReadWholeFile;
using testing::TempDir;
using testing::Text;

// An order event as the hub delivers it with document="true": the order, its lines and its party.
sdk::OutboundEvent OrderEvent(const std::string& event_id, const std::string& links) {
  sdk::OutboundEvent event;
  event.kind = "order.created";
  event.entity = "order";
  event.id = "42";
  event.event_id = event_id;
  event.occurred_at_unix_ms = 1'796'000'000'000;
  event.payload_json = R"({"source_system":"crm","source_id":"SO-77","fields":{"order_number":"SO-77"},
    "document":{"source_id":"SO-77","fields":{"order_number":"SO-77","currency":"EUR","total_amount":"1310.00",
      "ordered_on":"2026-12-01","requested_on":"2026-12-20","customer_reference":"PO 9 & <10>","status":"confirmed"},
     "lines":[{"fields":{"line_no":10,"sku":"HX-2040","description":"Hydraulic pump","quantity":"1.000","unit":"PCE",
                         "unit_price":"1250.00","amount":"1250.00"}},
              {"fields":{"line_no":20,"sku":"SK-7","description":"Seal kit","quantity":"2.000","unit":"PCE",
                         "unit_price":"30.00","amount":"60.00"}}],
     "party":{"source_id":"C-1","fields":{"name":"Nordwind"},"source_links":[)" +
                       links + R"(]}}})";
  return event;
}

const char* kSapLink =
    R"({"source_system":"crm","source_id":"C-1"},{"source_system":"supply_chain","source_id":"0000100001"})";

std::vector<std::string> Files(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

Orders05Envelope Envelope() {
  Orders05Envelope envelope;
  envelope.receiver_partner = "PRDCLNT100";
  return envelope;
}

TEST(OrderDrop, AnOrderEventBecomesOneOrders05FileThatReadsBackToTheSameOrderAndLines) {
  TempDir dir;
  OrderDrop drop(dir.path(), Envelope(), "supply_chain");
  sdk::Result<std::size_t> accepted = drop.Write({OrderEvent("ev-1", kSapLink)});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  ASSERT_THAT(Files(dir.path()), ElementsAre(".hub_sent", "ORDERS05_SO-77_ev-1.xml"));
  sdk::Result<std::vector<sdk::Record>> records = ReadWholeFile((dir.path() / "ORDERS05_SO-77_ev-1.xml").string());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_THAT(Keys(*records),
              ElementsAre("order:SO-77", "order_line:SO-77/10", "order_line:SO-77/20", "order_partner:SO-77/AG"));
  const sdk::Record& order = (*records)[0];
  EXPECT_EQ(Text(order, "currency"), "EUR");
  EXPECT_EQ(Text(order, "total_amount"), "1310.00");
  EXPECT_EQ(Text(order, "ordered_on"), "2026-12-01");
  EXPECT_EQ(Text(order, "requested_on"), "2026-12-20");
  EXPECT_EQ(Text(order, "customer_reference"), "PO 9 & <10>");
  EXPECT_EQ(Text(order, "party_source_id"), "0000100001");
  EXPECT_EQ(Text(order, "idoc_number"), DocnumOf("ev-1"));
  const sdk::Record& line = (*records)[2];
  EXPECT_EQ(Text(line, "line_no"), "20");
  EXPECT_EQ(Text(line, "sku"), "SK-7");
  EXPECT_EQ(Text(line, "description"), "Seal kit");
  EXPECT_EQ(Text(line, "quantity"), "2.000");
  EXPECT_EQ(Text(line, "unit"), "PCE");
  EXPECT_EQ(Text(line, "unit_price"), "30.00");
  EXPECT_EQ(Text(line, "amount"), "60.00");
}

TEST(OrderDrop, WithUblOutputAnOrderEventBecomesAUblOrderThatReadsBackToTheSameOrderAndLines) {
  TempDir dir;
  OrderDrop drop(dir.path(), Envelope(), "supply_chain", OutboundFormat::kUbl);
  sdk::Result<std::size_t> accepted = drop.Write({OrderEvent("ev-1", kSapLink)});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  ASSERT_THAT(Files(dir.path()), ElementsAre(".hub_sent", "ORDER_SO-77_ev-1.xml"));
  const std::string bytes = testing::FileBytes(dir.path() / "ORDER_SO-77_ev-1.xml");
  ASSERT_EQ(DetectFormat(bytes), FileFormat::kUbl);
  const TradeFileRead read = ReadTradeFile(bytes, "ORDER_SO-77_ev-1.xml", FileFormat::kUbl);
  ASSERT_TRUE(read.fault.ok()) << read.fault.ToString();
  std::vector<std::string> keys = Keys(read.records);
  EXPECT_THAT(keys, ::testing::Contains("order:SO-77"));
  EXPECT_THAT(keys, ::testing::Contains("order_line:SO-77/20"));
  for (const sdk::Record& record : read.records) {
    if (record.entity == "order") {
      EXPECT_EQ(Text(record, "party_source_id"), "0000100001");
      EXPECT_EQ(Text(record, "currency"), "EUR");
    }
    if (record.source_id == "SO-77/20") EXPECT_EQ(Text(record, "sku"), "SK-7");
  }
}

TEST(OrderDrop, ARedeliveryOrALaterEventOfTheSameOrderWritesNothing) {
  TempDir dir;
  OrderDrop drop(dir.path(), Envelope(), "supply_chain");
  ASSERT_TRUE(drop.Write({OrderEvent("ev-1", kSapLink)}).ok());
  sdk::Result<std::size_t> again = drop.Write({OrderEvent("ev-1", kSapLink), OrderEvent("ev-2", kSapLink)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 2u);
  EXPECT_THAT(Files(dir.path()), ElementsAre(".hub_sent", "ORDERS05_SO-77_ev-1.xml"));
  EXPECT_THAT(Files(dir.path() / ".hub_sent"), ElementsAre("SO-77"));
}

TEST(OrderDrop, TheIdocNumberAndTextAreTheSameOnEveryAttempt) {
  EXPECT_EQ(DocnumOf("ev-1"), DocnumOf("ev-1"));
  EXPECT_NE(DocnumOf("ev-1"), DocnumOf("ev-2"));
  EXPECT_EQ(DocnumOf("ev-1").size(), 16u);
  TempDir first;
  TempDir second;
  ASSERT_TRUE(OrderDrop(first.path(), Envelope(), "supply_chain").Write({OrderEvent("ev-1", kSapLink)}).ok());
  ASSERT_TRUE(OrderDrop(second.path(), Envelope(), "supply_chain").Write({OrderEvent("ev-1", kSapLink)}).ok());
  const std::string name = "ORDERS05_SO-77_ev-1.xml";
  EXPECT_EQ(testing::FileBytes(first.path() / name), testing::FileBytes(second.path() / name));
  EXPECT_THAT(testing::FileBytes(first.path() / name), HasSubstr("<DOCNUM>" + DocnumOf("ev-1") + "</DOCNUM>"));
}

TEST(OrderDrop, AnOrderWhoseCustomerHasNoNumberInThePartnerSystemIsRefusedSayingSo) {
  TempDir dir;
  OrderDrop drop(dir.path(), Envelope(), "supply_chain");
  sdk::Result<std::size_t> accepted = drop.Write({OrderEvent("ev-1", R"({"source_system":"crm","source_id":"C-1"})")});
  ASSERT_FALSE(accepted.ok());
  EXPECT_EQ(accepted.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(accepted.status().message(), HasSubstr("no source link in system 'supply_chain'"));
  EXPECT_THAT(Files(dir.path()), ElementsAre());
}

TEST(OrderDrop, AnEventWithoutItsDocumentIsRefusedNamingTheSubscriptionAttribute) {
  TempDir dir;
  sdk::OutboundEvent event = OrderEvent("ev-1", kSapLink);
  event.payload_json = R"({"source_system":"crm","source_id":"SO-77","fields":{"order_number":"SO-77"}})";
  sdk::Result<std::size_t> accepted = OrderDrop(dir.path(), Envelope(), "supply_chain").Write({event});
  ASSERT_FALSE(accepted.ok());
  EXPECT_THAT(accepted.status().message(), HasSubstr("document=\"true\""));
}

}  // namespace
}  // namespace hub::supply_chain
