#include "trade_formats/ubl_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using ::testing::HasSubstr;
using testing::OfEntity;
using testing::ReadFixture;
using testing::Text;
using testing::TypeOf;

std::vector<sdk::Record> Read(const std::string& fixture) {
  sdk::Result<std::vector<sdk::Record>> records = ReadUblDocument(ReadFixture(fixture), fixture);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() ? *records : std::vector<sdk::Record>{};
}

TEST(UblInvoice, GivesTheCustomerTheInvoiceAndItsLines) {
  std::vector<sdk::Record> records = Read("peppol_invoice.xml");
  ASSERT_EQ(records.size(), 4u);
  const sdk::Record& party = records[0];
  EXPECT_EQ(party.entity, "party");
  EXPECT_EQ(party.source_id, "CUST-0042");  // PartyIdentification before EndpointID
  EXPECT_EQ(Text(party, "name"), "ACME Trading");
  EXPECT_EQ(Text(party, "vat"), "BE0123456789");
  EXPECT_EQ(Text(party, "address_line"), "Rue Neuve 1");
  EXPECT_EQ(Text(party, "city"), "Bruxelles");
  EXPECT_EQ(Text(party, "country"), "BE");
  EXPECT_EQ(Text(party, "email"), "ap@acme.example");
  EXPECT_EQ(Text(party, "endpoint_id"), "5412345000013");
  EXPECT_EQ(Text(party, "endpoint_scheme"), "0088");

  const sdk::Record& invoice = records[1];
  EXPECT_EQ(invoice.entity, "invoice");
  EXPECT_EQ(invoice.source_id, "INV-2026-1001");
  EXPECT_EQ(Text(invoice, "kind"), "invoice");
  EXPECT_EQ(Text(invoice, "issued_on"), "2026-11-28");
  EXPECT_EQ(TypeOf(invoice, "issued_on"), sdk::ValueType::kDate);
  EXPECT_EQ(Text(invoice, "due_on"), "2026-12-28");
  EXPECT_EQ(Text(invoice, "currency"), "EUR");
  EXPECT_EQ(Text(invoice, "party_source_id"), "CUST-0042");
  EXPECT_EQ(Text(invoice, "order_source_id"), "PO-4711");
  EXPECT_EQ(Text(invoice, "net_amount"), "45.00");
  EXPECT_EQ(Text(invoice, "tax_amount"), "9.45");  // the TaxTotal in EUR, not the one in SEK
  EXPECT_EQ(Text(invoice, "total_amount"), "54.45");
  EXPECT_EQ(Text(invoice, "payable_amount"), "50.00");
  EXPECT_EQ(TypeOf(invoice, "total_amount"), sdk::ValueType::kDecimal);
  EXPECT_THAT(invoice.position, HasSubstr("peppol_invoice.xml:byte "));

  const sdk::Record& line = records[2];
  EXPECT_EQ(line.entity, "invoice_line");
  EXPECT_EQ(line.source_id, "INV-2026-1001/1");
  EXPECT_EQ(Text(line, "invoice_source_id"), "INV-2026-1001");
  EXPECT_EQ(Text(line, "line_no"), "1");
  EXPECT_EQ(Text(line, "sku"), "ABC-100");
  EXPECT_EQ(Text(line, "description"), "Widget, blue");
  EXPECT_EQ(Text(line, "quantity"), "12");
  EXPECT_EQ(Text(line, "unit"), "C62");
  EXPECT_EQ(Text(line, "unit_price"), "2.50");
  EXPECT_EQ(Text(line, "tax_rate"), "0.21");
  EXPECT_EQ(Text(line, "amount"), "30.00");
  EXPECT_EQ(Text(line, "order_line_reference"), "1");
  EXPECT_EQ(Text(records[3], "sku"), "4000862141411");  // StandardItemIdentification without a seller's id
  EXPECT_EQ(Text(records[3], "description"), "Bolt M6x20, zinc plated");
  EXPECT_EQ(Text(records[3], "price_basis_quantity"), "100");
}

TEST(UblInvoice, ReadsACreditNoteByNamespaceWhateverItsPrefixes) {
  std::vector<sdk::Record> records = Read("peppol_credit_note_prefixed.xml");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].source_id, "5412345000013");  // the cbc:EndpointID, not b:EndpointID of another namespace
  EXPECT_EQ(Text(records[0], "name"), "ACME Trading");
  const sdk::Record& credit = records[1];
  EXPECT_EQ(Text(credit, "kind"), "credit_note");
  EXPECT_EQ(Text(credit, "issued_on"), "2026-12-01");
  EXPECT_EQ(Text(credit, "due_on"), "2026-12-15");  // PaymentMeans/PaymentDueDate
  EXPECT_EQ(Text(credit, "original_invoice_source_id"), "INV-2026-1001");
  EXPECT_EQ(Text(credit, "total_amount"), "3.03");
  EXPECT_EQ(records[2].entity, "invoice_line");
  EXPECT_EQ(Text(records[2], "quantity"), "1");  // CreditedQuantity
}

TEST(UblInvoice, ReadsTheOasisExample) {
  std::vector<sdk::Record> records = Read("oasis/UBL-Invoice-2.1-Example.xml");
  std::vector<sdk::Record> invoices = OfEntity(records, "invoice");
  ASSERT_EQ(invoices.size(), 1u);
  EXPECT_EQ(Text(invoices[0], "invoice_number"), "TOSL108");
  EXPECT_EQ(Text(invoices[0], "total_amount"), "1729");
  EXPECT_EQ(OfEntity(records, "invoice_line").size(), 5u);
}

TEST(UblOrder, GivesTheOrderItsPartnersAndLines) {
  std::vector<sdk::Record> records = Read("oasis/UBL-Order-2.1-Example.xml");
  std::vector<sdk::Record> orders = OfEntity(records, "order");
  ASSERT_EQ(orders.size(), 1u);
  const sdk::Record& order = orders[0];
  EXPECT_EQ(order.source_id, "34");
  EXPECT_EQ(Text(order, "customer_reference"), "34");
  EXPECT_EQ(Text(order, "ordered_on"), "2010-01-20");
  EXPECT_EQ(Text(order, "requested_on"), "2010-02-10");
  EXPECT_EQ(Text(order, "currency"), "SEK");
  EXPECT_EQ(Text(order, "total_amount"), "6225");
  EXPECT_FALSE(Text(order, "party_source_id").empty());
  std::vector<sdk::Record> partners = OfEntity(records, "order_partner");
  std::vector<std::string> roles;
  for (const sdk::Record& partner : partners) roles.push_back(Text(partner, "role"));
  EXPECT_EQ(roles, (std::vector<std::string>{"sold_to", "supplier", "ship_to"}));
  EXPECT_EQ(partners[2].source_id, "34/ship_to");
  EXPECT_EQ(Text(partners[2], "partner_number"), "67654328394567");
  EXPECT_EQ(Text(partners[2], "name"), "Swedish trucking");
  std::vector<sdk::Record> lines = OfEntity(records, "order_line");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].source_id, "34/1");
  EXPECT_EQ(Text(lines[0], "quantity"), "120");
  EXPECT_EQ(Text(lines[0], "unit"), "LTR");
  EXPECT_EQ(Text(lines[0], "unit_price"), "50");
  EXPECT_EQ(Text(lines[0], "amount"), "6000");
  EXPECT_EQ(Text(lines[0], "description"), "Red paint");
}

TEST(UblDespatchAdvice, ReadsVersion20) {
  std::vector<sdk::Record> records = Read("oasis/UBL-DespatchAdvice-2.0-Example.xml");
  ASSERT_GE(records.size(), 2u);
  const sdk::Record& delivery = records[0];
  EXPECT_EQ(delivery.entity, "delivery");
  EXPECT_EQ(delivery.source_id, "565899");
  EXPECT_EQ(Text(delivery, "issued_on"), "2005-06-20");
  EXPECT_EQ(Text(delivery, "order_source_id"), "AEG012345");
  EXPECT_EQ(Text(delivery, "party_source_id"), "GT00978567");  // SupplierAssignedAccountID
  const sdk::Record& line = records[1];
  EXPECT_EQ(line.entity, "delivery_line");
  EXPECT_EQ(Text(line, "quantity"), "90");
  EXPECT_EQ(Text(line, "unit"), "KGM");
  EXPECT_EQ(Text(line, "order_line_source_id"), "AEG012345/1");
}

TEST(UblDespatchAdvice, ReadsVersion21WithShipmentAndLineOrderReferences) {
  std::vector<sdk::Record> records = Read("despatch_advice_2_1.xml");
  ASSERT_EQ(records.size(), 3u);
  const sdk::Record& delivery = records[0];
  EXPECT_EQ(Text(delivery, "delivery_number"), "DN-8001");
  EXPECT_EQ(Text(delivery, "party_source_id"), "CUST-0042");
  EXPECT_EQ(Text(delivery, "party_name"), "上海仓库");
  EXPECT_EQ(Text(delivery, "gross_weight"), "125.5");
  EXPECT_EQ(Text(delivery, "weight_unit"), "KGM");
  EXPECT_EQ(Text(delivery, "carrier"), "DHL Express");
  EXPECT_EQ(Text(delivery, "tracking_number"), "JD0001234567");
  EXPECT_EQ(Text(delivery, "expected_on"), "2026-12-05");
  EXPECT_EQ(Text(records[1], "order_line_source_id"), "PO-4711/1");
  EXPECT_EQ(Text(records[2], "order_line_source_id"), "PO-4700/2");  // the line's own OrderReference
  EXPECT_EQ(records[2].source_id, "DN-8001/2");
}

TEST(UblReader, RefusesWhatItCannotReadWithAPosition) {
  auto error = [](std::string_view xml) {
    sdk::Result<std::vector<sdk::Record>> read = ReadUblDocument(xml, "bad.xml");
    return read.ok() ? std::string("read") : read.status().message();
  };
  EXPECT_THAT(error("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><a>"),
              HasSubstr("bad.xml:byte "));
  EXPECT_THAT(error("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><a>"),
              HasSubstr("the XML does not parse"));
  EXPECT_THAT(error("<Invoice xmlns=\"urn:example:other\"/>"), HasSubstr("is not a UBL Invoice, CreditNote"));
  EXPECT_THAT(error("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"),
              HasSubstr("bad.xml:byte 1: the Invoice has no cbc:ID"));
  std::string bad_amount = ReadFixture("peppol_invoice.xml");
  bad_amount.replace(bad_amount.find(">54.45<"), 7, ">54,45<");
  EXPECT_THAT(error(bad_amount), HasSubstr("cbc:TaxInclusiveAmount '54,45' is not a number"));
}

TEST(UblReader, DetectsTheDocumentKindFromTheRoot) {
  EXPECT_EQ(*DetectUblDocument(ReadFixture("peppol_invoice.xml")), UblDocumentKind::kInvoice);
  EXPECT_EQ(*DetectUblDocument(ReadFixture("peppol_credit_note_prefixed.xml")), UblDocumentKind::kCreditNote);
  EXPECT_EQ(*DetectUblDocument(ReadFixture("oasis/UBL-Order-2.1-Example.xml")), UblDocumentKind::kOrder);
  EXPECT_EQ(*DetectUblDocument(ReadFixture("despatch_advice_2_1.xml")), UblDocumentKind::kDespatchAdvice);
  EXPECT_EQ(DetectUblDocument("<ORDERS05><IDOC/></ORDERS05>").status().code(), sdk::StatusCode::kNotFound);
  EXPECT_EQ(DetectUblDocument("UNB+UNOA:4").status().code(), sdk::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hub::trade_formats
