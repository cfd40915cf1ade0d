// The key-set sweep: after sweep_every, a run goes on listing every stream's ids (PRESENT) and closing each
// stream (SWEEP_END), so that the hub sees rows that are gone; a sweep killed midway resumes.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "finance_database.hpp"

namespace hub::finance::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;

constexpr std::int64_t kStart = 1'796'000'000'000;  // 2026-11-29
constexpr std::int64_t kMinute = 60'000;

class KeySetSweep : public FinanceDriverTest {
 protected:
  FinanceSource Source(std::map<std::string, std::string> overrides = {}) {
    return FinanceSource(MakeOptions(db(), std::move(overrides)), {}, {}, [this] { return now_; });
  }
  std::int64_t now_ = kStart;
};

std::vector<const sdk::Record*> WithOperation(const std::vector<sdk::Record>& records, sdk::Operation operation) {
  std::vector<const sdk::Record*> found;
  for (const sdk::Record& record : records) {
    if (record.operation == operation) found.push_back(&record);
  }
  return found;
}

std::set<std::string> PresentKeys(const std::vector<sdk::Record>& records) {
  std::set<std::string> keys;
  for (const sdk::Record* record : WithOperation(records, sdk::Operation::kPresent)) {
    keys.insert(record->entity + ":" + record->source_id);
  }
  return keys;
}

TEST_P(KeySetSweep, AfterSweepEveryARunListsEveryStreamsIdsAndClosesEachStream) {
  FinanceSource source = Source();
  RunResult first = ReadRun(source, "", 10);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  EXPECT_TRUE(WithOperation(first.records, sdk::Operation::kPresent).empty()) << "the first run only starts the clock";
  now_ += 30 * kMinute;
  RunResult early = ReadRun(source, first.final_cursor, 10);
  ASSERT_TRUE(early.ok) << early.status.ToString();
  EXPECT_TRUE(WithOperation(early.records, sdk::Operation::kPresent).empty());

  now_ += 31 * kMinute;
  RunResult swept = ReadRun(source, early.final_cursor, 10);
  ASSERT_TRUE(swept.ok) << swept.status.ToString();
  std::map<std::string, std::size_t> present;
  for (const sdk::Record* record : WithOperation(swept.records, sdk::Operation::kPresent)) {
    ++present[record->entity];
    EXPECT_EQ(*record->Find("sweep_id"), sdk::Value::String(std::to_string(now_)));
  }
  EXPECT_THAT(present, ElementsAre(Pair("credit_limit", 4u), Pair("invoice", 12u), Pair("invoice_line", 14u),
                                   Pair("party", 8u), Pair("payment", 6u), Pair("receivable", 12u)));
  std::vector<std::string> ends;
  for (const sdk::Record* record : WithOperation(swept.records, sdk::Operation::kSweepEnd)) {
    ends.push_back(record->entity);
    EXPECT_EQ(*record->Find("sweep_id"), sdk::Value::String(std::to_string(now_)));
    EXPECT_EQ(*record->Find("max_delete_fraction"), sdk::Value::Double(0.2));
  }
  EXPECT_THAT(ends, ElementsAre("party", "invoice", "invoice_line", "receivable", "payment", "credit_limit"));
  EXPECT_EQ(swept.records.back().operation, sdk::Operation::kSweepEnd);

  now_ += kMinute;
  RunResult after = ReadRun(source, swept.final_cursor, 10);
  ASSERT_TRUE(after.ok) << after.status.ToString();
  EXPECT_TRUE(WithOperation(after.records, sdk::Operation::kPresent).empty()) << "the clock starts again";
}

TEST_P(KeySetSweep, ARowDeletedFromTheSourceIsMissingFromTheNextSweep) {
  FinanceSource source = Source({{"sweep_every", "10m"}, {"max_sweep_delete_fraction", "0.5"}});
  RunResult first = ReadRun(source, "", 50);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  db().Execute("DELETE FROM account_move_line WHERE move_id = 109");
  db().Execute("DELETE FROM account_move WHERE id = 109");
  now_ += 10 * kMinute;
  RunResult swept = ReadRun(source, first.final_cursor, 50);
  ASSERT_TRUE(swept.ok) << swept.status.ToString();
  const std::set<std::string> keys = PresentKeys(swept.records);
  EXPECT_THAT(keys, Contains("invoice:108"));
  EXPECT_THAT(keys, Not(Contains("invoice:109")));
  EXPECT_EQ(keys.size(), 54u);  // the draft and its one product line are gone
  EXPECT_EQ(*WithOperation(swept.records, sdk::Operation::kSweepEnd)[0]->Find("max_delete_fraction"),
            sdk::Value::Double(0.5));
}

TEST_P(KeySetSweep, ASweepKilledMidwayResumesFromTheLastCommittedRecord) {
  FinanceSource source = Source();
  RunResult first = ReadRun(source, "", 10);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  now_ += 61 * kMinute;
  RunResult swept = ReadRun(source, first.final_cursor, 3);
  ASSERT_TRUE(swept.ok) << swept.status.ToString();
  const std::vector<std::string> expected = Keys(swept.records);
  for (std::size_t kill = 0; kill < swept.records.size(); kill += 9) {
    FinanceSource resumed = Source();
    RunResult rest = ReadRun(resumed, swept.records[kill].cursor, 3);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    std::vector<std::string> keys(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(kill) + 1);
    for (const std::string& key : Keys(rest.records)) keys.push_back(key);
    EXPECT_EQ(keys, expected) << "killed after record " << kill;
  }
}

TEST_P(KeySetSweep, SweepEveryZeroNeverSweeps) {
  FinanceSource source = Source({{"sweep_every", "0s"}});
  RunResult first = ReadRun(source, "", 50);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  now_ += 1000 * kMinute;
  RunResult second = ReadRun(source, first.final_cursor, 50);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_TRUE(WithOperation(second.records, sdk::Operation::kPresent).empty());
  EXPECT_TRUE(WithOperation(second.records, sdk::Operation::kSweepEnd).empty());
}

INSTANTIATE_TEST_SUITE_P(Drivers, KeySetSweep, ::testing::Values(Backend::kSqlite, Backend::kPostgres), DriverName);

}  // namespace
}  // namespace hub::finance::test
