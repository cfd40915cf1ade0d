// The hr connector's ODBC path on real drivers (SQLite, PostgreSQL): the HR system's employee table read
// incrementally — a first load, inserts and updates read once, a row committed late inside the overlap,
// a change to 离职, a bad row rejected while the rest goes on, and a run killed anywhere resumed.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hr/hr_options.hpp"
#include "hr/hr_table_source.hpp"
#include "hr_test_support.hpp"
#include "hub/odbc/transaction.hpp"
#include "support/source_database.hpp"

namespace hub::hr {
namespace {

using hub::test::ReadRun;
using hub::test::RunResult;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// The HR system's table: Chinese and English column names side by side, as such tables have them.
constexpr const char* kCreateTable =
    "CREATE TABLE hr_employees (id INTEGER PRIMARY KEY, \"工号\" VARCHAR(20), \"姓名\" VARCHAR(50), "
    "department VARCHAR(50), \"职务\" VARCHAR(50), \"区域\" VARCHAR(50), \"入职日期\" DATE, \"离职日期\" DATE, "
    "status VARCHAR(20), updated_at TIMESTAMP)";

class HrTable : public hub::test::SourceDatabaseTest {
 protected:
  void SetUp() override {
    SourceDatabaseTest::SetUp();
    if (HasFatalFailure()) return;
    db().Execute(kCreateTable);
    Insert(1, "'E1001'", "张伟", "销售一部", "华东", "2023-03-15", "在职", "2026-11-02 09:00:00");
    Insert(2, "'E1002'", "李娜", "销售一部", "华东、华南", "2023-04-01", "在职", "2026-11-02 09:05:00");
    Insert(3, "'E1003'", "王芳", "客服部", "华北", "2024-01-08", "休假", "2026-11-02 09:07:00");
  }

  void Insert(int id, const std::string& number, const std::string& name, const std::string& department,
              const std::string& region, const std::string& hired_on, const std::string& status,
              const std::string& updated_at) {
    db().Execute(
        "INSERT INTO hr_employees (id, \"工号\", \"姓名\", department, \"职务\", \"区域\", \"入职日期\", status, "
        "updated_at) VALUES (" +
        std::to_string(id) + ", " + number + ", '" + name + "', '" + department + "', '销售代表', '" + region + "', '" +
        hired_on + "', '" + status + "', '" + updated_at + "')");
  }

  HrOptions Options(std::map<std::string, std::string, std::less<>> overrides = {}) {
    overrides.emplace("connection", db().connection_string());
    overrides.emplace("table", "hr_employees");
    overrides.emplace("timestamp_column", "updated_at");
    overrides.emplace("id_column", "id");
    sdk::Result<HrOptions> parsed = ParseHrOptions(sdk::Options(std::move(overrides)));
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return parsed.ok() ? *parsed : HrOptions{};
  }

  // A first run, a run while a row stamped before the watermark is not committed yet, and one after.
  void ReadLateRow(std::size_t batch);

  static std::vector<std::string> Employees(const RunResult& run) {
    std::vector<std::string> keys;
    for (const std::string& key : testing::Keys(run.records)) {
      if (key.starts_with("employee:")) keys.push_back(key);
    }
    return keys;
  }
};

HrTableSource Source(const HrOptions& options) { return HrTableSource(options, {}, testing::FixedClock()); }

TEST_P(HrTable, AFirstLoadGivesEachRowsTeamsAndTerritoriesBeforeItsEmployeeUnderTheExportsColumnNames) {
  HrTableSource source = Source(Options());
  RunResult run = ReadRun(source, "", 100);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(testing::Keys(run.records),
              ElementsAre("team:销售一部", "territory:华东", "employee:E1001", "territory:华南", "employee:E1002",
                          "team:客服部", "territory:华北", "employee:E1003"));
  const sdk::Record& li = run.records[4];
  EXPECT_EQ(testing::Text(li, "姓名"), "李娜");
  EXPECT_EQ(testing::Text(li, "部门"), "销售一部");  // the column `department`, under its canonical name
  EXPECT_EQ(testing::Text(li, "状态"), "在职");      // `status`
  EXPECT_EQ(li.Find("入职日期")->type(), sdk::ValueType::kDate);
  EXPECT_EQ(testing::Text(li, "入职日期"), "2023-04-01");
  EXPECT_EQ(testing::Text(li, "territory_codes"), "华东,华南");
  EXPECT_EQ(li.position, "hr_employees id=2");
  EXPECT_TRUE(testing::Rejections(run.records).empty());
}

TEST_P(HrTable, ASecondRunReadsAnInsertAndAnUpdateOnceAndNothingOlderThanTheWatermark) {
  HrTableSource source = Source(Options({{"overlap", "0s"}}));
  RunResult first = ReadRun(source, "", 2);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  Insert(4, "'E1004'", "赵磊", "客服部", "华北", "2025-06-01", "在职", "2026-12-01 08:00:00");
  db().Execute("UPDATE hr_employees SET \"职务\" = '销售经理', updated_at = '2026-12-01 08:01:00' WHERE id = 1");
  RunResult second = ReadRun(source, first.final_cursor, 2);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  // Without overlap a run starts at the watermark itself: its row (E1003) is read again.
  EXPECT_THAT(Employees(second), ElementsAre("employee:E1003", "employee:E1004", "employee:E1001"));
  EXPECT_EQ(testing::Text(second.records.back(), "职务"), "销售经理");
  RunResult third = ReadRun(source, second.final_cursor, 2);
  ASSERT_TRUE(third.ok) << third.status.ToString();
  EXPECT_THAT(Employees(third), ElementsAre("employee:E1001"));
}

// Batches of 2 records cut rows; batches of 100 take each run whole, so that a run finding nothing newer
// than its watermark must hand that watermark back (a bug once gave the position after its last row, and
// the next run started there without the overlap).
TEST_P(HrTable, ARowCommittedLateWithATimestampOlderThanTheWatermarkButInsideTheOverlapIsReadOnce) {
  for (std::size_t batch : {2, 100}) {
    SCOPED_TRACE("batches of " + std::to_string(batch));
    db().Execute("DELETE FROM hr_employees WHERE id = 9");
    ReadLateRow(batch);
  }
}

void HrTable::ReadLateRow(std::size_t batch) {
  HrTableSource source = Source(Options({{"overlap", "5m"}}));
  RunResult first = ReadRun(source, "", batch);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  // The HR system stamps the row when its transaction starts and commits it after E1003 (09:07) was read.
  std::unique_ptr<odbc::Connection> late = db().Connect();
  ASSERT_NE(late, nullptr);
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(*late);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  ASSERT_TRUE(late->ExecuteDirect("INSERT INTO hr_employees (id, \"工号\", \"姓名\", department, updated_at) VALUES "
                                  "(9, 'E1009', '孙丽', '客服部', '2026-11-02 09:04:30')")
                  .ok());
  RunResult during = ReadRun(source, first.final_cursor, batch);
  ASSERT_TRUE(during.ok) << during.status.ToString();
  EXPECT_THAT(Employees(during), Not(Contains("employee:E1009")));
  EXPECT_EQ(during.final_cursor, first.final_cursor);  // nothing newer: the same watermark
  ASSERT_TRUE(transaction->Commit().ok());
  RunResult after = ReadRun(source, during.final_cursor, batch);
  ASSERT_TRUE(after.ok) << after.status.ToString();
  const std::vector<std::string> employees = Employees(after);
  EXPECT_EQ(std::count(employees.begin(), employees.end(), "employee:E1009"), 1) << ::testing::PrintToString(employees);
}

TEST_P(HrTable, AnEmployeeWhoLeavesIsReadAgainWithTheStatusTheMappingMakesLeft) {
  HrTableSource source = Source(Options({{"overlap", "0s"}}));
  RunResult first = ReadRun(source, "", 100);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  db().Execute(
      "UPDATE hr_employees SET status = '离职', \"离职日期\" = '2026-11-30', updated_at = '2026-12-01 09:00:00' "
      "WHERE id = 2");
  RunResult second = ReadRun(source, first.final_cursor, 100);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(Employees(second), ElementsAre("employee:E1003", "employee:E1002"));
  EXPECT_EQ(testing::Text(second.records.back(), "状态"), "离职");
  EXPECT_EQ(testing::Text(second.records.back(), "离职日期"), "2026-11-30");
}

TEST_P(HrTable, ABadRowIsOneRejectedRecordWithItsPositionAndReasonAndTheRestGoesOn) {
  Insert(5, "NULL", "无工号", "客服部", "华北", "2025-01-01", "在职", "2026-11-02 09:06:00");
  HrTableSource source = Source(Options());
  RunResult run = ReadRun(source, "", 100);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(testing::Rejections(run.records), ElementsAre("hr_employees id=5: 工号 is empty"));
  EXPECT_THAT(Employees(run), UnorderedElementsAre("employee:E1001", "employee:E1002", "employee:", "employee:E1003"));
}

TEST_P(HrTable, ARunKilledAfterAnyRecordResumesFromItsCursorWithoutLosingOrRepeating) {
  for (int id = 10; id < 30; ++id) {
    Insert(id, "'E2" + std::to_string(id) + "'", "员工" + std::to_string(id), id % 2 == 0 ? "销售二部" : "客服部",
           id % 3 == 0 ? "华南" : "华东", "2024-05-01", "在职", "2026-11-03 10:" + std::to_string(id) + ":00");
  }
  const HrOptions options = Options();
  HrTableSource whole = Source(options);
  RunResult reference = ReadRun(whole, "", 3);
  ASSERT_TRUE(reference.ok) << reference.status.ToString();
  const std::vector<std::string> expected = testing::Keys(reference.records);
  for (std::size_t kill = 0; kill < reference.records.size(); ++kill) {
    HrTableSource resumed = Source(options);  // a new process: nothing kept but the committed cursor
    RunResult rest = ReadRun(resumed, reference.records[kill].cursor, 3);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    std::vector<std::string> keys(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(kill) + 1);
    for (const std::string& key : testing::Keys(rest.records)) keys.push_back(key);
    // A batch after the kill may give again a team or territory the batch before gave: only employees count.
    std::vector<std::string> employees;
    std::copy_if(keys.begin(), keys.end(), std::back_inserter(employees),
                 [](const std::string& key) { return key.starts_with("employee:"); });
    EXPECT_EQ(employees, Employees(reference)) << "killed after record " << kill;
    EXPECT_EQ(rest.final_cursor, reference.final_cursor);
  }
}

TEST_P(HrTable, AQueryLackingTheCursorColumnsIsRefusedNamingTheOptions) {
  HrTableSource source = Source(Options({{"table", ""}, {"query", "SELECT \"工号\", \"姓名\" FROM hr_employees"}}));
  RunResult run = ReadRun(source, "", 10);
  ASSERT_FALSE(run.ok);
  EXPECT_EQ(run.status.code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(run.status.message(), ::testing::HasSubstr("timestamp_column"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, HrTable, hub::test::kBothBackends, hub::test::DriverName);

}  // namespace
}  // namespace hub::hr
