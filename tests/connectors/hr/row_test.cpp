// One roster row made into the employee record and the team, territory and speciality records it names.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "hr/hr_row.hpp"
#include "hr_test_support.hpp"

namespace hub::hr {
namespace {

using testing::Keys;
using testing::Text;

sdk::Record Row(std::vector<std::pair<std::string, std::string>> cells) {
  sdk::Record row;
  for (auto& [name, value] : cells) row.Set(name, sdk::Value::String(value));
  return row;
}

TEST(HrRow, KnownColumnsAreRenamedDatesBecomeDatesAndTheCodesAreDerived) {
  sdk::Record row = Row({{"员工编号", " E7 "},
                         {"姓名", "王芳"},
                         {"所属部门", "销售一部"},
                         {"职位", "客户经理"},
                         {"区域", "华东、华南"},
                         {"入职时间", "2023年3月15日"},
                         {"行业专长", "制造业，零售业"},
                         {"职能专长", "渠道销售"},
                         {"工作地点", "上海"}});
  ASSERT_EQ(MakeEmployee(row, "2026-12-01"), "");
  EXPECT_EQ(row.entity, "employee");
  EXPECT_EQ(row.source_id, "E7");
  EXPECT_EQ(Text(row, "工号"), "E7");
  EXPECT_EQ(Text(row, "部门"), "销售一部");
  EXPECT_EQ(Text(row, "职务"), "客户经理");
  EXPECT_EQ(Text(row, "工作地点"), "上海");  // unknown columns stay as they are
  ASSERT_NE(row.Find("入职日期"), nullptr);
  EXPECT_EQ(row.Find("入职日期")->type(), sdk::ValueType::kDate);
  EXPECT_EQ(Text(row, "入职日期"), "2023-03-15");
  EXPECT_EQ(Text(row, "状态"), "在职");
  EXPECT_EQ(Text(row, "team_code"), "销售一部");
  EXPECT_EQ(Text(row, "territory_codes"), "华东,华南");
  EXPECT_EQ(Text(row, "speciality_codes"), "制造业,零售业,渠道销售");
}

TEST(HrRow, StatusIsDerivedFromTheLeavingDateWhenTheExportHasNone) {
  sdk::Record left = Row({{"工号", "E1"}, {"离职日期", "2026/11/30"}});
  ASSERT_EQ(MakeEmployee(left, "2026-12-01"), "");
  EXPECT_EQ(Text(left, "状态"), "离职");
  EXPECT_EQ(Text(left, "状态变更日期"), "2026-11-30");
  sdk::Record leaving_today = Row({{"工号", "E2"}, {"离职日期", "2026-12-01"}, {"状态", ""}});
  ASSERT_EQ(MakeEmployee(leaving_today, "2026-12-01"), "");
  EXPECT_EQ(Text(leaving_today, "状态"), "离职");
  sdk::Record leaving_later = Row({{"工号", "E3"}, {"离职日期", "2026年12月31日"}});
  ASSERT_EQ(MakeEmployee(leaving_later, "2026-12-01"), "");
  EXPECT_EQ(Text(leaving_later, "状态"), "在职");
  EXPECT_EQ(Text(leaving_later, "状态变更日期"), "<missing>");
  sdk::Record given = Row({{"工号", "E4"}, {"状态", "产假"}, {"离职日期", ""}});
  ASSERT_EQ(MakeEmployee(given, "2026-12-01"), "");
  EXPECT_EQ(Text(given, "状态"), "产假");
  EXPECT_EQ(Text(given, "离职日期"), "<null>");
}

TEST(HrRow, AMissingEmployeeNumberOrADateThatIsNoneIsTheReason) {
  sdk::Record no_number = Row({{"工号", "  "}, {"姓名", "李娜"}});
  EXPECT_EQ(MakeEmployee(no_number, "2026-12-01"), "工号 is empty");
  sdk::Record bad_date = Row({{"工号", "E1"}, {"入职日期", "2023年13月1日"}});
  EXPECT_EQ(MakeEmployee(bad_date, "2026-12-01"),
            "入职日期 '2023年13月1日' is not a date (2023年3月15日, 2023/3/15, 2023-03-15 or 2023.3.15)");
}

TEST(HrRow, ASpecialityInBothListsIsOneCode) {
  sdk::Record row = Row({{"工号", "E1"}, {"行业专长", "金融业、数据分析"}, {"职能专长", "数据分析，ＥＲＰ"}});
  ASSERT_EQ(MakeEmployee(row, "2026-12-01"), "");
  EXPECT_EQ(Text(row, "speciality_codes"), "金融业,数据分析,ERP");
}

TEST(HrRow, CodesAreNfkcNormalisedAndGivenCodesWin) {
  EXPECT_EQ(CodeOf("　ＥＲＰ实施 "), "ERP实施");
  EXPECT_EQ(SplitList("华东、 华南;；,华北"), (std::vector<std::string>{"华东", "华南", "华北"}));
  sdk::Record row =
      Row({{"工号", "E1"}, {"部门", "销售一部"}, {"部门编码", "S01"}, {"区域", "华东"}, {"区域编码", "EC"}});
  ASSERT_EQ(MakeEmployee(row, "2026-12-01"), "");
  EXPECT_EQ(Text(row, "team_code"), "S01");
  EXPECT_EQ(Text(row, "territory_codes"), "EC");
}

TEST(HrRow, ReferencedRecordsComeParentTeamFirstWithCodesAndNames) {
  sdk::Record row = Row({{"工号", "E1"},
                         {"部门", "销售一部"},
                         {"部门编码", "S01"},
                         {"上级部门", "销售管理部"},
                         {"区域", "华东、华南"},
                         {"行业专长", "制造业"},
                         {"职能专长", "ＥＲＰ 实施"}});
  ASSERT_EQ(MakeEmployee(row, "2026-12-01"), "");
  const std::vector<sdk::Record> referenced = ReferencedRecords(row);
  EXPECT_EQ(Keys(referenced), (std::vector<std::string>{"team:销售管理部", "team:S01", "territory:华东",
                                                        "territory:华南", "speciality:制造业", "speciality:ERP 实施"}));
  EXPECT_EQ(Text(referenced[1], "name"), "销售一部");
  EXPECT_EQ(Text(referenced[1], "parent_team_code"), "销售管理部");
  EXPECT_EQ(Text(referenced[5], "name"), "ＥＲＰ 实施");
  EXPECT_EQ(Text(referenced[5], "description"), "职能专长");
}

}  // namespace
}  // namespace hub::hr
