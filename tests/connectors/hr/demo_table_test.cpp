// The demo employee table config/demo/hr/hr_employees_demo.sql, which scripts/run.sh loads into
// var/hr_demo.db for job hr_table: it loads into both engines and reads whole, with nothing rejected.
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "hr/hr_options.hpp"
#include "hr/hr_table_source.hpp"
#include "hr_test_support.hpp"
#include "support/source_database.hpp"

namespace hub::hr {
namespace {

class HrDemoTable : public hub::test::SourceDatabaseTest {};

TEST_P(HrDemoTable, HoldsTheShenzhenBranchSixEmployeesOneOnLeaveOneLeftUnderTheSalesTeam) {
  db().ExecuteFile(std::filesystem::path(HUB_SOURCE_DIR) / "config/demo/hr/hr_employees_demo.sql");
  sdk::Result<HrOptions> options = ParseHrOptions(sdk::Options({{"connection", db().connection_string()},
                                                                {"table", "hr_employees"},
                                                                {"timestamp_column", "updated_at"},
                                                                {"id_column", "id"}}));
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  HrTableSource source(*options, {}, testing::FixedClock());
  hub::test::RunResult run = hub::test::ReadRun(source, "", 7);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_TRUE(testing::Rejections(run.records).empty());
  std::map<std::string, std::set<std::string>> ids;
  std::map<std::string, int> statuses;
  for (const sdk::Record& record : run.records) {
    ids[record.entity].insert(record.source_id);
    if (record.entity == "employee") ++statuses[testing::Text(record, "状态")];
  }
  EXPECT_EQ(ids["employee"].size(), 6u);
  EXPECT_EQ(ids["team"], (std::set<std::string>{"SM", "SZ"}));
  EXPECT_EQ(ids["territory"], (std::set<std::string>{"华南"}));
  EXPECT_EQ(statuses["产假"], 1);
  EXPECT_EQ(statuses["离职"], 1);
}

INSTANTIATE_TEST_SUITE_P(Drivers, HrDemoTable, hub::test::kBothBackends, hub::test::DriverName);

}  // namespace
}  // namespace hub::hr
