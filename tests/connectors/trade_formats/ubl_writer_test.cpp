#include "trade_formats/ubl_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "trade_formats/trade_document.hpp"
#include "trade_formats/ubl_reader.hpp"
#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using ::testing::HasSubstr;
using testing::ReadEdifactRecords;
using testing::ReadFixture;
using testing::Text;

// The fields of a record other than raw segment fields ("BGM.1004") and in `ignored`, as name=value.
std::vector<std::string> NeutralFields(const sdk::Record& record, std::initializer_list<std::string_view> ignored) {
  std::vector<std::string> fields;
  for (const sdk::Field& field : record.fields) {
    bool skip = field.name.find('.') != std::string::npos;
    for (std::string_view name : ignored) skip = skip || field.name == name;
    if (!skip) fields.push_back(field.name + "=" + field.value.text());
  }
  std::sort(fields.begin(), fields.end());
  return fields;
}

TradeDocument ReadBack(const std::string& xml) {
  sdk::Result<std::vector<sdk::Record>> records = ReadUblDocument(xml, "written.xml");
  EXPECT_TRUE(records.ok()) << records.status().ToString() << "\n" << xml;
  std::vector<TradeDocument> documents = GroupDocuments(records.ok() ? *records : std::vector<sdk::Record>{});
  EXPECT_EQ(documents.size(), 1u);
  return documents.empty() ? TradeDocument{} : documents[0];
}

TEST(UblWriter, AnOrderReadFromEdifactIsReadBackFromItsUblOrder) {
  std::vector<std::string> rejections;
  std::vector<TradeDocument> documents =
      GroupDocuments(ReadEdifactRecords(ReadFixture("orders_unoa_v4.edi"), "orders.edi", &rejections));
  ASSERT_EQ(documents.size(), 2u);
  const TradeDocument& original = documents[0];
  sdk::Result<std::string> xml = WriteUblOrder(original);
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  EXPECT_THAT(*xml, HasSubstr("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\""));
  TradeDocument read = ReadBack(*xml);
  // What the UBL Order has no place for: the EDIFACT status default and the notes.
  EXPECT_EQ(NeutralFields(read.header, {"tax_amount"}), NeutralFields(original.header, {}));
  ASSERT_EQ(read.lines.size(), original.lines.size());
  for (std::size_t i = 0; i < read.lines.size(); ++i) {
    EXPECT_EQ(NeutralFields(read.lines[i], {"item_name"}), NeutralFields(original.lines[i], {})) << i;
  }
  ASSERT_EQ(read.partners.size(), original.partners.size());
  for (std::size_t i = 0; i < read.partners.size(); ++i) {
    EXPECT_EQ(Text(read.partners[i], "role"), Text(original.partners[i], "role"));
    EXPECT_EQ(Text(read.partners[i], "partner_number"), Text(original.partners[i], "partner_number"));
    EXPECT_EQ(Text(read.partners[i], "name"), Text(original.partners[i], "name"));
    EXPECT_EQ(Text(read.partners[i], "city"), Text(original.partners[i], "city"));
  }
}

TEST(UblWriter, AnInvoiceIsReadBackAsItWasWritten) {
  sdk::Result<std::vector<sdk::Record>> records = ReadUblDocument(ReadFixture("peppol_invoice.xml"), "in.xml");
  ASSERT_TRUE(records.ok());
  TradeDocument original = GroupDocuments(*records)[0];
  sdk::Result<std::string> xml = WriteUblInvoice(original);
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  TradeDocument read = ReadBack(*xml);
  EXPECT_EQ(NeutralFields(read.header, {}), NeutralFields(original.header, {}));
  ASSERT_TRUE(read.party.has_value());
  EXPECT_EQ(NeutralFields(*read.party, {}), NeutralFields(*original.party, {}));
  ASSERT_EQ(read.lines.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(NeutralFields(read.lines[i], {}), NeutralFields(original.lines[i], {})) << i;
  }
}

TEST(UblWriter, ACreditNoteIsWrittenAsACreditNote) {
  sdk::Result<std::vector<sdk::Record>> records =
      ReadUblDocument(ReadFixture("peppol_credit_note_prefixed.xml"), "in.xml");
  ASSERT_TRUE(records.ok());
  TradeDocument original = GroupDocuments(*records)[0];
  sdk::Result<std::string> xml = WriteUblInvoice(original);
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  EXPECT_THAT(*xml, HasSubstr("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""));
  TradeDocument read = ReadBack(*xml);
  EXPECT_EQ(NeutralFields(read.header, {}), NeutralFields(original.header, {}));
  EXPECT_EQ(NeutralFields(read.lines[0], {}), NeutralFields(original.lines[0], {}));
}

TEST(UblWriter, ComputesTheTotalsItIsNotGiven) {
  TradeDocument document;
  document.header.entity = "invoice";
  document.header.Set("invoice_number", sdk::Value::String("R-1"))
      .Set("issued_on", sdk::Value::Date("2026-12-02"))
      .Set("currency", sdk::Value::String("CNY"))
      .Set("tax_amount", sdk::Value::Decimal("13.00"))
      .Set("party_source_id", sdk::Value::String("K-100"));
  sdk::Record line;
  line.Set("line_no", sdk::Value::String("10"))
      .Set("quantity", sdk::Value::Decimal("4"))
      .Set("unit_price", sdk::Value::Decimal("25.00"))
      .Set("description", sdk::Value::String("服务费"));
  document.lines.push_back(line);
  sdk::Result<std::string> xml = WriteUblInvoice(document);
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  TradeDocument read = ReadBack(*xml);
  EXPECT_EQ(Text(read.header, "net_amount"), "100.00");
  EXPECT_EQ(Text(read.header, "total_amount"), "113.00");
  EXPECT_EQ(Text(read.header, "party_source_id"), "K-100");
  EXPECT_EQ(Text(read.lines[0], "amount"), "100.00");
  EXPECT_EQ(Text(read.lines[0], "description"), "服务费");
}

TEST(UblWriter, NamesTheFieldADocumentLacks) {
  TradeDocument order;
  order.header.Set("order_number", sdk::Value::String("PO-1")).Set("currency", sdk::Value::String("EUR"));
  EXPECT_EQ(WriteUblOrder(order).status().message(), "a UBL Order needs ordered_on");
  order.header.Set("ordered_on", sdk::Value::Date("2026-12-01"));
  sdk::Record line;
  line.Set("line_no", sdk::Value::String("1")).Set("quantity", sdk::Value::Decimal("1"));
  order.lines.push_back(line);
  EXPECT_EQ(WriteUblOrder(order).status().message(),
            "UBL Order line 1 has neither an amount nor a quantity and unit_price");
  TradeDocument invoice;
  EXPECT_EQ(WriteUblInvoice(invoice).status().code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::trade_formats
