// The demo roster config/demo/hr/花名册_gb18030.csv, which scripts/run.sh syncs: what it holds.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "hr_test_support.hpp"

namespace hub::hr {
namespace {

using testing::Text;

TEST(HrDemoRoster, HoldsThirtyEmployeesInFiveTeamsAndThreeRegionsTwoOnLeaveOneLeft) {
  const std::filesystem::path roster = std::filesystem::path(HUB_SOURCE_DIR) / "config/demo/hr/花名册_gb18030.csv";
  auto records = testing::ReadAll(testing::OptionsFor(roster));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Rejections(*records), std::vector<std::string>{});
  std::map<std::string, std::set<std::string>> ids;
  std::map<std::string, int> statuses;
  for (const sdk::Record& record : *records) {
    ids[record.entity].insert(record.source_id);
    if (record.entity == "employee") ++statuses[Text(record, "状态")];
  }
  EXPECT_EQ(ids["employee"].size(), 30u);
  EXPECT_EQ(ids["team"], (std::set<std::string>{"SM", "S01", "S02", "PS", "CS"}));
  EXPECT_EQ(ids["territory"], (std::set<std::string>{"华东", "华南", "华北"}));
  EXPECT_EQ(statuses["产假"] + statuses["休假"], 2);
  EXPECT_EQ(statuses["离职"], 1);  // derived from 离职日期 2026/10/31: the export has no 状态 for him
}

}  // namespace
}  // namespace hub::hr
