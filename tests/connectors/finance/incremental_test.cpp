// Incremental runs over the demo database: changes read once, rows committed late, cancellations, and a run
// killed anywhere resumed without losing or repeating a record.
#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "finance_database.hpp"
#include "hub/odbc/transaction.hpp"

namespace hub::finance::test {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

class IncrementalRuns : public FinanceDriverTest {};

// The newest row of each stream in the demo: a run starting at the watermark itself (no overlap) reads it
// again, as its timestamp is not after the watermark.
const std::vector<std::string> kNewestRows = {"party:18",        "invoice:112", "invoice_line:1037",
                                              "receivable:1039", "payment:206", "credit_limit:404"};

TEST_P(IncrementalRuns, ASecondRunReadsTheInsertsAndUpdatesOnceAndNothingOlderThanTheWatermark) {
  FinanceSource source(MakeOptions(db(), {{"overlap", "0s"}}));
  RunResult first = ReadRun(source, "", 7);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  RunResult idle = ReadRun(source, first.final_cursor, 7);
  ASSERT_TRUE(idle.ok) << idle.status.ToString();
  EXPECT_THAT(Keys(idle.records), UnorderedElementsAreArray(kNewestRows));

  db().Execute(
      "INSERT INTO res_partner (id, name, is_company, active, customer_rank, create_date, write_date) VALUES "
      "(19, 'Nanjing New Partner Co.', TRUE, TRUE, 1, '2026-12-01 08:00:00', '2026-12-01 08:00:00')");
  db().Execute("UPDATE res_partner SET phone = '+86 10 0000 0000', write_date = '2026-12-01 08:01:00' WHERE id = 14");
  db().Execute("UPDATE ir_property SET value_float = 9000, write_date = '2026-12-01 08:02:00' WHERE id = 404");
  RunResult second = ReadRun(source, idle.final_cursor, 7);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(Keys(second.records),
              UnorderedElementsAre("party:18", "party:19", "party:14", "invoice:112", "invoice_line:1037",
                                   "receivable:1039", "payment:206", "credit_limit:404"));
  EXPECT_EQ(FindRecord(second.records, "party:14")->Find("phone")->text(), "+86 10 0000 0000");

  RunResult third = ReadRun(source, second.final_cursor, 7);
  ASSERT_TRUE(third.ok) << third.status.ToString();
  EXPECT_THAT(Keys(third.records), UnorderedElementsAre("party:14", "invoice:112", "invoice_line:1037",
                                                        "receivable:1039", "payment:206", "credit_limit:404"));
}

TEST_P(IncrementalRuns, ARowCommittedLateWithAWriteDateOlderThanTheWatermarkIsReadByTheNextRun) {
  FinanceSource source(MakeOptions(db(), {{"streams", "partners"}}));
  RunResult first = ReadRun(source, "", 5);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  // Odoo stamps write_date when its transaction starts: a long one commits a row older than rows already read.
  std::unique_ptr<odbc::Connection> late = db().Connect();
  ASSERT_NE(late, nullptr);
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(*late);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  ASSERT_TRUE(late->ExecuteDirect("INSERT INTO res_partner (id, name, is_company, active, customer_rank, "
                                  "create_date, write_date) VALUES (20, 'Late Commit Ltd.', TRUE, TRUE, 1, "
                                  "'2026-11-02 09:05:30', '2026-11-02 09:05:30')")
                  .ok());
  // Its write_date is before the watermark, the newest partner read (party 18, 09:07).
  RunResult during = ReadRun(source, first.final_cursor, 5);
  ASSERT_TRUE(during.ok) << during.status.ToString();
  EXPECT_THAT(Keys(during.records), Contains("party:18"));
  EXPECT_THAT(Keys(during.records), ::testing::Not(Contains("party:20")));

  ASSERT_TRUE(transaction->Commit().ok());
  RunResult after = ReadRun(source, during.final_cursor, 5);
  ASSERT_TRUE(after.ok) << after.status.ToString();
  EXPECT_THAT(Keys(after.records), Contains("party:20"));
}

TEST_P(IncrementalRuns, ACancelledInvoiceIsReadAgainWithItsReceivablesCancelled) {
  FinanceSource source(MakeOptions(db(), {{"overlap", "0s"}}));
  RunResult first = ReadRun(source, "", 50);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  // Odoo's button_cancel writes the move only; its lines keep their write_date.
  db().Execute("UPDATE account_move SET state = 'cancel', write_date = '2026-12-01 09:00:00' WHERE id = 106");
  RunResult second = ReadRun(source, first.final_cursor, 50);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_EQ(FindRecord(second.records, "invoice:106")->Find("state")->text(), "cancel");
  std::vector<std::string> receivables;
  for (const sdk::Record& record : second.records) {
    if (record.entity == "receivable" && *record.Find("move_id") == sdk::Value::Int64(106)) {
      receivables.push_back(record.Find("status")->text());
    }
  }
  EXPECT_THAT(receivables, UnorderedElementsAre("cancelled", "cancelled"));
}

TEST_P(IncrementalRuns, ARunKilledAfterAnyRecordResumesFromItsCursorWithoutLosingOrRepeating) {
  const FinanceOptions options = MakeOptions(db());
  const Clock clock = [] { return std::int64_t{1'796'000'000'000}; };  // the sweep clock in the cursor
  FinanceSource whole(options, {}, {}, clock);
  RunResult reference = ReadRun(whole, "", 4);
  ASSERT_TRUE(reference.ok) << reference.status.ToString();
  const std::vector<std::string> expected = Keys(reference.records);
  ASSERT_EQ(expected.size(), 56u);
  for (std::size_t kill = 0; kill < reference.records.size(); kill += 5) {
    FinanceSource resumed(options, {}, {}, clock);  // a new process: nothing kept but the committed cursor
    RunResult rest = ReadRun(resumed, reference.records[kill].cursor, 4);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    std::vector<std::string> keys(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(kill) + 1);
    for (const std::string& key : Keys(rest.records)) keys.push_back(key);
    EXPECT_EQ(keys, expected) << "killed after record " << kill;
    EXPECT_EQ(rest.final_cursor, reference.final_cursor);
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, IncrementalRuns, ::testing::Values(Backend::kSqlite, Backend::kPostgres), DriverName);

}  // namespace
}  // namespace hub::finance::test
