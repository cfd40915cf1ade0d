// Each IDoc type gives its records with the fields of the unified model's names (README.md's table).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "supply_chain/idoc_records.hpp"
#include "supply_chain_test_support.hpp"

namespace hub::supply_chain {
namespace {

using ::testing::ElementsAre;
using testing::Fixture;
using testing::Keys;
using testing::ReadWholeFile;
using testing::TempDir;
using testing::Text;

std::vector<sdk::Record> ReadFixture(const TempDir& dir, const std::string& name) {
  sdk::Result<std::vector<sdk::Record>> records = ReadWholeFile(dir.Write(name, Fixture(name)).string());
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() ? *records : std::vector<sdk::Record>{};
}

TEST(IdocRecords, DebmasGivesOnePartyPerCustomerWithItsAddressTaxIdsAndDeletionFlag) {
  TempDir dir;
  const std::vector<sdk::Record> records = ReadFixture(dir, "debmas07.xml");
  ASSERT_THAT(Keys(records), ElementsAre("party:0000100001", "party:0000100002", "party:0000100003"));
  const sdk::Record& first = records[0];
  EXPECT_EQ(Text(first, "name"), "Nordwind Maschinenbau GmbH");
  EXPECT_EQ(Text(first, "customer_number"), "0000100001");
  EXPECT_EQ(Text(first, "address_line"), "Spitalerstrasse 12");
  EXPECT_EQ(Text(first, "city"), "Hamburg");
  EXPECT_EQ(Text(first, "postal_code"), "20095");
  EXPECT_EQ(Text(first, "country"), "DE");
  EXPECT_EQ(Text(first, "phone"), "+49 40 3090 1200");
  EXPECT_EQ(Text(first, "fax"), "+49 40 3090 1299");
  EXPECT_EQ(Text(first, "tax_id"), "22/815/08151");
  EXPECT_EQ(Text(first, "vat"), "DE811907980");
  EXPECT_EQ(Text(first, "classification"), "0001");
  EXPECT_EQ(Text(first, "status"), "active");
  EXPECT_EQ(Text(first, "idoc_number"), "0000000000481101");
  EXPECT_EQ(first.position, "debmas07.xml:IDOC 1 (DOCNUM 0000000000481101) line 3");
  EXPECT_EQ(Text(records[1], "name"), "上海申华精密机械有限公司");
  EXPECT_EQ(Text(records[1], "uscc"), "91310115MA1K3YJ25X");
  EXPECT_EQ(Text(records[2], "status"), "inactive");
}

TEST(IdocRecords, Orders05GivesTheOrderThenItsLinesThenItsPartners) {
  TempDir dir;
  const std::vector<sdk::Record> records = ReadFixture(dir, "orders05.xml");
  ASSERT_THAT(Keys(records),
              ElementsAre("order:0000012001", "order_line:0000012001/10", "order_line:0000012001/20",
                          "order_partner:0000012001/AG", "order_partner:0000012001/WE", "order:0000012002",
                          "order_line:0000012002/10", "order_partner:0000012002/AG", "order_partner:0000012002/RE"));
  const sdk::Record& order = records[0];
  EXPECT_EQ(Text(order, "order_number"), "0000012001");
  EXPECT_EQ(Text(order, "currency"), "EUR");
  EXPECT_EQ(Text(order, "party_source_id"), "0000100001");
  EXPECT_EQ(Text(order, "ordered_on"), "2026-12-01");
  EXPECT_EQ(Text(order, "requested_on"), "2026-12-15");
  EXPECT_EQ(Text(order, "customer_reference"), "PO-NW-2026-338");
  EXPECT_EQ(Text(order, "total_amount"), "5425.00");
  EXPECT_EQ(order.Find("total_amount")->type(), sdk::ValueType::kDecimal);
  const sdk::Record& line = records[2];
  EXPECT_EQ(Text(line, "order_source_id"), "0000012001");
  EXPECT_EQ(Text(line, "line_no"), "20");
  EXPECT_EQ(Text(line, "quantity"), "10.000");
  EXPECT_EQ(Text(line, "unit"), "PCE");
  EXPECT_EQ(Text(line, "unit_price"), "42.50");
  EXPECT_EQ(Text(line, "amount"), "425.00");
  EXPECT_EQ(Text(line, "sku"), "SK-7");
  EXPECT_EQ(Text(line, "description"), "Seal kit SK-7");
  const sdk::Record& ship_to = records[4];
  EXPECT_EQ(Text(ship_to, "role"), "ship_to");
  EXPECT_EQ(Text(ship_to, "partner_function"), "WE");
  EXPECT_EQ(Text(ship_to, "partner_number"), "0000100001");
  EXPECT_EQ(Text(ship_to, "party_source_id"), "0000100001");
  EXPECT_EQ(Text(ship_to, "name"), "Nordwind Werk Harburg");
  EXPECT_EQ(Text(ship_to, "postal_code"), "21079");
  EXPECT_EQ(Text(records[8], "role"), "bill_to");
  EXPECT_EQ(records[5].position, "orders05.xml:IDOC 2 (DOCNUM 0000000000004712) line 93");
}

TEST(IdocRecords, DelvryGivesTheDeliveryWithWeightsAndLinesReferringToTheOrderLines) {
  TempDir dir;
  const std::vector<sdk::Record> records = ReadFixture(dir, "delvry03.xml");
  ASSERT_THAT(Keys(records),
              ElementsAre("delivery:0080001234", "delivery_line:0080001234/10", "delivery_line:0080001234/20"));
  const sdk::Record& delivery = records[0];
  EXPECT_EQ(Text(delivery, "delivery_number"), "0080001234");
  EXPECT_EQ(Text(delivery, "order_source_id"), "0000012001");
  EXPECT_EQ(Text(delivery, "party_source_id"), "0000100001");
  EXPECT_EQ(Text(delivery, "gross_weight"), "212.500");
  EXPECT_EQ(Text(delivery, "net_weight"), "198.000");
  EXPECT_EQ(Text(delivery, "weight_unit"), "KGM");
  EXPECT_EQ(Text(delivery, "incoterms"), "DAP Hamburg");
  EXPECT_EQ(Text(delivery, "shipped_on"), "2026-12-03");
  const sdk::Record& line = records[2];
  EXPECT_EQ(Text(line, "delivery_source_id"), "0080001234");
  EXPECT_EQ(Text(line, "order_line_source_id"), "0000012001/20");
  EXPECT_EQ(Text(line, "line_no"), "20");
  EXPECT_EQ(Text(line, "sku"), "SK-7");
  EXPECT_EQ(Text(line, "quantity"), "6.000");
  EXPECT_EQ(Text(line, "unit"), "PCE");
}

TEST(IdocRecords, Invoic02GivesTheInvoiceWithItsTotalsAndLinesWithTheirTaxRate) {
  TempDir dir;
  const std::vector<sdk::Record> records = ReadFixture(dir, "invoic02.xml");
  ASSERT_THAT(Keys(records), ElementsAre("invoice:0090004411", "invoice_line:0090004411/10"));
  const sdk::Record& invoice = records[0];
  EXPECT_EQ(Text(invoice, "invoice_number"), "0090004411");
  EXPECT_EQ(Text(invoice, "kind"), "invoice");
  EXPECT_EQ(Text(invoice, "currency"), "EUR");
  EXPECT_EQ(Text(invoice, "party_source_id"), "0000100001");
  EXPECT_EQ(Text(invoice, "issued_on"), "2026-12-04");
  EXPECT_EQ(Text(invoice, "order_reference"), "0000012001");
  EXPECT_EQ(Text(invoice, "net_amount"), "5000.00");
  EXPECT_EQ(Text(invoice, "tax_amount"), "950.00");
  EXPECT_EQ(Text(invoice, "total_amount"), "5950.00");
  const sdk::Record& line = records[1];
  EXPECT_EQ(Text(line, "invoice_source_id"), "0090004411");
  EXPECT_EQ(Text(line, "tax_rate"), "0.19");
  EXPECT_EQ(Text(line, "amount"), "5000.00");
}

// The DEBMAS fixture's third customer, "Atelier Lumière SARL", in the file's declared or marked encoding.
std::string NameOfThirdCustomer(const TempDir& dir, const std::string& bytes) {
  sdk::Result<std::vector<sdk::Record>> records = ReadWholeFile(dir.Write("debmas.xml", bytes).string(), 1000, 64);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() && records->size() == 3 ? Text((*records)[2], "name") : "<unread>";
}

TEST(IdocRecords, IsoLatin1AndUtf16FilesGiveTheSameText) {
  TempDir dir;
  std::string utf8 = Fixture("debmas07.xml");
  // Latin-1: the declaration says so, and é/è are one byte each (the Chinese customer is left out).
  std::string latin1 = utf8.substr(0, utf8.find("  <IDOC", utf8.find("</IDOC>"))) +
                       utf8.substr(utf8.find("  <IDOC", utf8.find("</IDOC>", utf8.find("</IDOC>") + 1)));
  latin1.replace(latin1.find("UTF-8"), 5, "ISO-8859-1");
  for (std::size_t at; (at = latin1.find("\xC3\xA8")) != std::string::npos;) latin1.replace(at, 2, "\xE8");
  sdk::Result<std::vector<sdk::Record>> read = ReadWholeFile(dir.Write("latin1.xml", latin1).string());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ(Text((*read)[1], "name"), "Atelier Lumière SARL");
  // UTF-16LE with a byte-order mark: every ASCII byte followed by 0, the rest by hand.
  std::string utf16 = "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned code = static_cast<unsigned char>(utf8[i]);
    int extra = code < 0x80 ? 0 : code < 0xE0 ? 1 : code < 0xF0 ? 2 : 3;
    code &= extra == 0 ? 0x7F : extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07;
    for (int k = 1; k <= extra; ++k) code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += 1 + extra;
    utf16 += static_cast<char>(code & 0xFF);
    utf16 += static_cast<char>(code >> 8);
  }
  utf16.replace(utf16.find(std::string("U\0T\0F\0-\0"
                                       "8\0",
                                       10)),
                10,
                std::string("U\0T\0F\0-\0"
                            "1\0"
                            "6\0",
                            12));
  EXPECT_EQ(NameOfThirdCustomer(dir, utf16), "Atelier Lumière SARL");
}

TEST(IdocRecords, SapNotationBecomesIsoDatesAndLeadingMinusAndShortLineIds) {
  EXPECT_EQ(IsoDate("20261201"), "2026-12-01");
  EXPECT_EQ(IsoDate("2026-12-01"), "2026-12-01");
  EXPECT_EQ(SignedAmount("12.50-"), "-12.50");
  EXPECT_EQ(SignedAmount("12.50"), "12.50");
  EXPECT_EQ(LineSourceId("4500", "000010"), "4500/10");
  EXPECT_EQ(LineSourceId("4500", "A1"), "4500/A1");
}

}  // namespace
}  // namespace hub::supply_chain
