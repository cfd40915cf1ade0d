// A UBL invoice or credit note file as the finance connector's records: the odoo17 streams' field names, a
// Chinese customer with its unified social credit code, and the documents it refuses with their reasons.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "finance/ubl_invoice_file.hpp"

namespace hub::finance {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(HUB_SOURCE_DIR) + "/tests/data/finance/ubl/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  EXPECT_FALSE(bytes.str().empty()) << name;
  return bytes.str();
}

files::WholeFileParse Read(const std::string& name) { return ReadUblInvoiceFile(Fixture(name), name, "finance_ubl"); }

std::vector<std::string> Keys(const files::WholeFileParse& parse) {
  std::vector<std::string> keys;
  for (const sdk::Record& record : parse.records) keys.push_back(record.entity + ":" + record.source_id);
  return keys;
}

std::string Text(const sdk::Record& record, const std::string& name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? "<none>" : value->text();
}

TEST(UblInvoiceFile, ReadsAPeppolInvoiceAsTheRecordsOfTheOdooStreams) {
  const files::WholeFileParse parse = Read("INV-2026-0101.xml");
  ASSERT_TRUE(parse.fault.ok()) << parse.fault.ToString();
  ASSERT_THAT(Keys(parse), ElementsAre("party:C-SH-0042", "invoice:INV-2026-0101", "invoice_line:INV-2026-0101/1",
                                       "invoice_line:INV-2026-0101/2"));
  for (const sdk::Record& record : parse.records) EXPECT_EQ(record.source_system, "finance_ubl");
  const sdk::Record& party = parse.records[0];
  EXPECT_EQ(Text(party, "kind"), "organization");
  EXPECT_EQ(Text(party, "name"), "上海华东贸易有限公司");
  EXPECT_EQ(Text(party, "vat"), "91310115MA1K4QWE36");
  EXPECT_EQ(Text(party, "uscc"), "91310115MA1K4QWE36");
  EXPECT_EQ(Text(party, "company_registry"), "91310115MA1K4QWE36");
  EXPECT_EQ(Text(party, "street"), "张江路 88 号");
  EXPECT_EQ(Text(party, "street2"), "3 号楼 1201 室");
  EXPECT_EQ(Text(party, "city"), "上海市");
  EXPECT_EQ(Text(party, "province"), "上海");
  EXPECT_EQ(Text(party, "zip"), "201203");
  EXPECT_EQ(Text(party, "country_code"), "CN");
  EXPECT_EQ(Text(party, "contact_name"), "王芳");
  EXPECT_EQ(Text(party, "phone"), "+86 21 5080 1234");
  EXPECT_EQ(Text(party, "email"), "wang.fang@huadong-trade.example");
  EXPECT_THAT(party.position, HasSubstr("INV-2026-0101.xml:byte "));

  const sdk::Record& invoice = parse.records[1];
  EXPECT_EQ(Text(invoice, "name"), "INV-2026-0101");
  EXPECT_EQ(Text(invoice, "move_type"), "out_invoice");
  EXPECT_EQ(Text(invoice, "state"), "posted");
  EXPECT_EQ(Text(invoice, "payment_state"), "not_paid");
  EXPECT_EQ(Text(invoice, "partner_id"), "C-SH-0042");
  EXPECT_EQ(Text(invoice, "currency"), "CNY");
  EXPECT_EQ(*invoice.Find("amount_untaxed"), sdk::Value::Decimal("12100.00"));
  EXPECT_EQ(*invoice.Find("amount_tax"), sdk::Value::Decimal("1573.00"));
  EXPECT_EQ(*invoice.Find("amount_total"), sdk::Value::Decimal("13673.00"));
  EXPECT_EQ(*invoice.Find("amount_residual"), sdk::Value::Decimal("13673.00"));
  EXPECT_EQ(*invoice.Find("invoice_date"), sdk::Value::Date("2026-11-20"));
  EXPECT_EQ(*invoice.Find("invoice_date_due"), sdk::Value::Date("2026-12-20"));
  EXPECT_EQ(Text(invoice, "invoice_origin"), "SO-88120");
  EXPECT_EQ(Text(invoice, "ref"), "HD-2026-118");
  EXPECT_EQ(invoice.Find("reversed_entry_id"), nullptr);

  const sdk::Record& line = parse.records[2];
  EXPECT_EQ(Text(line, "move_id"), "INV-2026-0101");
  EXPECT_EQ(Text(line, "sequence"), "1");
  EXPECT_EQ(Text(line, "product_code"), "GW-200");
  EXPECT_EQ(Text(line, "name"), "工业网关 GW-200（含安装支架）");
  EXPECT_EQ(*line.Find("quantity"), sdk::Value::Decimal("10"));
  EXPECT_EQ(Text(line, "unit"), "H87");
  EXPECT_EQ(*line.Find("price_unit"), sdk::Value::Decimal("980.00"));
  EXPECT_EQ(*line.Find("price_subtotal"), sdk::Value::Decimal("9800.00"));
  EXPECT_EQ(*line.Find("tax_rate"), sdk::Value::Decimal("0.13"));
}

TEST(UblInvoiceFile, ACreditNoteIsAnOutRefundNamingTheInvoiceItReverses) {
  const files::WholeFileParse parse = Read("CN-2026-0007.xml");
  ASSERT_TRUE(parse.fault.ok()) << parse.fault.ToString();
  ASSERT_THAT(Keys(parse), ElementsAre("party:C-SH-0042", "invoice:CN-2026-0007", "invoice_line:CN-2026-0007/1"));
  const sdk::Record& credit_note = parse.records[1];
  EXPECT_EQ(Text(credit_note, "move_type"), "out_refund");
  EXPECT_EQ(Text(credit_note, "reversed_entry_id"), "INV-2026-0101");
  EXPECT_EQ(*credit_note.Find("amount_total"), sdk::Value::Decimal("2214.80"));
  EXPECT_EQ(*parse.records[2].Find("quantity"), sdk::Value::Decimal("2"));
}

TEST(UblInvoiceFile, ACustomerKnownByItsEndpointAndAPrepaidAmountMakeAPartlyPaidInvoice) {
  const files::WholeFileParse parse = Read("INV-2026-0102.xml");
  ASSERT_TRUE(parse.fault.ok()) << parse.fault.ToString();
  ASSERT_THAT(Keys(parse),
              ElementsAre("party:91110108MA01C2HX7C", "invoice:INV-2026-0102", "invoice_line:INV-2026-0102/1"));
  const sdk::Record& party = parse.records[0];
  EXPECT_EQ(Text(party, "name"), "北京中科智联信息技术有限公司");
  EXPECT_EQ(Text(party, "uscc"), "91110108MA01C2HX7C");
  EXPECT_EQ(Text(party, "vat"), "<none>");
  const sdk::Record& invoice = parse.records[1];
  EXPECT_EQ(Text(invoice, "payment_state"), "partial");
  EXPECT_EQ(*invoice.Find("amount_residual"), sdk::Value::Decimal("2390.00"));
  EXPECT_EQ(*invoice.Find("invoice_date_due"), sdk::Value::Date("2026-12-24"));
}

TEST(UblInvoiceFile, AnInvoiceWithNothingLeftToPayIsPaid) {
  std::string xml = Fixture("INV-2026-0102.xml");
  const std::string payable = "<cbc:PayableAmount currencyID=\"CNY\">2390.00</cbc:PayableAmount>";
  xml.replace(xml.find(payable), payable.size(), "<cbc:PayableAmount currencyID=\"CNY\">0.00</cbc:PayableAmount>");
  const files::WholeFileParse parse = ReadUblInvoiceFile(xml, "paid.xml", "finance_ubl");
  ASSERT_TRUE(parse.fault.ok()) << parse.fault.ToString();
  EXPECT_EQ(Text(parse.records[1], "payment_state"), "paid");
}

struct Refusal {
  const char* file;
  const char* reason;
};

TEST(UblInvoiceFile, RefusesAFileThatIsNoInvoiceOfACustomerWithItsReason) {
  for (const Refusal& refusal :
       {Refusal{"bad/malformed.xml", "bad/malformed.xml:byte "}, Refusal{"bad/malformed.xml", "the XML does not parse"},
        Refusal{"bad/order.xml", "a UBL Order, not an Invoice or CreditNote"},
        Refusal{"bad/no_customer.xml", "the invoice INV-2026-0191 has no customer"},
        Refusal{"bad/no_number.xml", "the CreditNote has no cbc:ID"}}) {
    const files::WholeFileParse parse = Read(refusal.file);
    EXPECT_EQ(parse.fault.code(), sdk::StatusCode::kDataError) << refusal.file;
    EXPECT_THAT(parse.fault.message(), HasSubstr(refusal.reason)) << refusal.file;
    EXPECT_THAT(parse.records, IsEmpty()) << refusal.file;
  }
  const files::WholeFileParse other = ReadUblInvoiceFile("<invoice><id>1</id></invoice>", "plain.xml", "finance_ubl");
  EXPECT_THAT(other.fault.message(), HasSubstr("is not a UBL Invoice, CreditNote"));
}

}  // namespace
}  // namespace hub::finance
