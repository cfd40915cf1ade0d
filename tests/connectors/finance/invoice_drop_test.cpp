// Invoice requests as UBL 2.1 Invoice files in a drop folder: one file per delivery, written atomically and
// once, that the finance connector's own UBL folder reads back as the same request.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery_events.hpp"
#include "finance/invoice_drop.hpp"
#include "finance/ubl_invoice_file.hpp"
#include "support/temp_dir.hpp"

namespace hub::finance::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Files(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string ContentOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Text(const sdk::Record& record, const char* name) {
  const sdk::Value* value = record.Find(name);
  return value == nullptr ? "(none)" : value->text();
}

constexpr const char* kFile = "INVOICE_REQUEST_0080001234_store-42.xml";

TEST(InvoiceDrop, ADeliveryBecomesOneUblInvoiceThatTheUblFolderReadsBackAsTheSameRequest) {
  hub::test::TempDir dir;
  InvoiceDrop drop(dir.path(), "finance");
  sdk::Result<std::size_t> accepted = drop.Write({DeliveryEvent("store-42", DeliveryPayload())});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  ASSERT_THAT(Files(dir.path()), ElementsAre(".hub_sent", kFile));
  files::WholeFileParse read = ReadUblInvoiceFile(ContentOf(dir.path() / kFile), kFile, "finance_ubl");
  ASSERT_TRUE(read.fault.ok()) << read.fault.ToString();
  ASSERT_EQ(read.records.size(), 4u);
  const sdk::Record& party = read.records[0];
  EXPECT_EQ(party.entity, "party");
  EXPECT_EQ(party.source_id, "11") << "the customer's Odoo partner id";
  EXPECT_EQ(Text(party, "name"), "Nordwind Maschinenbau GmbH");
  EXPECT_EQ(Text(party, "vat"), "DE811234567");
  const sdk::Record& invoice = read.records[1];
  EXPECT_EQ(invoice.source_id, "store-42");
  EXPECT_EQ(Text(invoice, "partner_id"), "11");
  EXPECT_EQ(Text(invoice, "currency"), "EUR");
  EXPECT_EQ(Text(invoice, "invoice_date"), "2026-12-03");
  EXPECT_EQ(Text(invoice, "invoice_origin"), "0000012001");
  EXPECT_EQ(Text(invoice, "ref"), "PO-NW-2026-338");
  EXPECT_EQ(Text(invoice, "despatch_reference"), "0080001234");
  EXPECT_EQ(Text(invoice, "amount_untaxed"), "5255.00");
  EXPECT_EQ(Text(invoice, "amount_residual"), "5255.00");
  const sdk::Record& pump = read.records[2];
  EXPECT_EQ(Text(pump, "sequence"), "1");
  EXPECT_EQ(Text(pump, "product_code"), "HX-2040");
  EXPECT_EQ(Text(pump, "quantity"), "4.000");
  EXPECT_EQ(Text(pump, "price_unit"), "1250.00");
  EXPECT_EQ(Text(pump, "price_subtotal"), "5000.00");
  EXPECT_EQ(Text(pump, "tax_rate"), "0.19");
  EXPECT_EQ(Text(pump, "order_line_reference"), "10");
  EXPECT_EQ(Text(read.records[3], "price_subtotal"), "255.00");
}

TEST(InvoiceDrop, ARedeliveryOrALaterEventOfTheSameDeliveryWritesNothing) {
  hub::test::TempDir dir;
  InvoiceDrop drop(dir.path(), "finance");
  ASSERT_TRUE(drop.Write({DeliveryEvent("store-42", DeliveryPayload())}).ok());
  sdk::Result<std::size_t> again = drop.Write(
      {DeliveryEvent("store-42", DeliveryPayload()), DeliveryEvent("store-57", DeliveryPayload(), "delivery.updated")});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 2u);
  EXPECT_THAT(Files(dir.path()), ElementsAre(".hub_sent", kFile));
  EXPECT_THAT(Files(dir.path() / ".hub_sent"), ElementsAre("supply_chain%3A0080001234"));
}

TEST(InvoiceDrop, ACrashBetweenTheFileAndItsLedgerEntryStillLeavesOneFile) {
  hub::test::TempDir dir;
  ASSERT_TRUE(InvoiceDrop(dir.path(), "finance").Write({DeliveryEvent("store-42", DeliveryPayload())}).ok());
  fs::remove(dir.path() / ".hub_sent" / "supply_chain%3A0080001234");
  InvoiceDrop restarted(dir.path(), "finance");
  ASSERT_TRUE(restarted.Write({DeliveryEvent("store-42", DeliveryPayload())}).ok());
  EXPECT_THAT(Files(dir.path()), ElementsAre(".hub_sent", kFile)) << "the same name, written again";
}

TEST(InvoiceDrop, ACustomerWithoutAnyIdIsRefusedNamingTheEvent) {
  boost::json::object payload = DeliveryPayload();
  boost::json::object& order = payload["document"].as_object()["order"].as_object();
  order["partners"] = boost::json::array();
  order["party"] = nullptr;
  hub::test::TempDir dir;
  InvoiceDrop drop(dir.path(), "finance");
  sdk::Result<std::size_t> refused = drop.Write({DeliveryEvent("store-42", payload)});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(refused.status().message(), HasSubstr("event store-42 (delivery.created 7)"));
  EXPECT_THAT(refused.status().message(), HasSubstr("the customer has no finance id"));
  EXPECT_THAT(Files(dir.path()), ElementsAre());
}

TEST(InvoiceDrop, AMissingFolderIsUnavailableNotTheEventsFault) {
  hub::test::TempDir dir;
  InvoiceDrop drop(dir.path() / "not-mounted", "finance");
  sdk::Result<std::size_t> written = drop.Write({DeliveryEvent("store-42", DeliveryPayload())});
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(drop.CheckHealth().code(), sdk::StatusCode::kUnavailable);
  EXPECT_FALSE(fs::exists(dir.path() / "not-mounted"));
}

}  // namespace
}  // namespace hub::finance::test
