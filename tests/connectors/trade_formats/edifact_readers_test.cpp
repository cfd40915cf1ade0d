#include "trade_formats/edifact_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using ::testing::HasSubstr;
using testing::OfEntity;
using testing::ReadEdifactRecords;
using testing::ReadFixture;
using testing::Text;
using testing::TypeOf;

std::string Message(const std::string& type, const std::string& body, int segments) {
  return "UNB+UNOA:4+S+R+20261201:1200+R'UNH+1+" + type + ":D:03B:UN'" + body + "UNT+" + std::to_string(segments) +
         "+1'UNZ+1+R'";
}

TEST(EdifactOrders, GivesTheOrderItsPartnersAndItsLines) {
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records = ReadEdifactRecords(ReadFixture("orders_unoa_v4.edi"), "orders.edi", &rejections);
  EXPECT_TRUE(rejections.empty()) << rejections[0];
  std::vector<sdk::Record> orders = OfEntity(records, "order");
  ASSERT_EQ(orders.size(), 2u);
  const sdk::Record& order = orders[0];
  EXPECT_EQ(order.source_id, "PO-4711");
  EXPECT_EQ(order.position, "orders.edi:segment 2 byte 67");
  EXPECT_EQ(Text(order, "order_number"), "PO-4711");
  EXPECT_EQ(Text(order, "customer_reference"), "PO-4711");
  EXPECT_EQ(Text(order, "ordered_on"), "2026-11-30");
  EXPECT_EQ(TypeOf(order, "ordered_on"), sdk::ValueType::kDate);
  EXPECT_EQ(Text(order, "requested_on"), "2026-12-07");
  EXPECT_EQ(Text(order, "currency"), "EUR");
  EXPECT_EQ(Text(order, "party_source_id"), "5412345000013");
  EXPECT_EQ(Text(order, "total_amount"), "45.00");
  EXPECT_EQ(TypeOf(order, "total_amount"), sdk::ValueType::kDecimal);
  EXPECT_EQ(Text(order, "BGM.1001"), "220");
  EXPECT_EQ(Text(order, "UNB.0004"), "5412345000013");

  std::vector<sdk::Record> partners = OfEntity(records, "order_partner");
  ASSERT_EQ(partners.size(), 4u);  // BY, SU, DP of PO-4711; BY of PO-4712
  EXPECT_EQ(partners[0].source_id, "PO-4711/BY");
  EXPECT_EQ(Text(partners[0], "order_source_id"), "PO-4711");
  EXPECT_EQ(Text(partners[0], "role"), "sold_to");
  EXPECT_EQ(Text(partners[0], "partner_number"), "5412345000013");
  EXPECT_EQ(Text(partners[0], "name"), "ACME TRADING");
  EXPECT_EQ(Text(partners[0], "address_line"), "MAIN STREET 1");
  EXPECT_EQ(Text(partners[0], "city"), "BRUSSELS");
  EXPECT_EQ(Text(partners[0], "postal_code"), "1000");
  EXPECT_EQ(Text(partners[0], "country"), "BE");
  EXPECT_EQ(Text(partners[0], "vat"), "BE0123456789");
  EXPECT_EQ(Text(partners[1], "role"), "supplier");
  EXPECT_EQ(Text(partners[2], "role"), "ship_to");

  std::vector<sdk::Record> lines = OfEntity(records, "order_line");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].source_id, "PO-4711/1");
  EXPECT_EQ(Text(lines[0], "order_source_id"), "PO-4711");
  EXPECT_EQ(Text(lines[0], "line_no"), "1");
  EXPECT_EQ(Text(lines[0], "sku"), "4000862141404");
  EXPECT_EQ(Text(lines[0], "PIA.SA"), "ABC-100");
  EXPECT_EQ(Text(lines[0], "description"), "WIDGET, BLUE");
  EXPECT_EQ(Text(lines[0], "quantity"), "12");
  EXPECT_EQ(Text(lines[0], "unit"), "PCE");
  EXPECT_EQ(Text(lines[0], "unit_price"), "2.50");
  EXPECT_EQ(Text(lines[0], "amount"), "30.00");
  EXPECT_EQ(Text(lines[1], "description"), "BOLT M6:20");
  EXPECT_EQ(Text(lines[1], "unit_price"), "0.15");  // written 0,15
  EXPECT_EQ(Text(lines[1], "amount"), "15.00");     // no MOA 203: quantity × price
  EXPECT_EQ(lines[1].position, "orders.edi:segment 19 byte 472");
}

TEST(EdifactOrders, ALineCountThatDisagreesRejectsTheOrder) {
  std::vector<std::string> rejections;
  ReadEdifactRecords(Message("ORDERS", "BGM+220+PO-9+9'LIN+1++X:SRV'QTY+21:1'UNS+S'CNT+2:2'", 7), "o.edi", &rejections);
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0], "o.edi:segment 2 byte 31: CNT 2 counts 2 lines, the order PO-9 has 1");
}

TEST(EdifactOrders, ANumberOrDateThatIsNotOneRejectsTheOrderWithItsPosition) {
  std::vector<std::string> rejections;
  ReadEdifactRecords(Message("ORDERS", "BGM+220+PO-9+9'LIN+1++X:SRV'QTY+21:12x'", 5), "o.edi", &rejections);
  ReadEdifactRecords(Message("ORDERS", "BGM+220+PO-9+9'DTM+137:20261301:102'", 4), "o.edi", &rejections);
  ReadEdifactRecords(Message("ORDERS", "BGM+220+PO-9+9'DTM+137:2026-11:999'", 4), "o.edi", &rejections);
  ReadEdifactRecords(Message("ORDERS", "DTM+137:20261130:102'", 3), "o.edi", &rejections);
  ASSERT_EQ(rejections.size(), 4u);
  EXPECT_EQ(rejections[0], "o.edi:segment 5 byte 81: QTY '12x' is not a number");
  EXPECT_THAT(rejections[1], HasSubstr("segment 4 byte 68: DTM 137 '20261301' is not a date in format 102"));
  EXPECT_THAT(rejections[2], HasSubstr("is not a date in format 999"));
  EXPECT_EQ(rejections[3], "o.edi:segment 2 byte 31: the ORDERS message has no document number (BGM 1004)");
}

TEST(EdifactDesadv, GivesTheDeliveryAndItsLinesPointingAtTheOrderLines) {
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records = ReadEdifactRecords(ReadFixture("desadv_unoy_crlf.edi"), "desadv.edi", &rejections);
  EXPECT_TRUE(rejections.empty()) << rejections[0];
  ASSERT_EQ(records.size(), 3u);
  const sdk::Record& delivery = records[0];
  EXPECT_EQ(delivery.entity, "delivery");
  EXPECT_EQ(delivery.source_id, "DN-8001");
  EXPECT_EQ(Text(delivery, "delivery_number"), "DN-8001");
  EXPECT_EQ(Text(delivery, "status"), "shipped");
  EXPECT_EQ(Text(delivery, "issued_on"), "2026-12-03");
  EXPECT_EQ(Text(delivery, "shipped_on"), "2026-12-03");  // 203: CCYYMMDDHHMM
  EXPECT_EQ(Text(delivery, "expected_on"), "2026-12-05");
  EXPECT_EQ(Text(delivery, "order_source_id"), "PO-4711");
  EXPECT_EQ(Text(delivery, "party_source_id"), "5412345000020");
  EXPECT_EQ(Text(delivery, "gross_weight"), "125.5");
  EXPECT_EQ(Text(delivery, "net_weight"), "120");
  EXPECT_EQ(Text(delivery, "weight_unit"), "KGM");
  EXPECT_EQ(Text(delivery, "carrier"), "DHL Express");
  EXPECT_EQ(Text(delivery, "tracking_number"), "JD0001234567");
  EXPECT_EQ(Text(delivery, "NAD.DP"), "5412345000020");
  const sdk::Record& line = records[2];
  EXPECT_EQ(line.entity, "delivery_line");
  EXPECT_EQ(line.source_id, "DN-8001/2");
  EXPECT_EQ(Text(line, "delivery_source_id"), "DN-8001");
  EXPECT_EQ(Text(line, "order_line_source_id"), "PO-4711/2");
  EXPECT_EQ(Text(line, "quantity"), "60");
  EXPECT_EQ(line.position, "desadv.edi:segment 19 byte 454");
}

TEST(EdifactInvoic, GivesTheInvoiceItsLinesAndItsTotals) {
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records =
      ReadEdifactRecords(ReadFixture("invoic_una_unoc_v3.edi"), "invoic.edi", &rejections);
  EXPECT_TRUE(rejections.empty()) << rejections[0];
  ASSERT_EQ(records.size(), 3u);
  const sdk::Record& invoice = records[0];
  EXPECT_EQ(invoice.entity, "invoice");
  EXPECT_EQ(invoice.source_id, "INV-2026-0042");
  EXPECT_EQ(Text(invoice, "kind"), "invoice");
  EXPECT_EQ(Text(invoice, "issued_on"), "2026-12-02");
  EXPECT_EQ(Text(invoice, "due_on"), "2027-01-01");
  EXPECT_EQ(Text(invoice, "currency"), "EUR");
  EXPECT_EQ(Text(invoice, "party_source_id"), "5412345000099");  // the invoicee before the buyer
  EXPECT_EQ(Text(invoice, "party_name"), "ACME Accounts");
  EXPECT_EQ(Text(invoice, "order_source_id"), "PO-4711");
  EXPECT_EQ(Text(invoice, "net_amount"), "45.00");
  EXPECT_EQ(Text(invoice, "tax_amount"), "9.45");
  EXPECT_EQ(Text(invoice, "total_amount"), "54.45");
  const sdk::Record& first = records[1];
  EXPECT_EQ(first.entity, "invoice_line");
  EXPECT_EQ(Text(first, "invoice_source_id"), "INV-2026-0042");
  EXPECT_EQ(Text(first, "description"), "Widget 'Blue' 50? off");
  EXPECT_EQ(Text(first, "quantity"), "12");
  EXPECT_EQ(Text(first, "tax_rate"), "0.21");
  EXPECT_EQ(Text(first, "amount"), "30.00");
  EXPECT_EQ(Text(records[2], "amount"), "15.00");
}

TEST(EdifactInvoic, ReadsACreditNoteAndTheInvoiceItCredits) {
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records = ReadEdifactRecords(
      Message("INVOIC", "BGM+381+CN-1+9'DTM+137:20261201:102'RFF+IV:INV-7'CUX+2:EUR:4'UNS+S'MOA+86:10:EUR'", 8),
      "cn.edi", &rejections);
  ASSERT_EQ(records.size(), 1u) << (rejections.empty() ? "" : rejections[0]);
  EXPECT_EQ(Text(records[0], "kind"), "credit_note");
  EXPECT_EQ(Text(records[0], "original_invoice_source_id"), "INV-7");
  EXPECT_EQ(Text(records[0], "total_amount"), "10");
}

TEST(EdifactReaders, AMessageTypeNoReaderKnowsIsRejected) {
  std::vector<std::string> rejections;
  ReadEdifactRecords(Message("PRICAT", "BGM+9+P-1+9'", 3), "p.edi", &rejections);
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0], "p.edi:segment 2 byte 31: message type 'PRICAT' is not read (ORDERS, DESADV, INVOIC)");
}

}  // namespace
}  // namespace hub::trade_formats

namespace hub::trade_formats {
namespace {

// The public samples in ../shared/data/edifact (licence unstated: read in place, never copied).
std::string SharedSample(const std::string& name) {
  return testing::ReadFile(std::string(HUB_SOURCE_DIR) + "/../shared/data/edifact/" + name);
}

TEST(EdifactSharedSamples, ReadsTheOrdersSampleWithoutUnaOrNewlines) {
  std::string bytes = SharedSample("ORDERS_D.03B_Interchange.edi");
  if (bytes.empty()) GTEST_SKIP() << "../shared/data/edifact is not there";
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records = ReadEdifactRecords(bytes, "ORDERS.edi", &rejections);
  EXPECT_TRUE(rejections.empty()) << rejections[0];
  std::vector<sdk::Record> lines = OfEntity(records, "order_line");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(Text(lines[0], "sku"), "0764569104");
  EXPECT_EQ(Text(lines[0], "quantity"), "25");
  EXPECT_EQ(Text(lines[0], "description"), "Lord of the Rings");
  EXPECT_EQ(Text(OfEntity(records, "order")[0], "party_source_id"), "5412345000176");
}

TEST(EdifactSharedSamples, ReadsTheInvoicSampleWithUnaAndReleasedApostrophes) {
  std::string bytes = SharedSample("INVOIC_D.03B_Interchange_with_UNA.edi");
  if (bytes.empty()) GTEST_SKIP() << "../shared/data/edifact is not there";
  std::vector<std::string> rejections;
  std::vector<sdk::Record> records = ReadEdifactRecords(bytes, "INVOIC.edi", &rejections);
  EXPECT_TRUE(rejections.empty()) << rejections[0];
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(Text(records[0], "invoice_number"), "539602");
  EXPECT_EQ(Text(records[0], "currency"), "GBP");
  EXPECT_EQ(Text(records[0], "total_amount"), "362.00");
  EXPECT_EQ(Text(records[0], "order_source_id"), "01671727");
  EXPECT_THAT(Text(records[1], "description"), HasSubstr("Tolkien's original colours"));
  EXPECT_EQ(Text(records[2], "amount"), "50");  // 2 × 25, the sample's MOA 106 is no line amount
}

}  // namespace
}  // namespace hub::trade_formats
