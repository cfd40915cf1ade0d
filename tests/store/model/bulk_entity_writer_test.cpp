// New records of generic entities in bulk (BulkEntityWriter through the store sink), on both engines: a batch
// of invoices with their lines stores every row, link and event the per-record path would, lines finding
// their invoice of the same batch; a line whose invoice is missing waits as pending and lands when it
// arrives; a record given twice is inserted once and updated; a line naming an unknown product keeps its sku.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sync::test::Mapping;
using sync::test::Record;

const std::vector<std::string> kInvoiceFields = {"invoice_number", "party_source_id", "currency",
                                                 "total_amount",   "issued_on",       "amount_residual"};
const std::vector<std::string> kLineFields = {"invoice_source_id", "line_no", "sku", "quantity", "amount"};

class BulkEntityWriterTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    jobs_["parties"] = sync::SinkJob{Mapping("party", {"kind", "name"}), "finance"};
    ApplyAs("parties", {Record("party", "P1", {{"kind", "organization"}, {"name", "华腾"}})}, "p1");
  }

  static sdk::Record Invoice(const std::string& id, const std::string& residual) {
    return Record("invoice", id,
                  {{"invoice_number", id},
                   {"party_source_id", "P1"},
                   {"currency", "CNY"},
                   {"total_amount", "100.00"},
                   {"issued_on", "2026-11-01"},
                   {"amount_residual", residual}});
  }

  static sdk::Record Line(const std::string& invoice, const std::string& no, const std::string& sku) {
    return Record("invoice_line", invoice + "/" + no,
                  {{"invoice_source_id", invoice}, {"line_no", no}, {"sku", sku}, {"quantity", "1"}, {"amount", "50"}});
  }

  sync::SyncCounts SyncAs(const std::string& entity, const std::vector<std::string>& fields,
                          const std::vector<sdk::Record>& records) {
    jobs_[entity] = sync::SinkJob{Mapping(entity, fields), "finance"};
    return ApplyAs(entity, records, entity + std::to_string(++batches_));
  }

  int batches_ = 0;
};

TEST_P(BulkEntityWriterTest, ABatchOfNewRecordsStoresEveryRowLinkAndEvent) {
  std::vector<sdk::Record> invoices;
  for (int i = 1; i <= 300; ++i) invoices.push_back(Invoice("INV" + std::to_string(i), "100.00"));
  invoices.push_back(Invoice("INV7", "40.00"));  // given again: an update of the one just inserted
  sync::SyncCounts counts = SyncAs("invoice", kInvoiceFields, invoices);
  EXPECT_EQ(counts.inserted, 300u);
  EXPECT_EQ(counts.updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM invoices i JOIN source_links l ON l.record_id = i.id AND l.entity = "
                  "'invoice' AND l.source_id = i.invoice_number JOIN parties p ON p.id = i.party_id"),
            300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'invoice.created'"), 300);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'invoice.updated'"), 1);
  EXPECT_EQ(
      QueryRows("SELECT amount_residual FROM invoices WHERE invoice_number = 'INV7'").at(0).at(0).text().substr(0, 5),
      "40.00");
  EXPECT_EQ(SyncAs("invoice", kInvoiceFields, {Invoice("INV1", "100.00")}).unchanged, 1u)
      << "a re-read of a record written in bulk is unchanged";
}

TEST_P(BulkEntityWriterTest, LinesFindTheirInvoiceOfTheSameBatchAndWaitForAMissingOne) {
  ASSERT_EQ(SyncAs("invoice", kInvoiceFields, {Invoice("INV1", "100.00")}).inserted, 1u);
  sync::SyncCounts lines =
      SyncAs("invoice_line", kLineFields,
             {Line("INV1", "1", "SKU-NONE"), Line("INV1", "2", "SKU-NONE"), Line("INV9", "1", "SKU-NONE")});
  EXPECT_EQ(lines.inserted, 2u);
  EXPECT_EQ(lines.quarantined, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending' AND awaits_entity = 'invoice'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM invoice_lines WHERE sku = 'SKU-NONE' AND product_id IS NULL"), 2);
  ASSERT_EQ(SyncAs("invoice", kInvoiceFields, {Invoice("INV9", "10.00")}).released, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM invoice_lines"), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, BulkEntityWriterTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
