// Staff changes on both engines: when HR reports an employee who left, or went on a long leave, their open leads
// are routed again (reason leaver), an opportunity goes with its lead or, like each customer they own, to the top
// performers first; each item gets a handover row and event. When nobody can take them they go to the leaver's
// manager. A short leave, a return, an active employee written again and an employee away already are left alone.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "store/model/employee_handover.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The day `days` after today (UTC), as YYYY-MM-DD.
std::string DaysFromToday(int days) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                                        std::chrono::days(days)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

class LeaverHandoverTest : public sync::test::SinkTest {
 protected:
  // Team EAST: its manager M (who takes no leads: capacity 0), E1 (whose line manager is M), E2, and E3, who signed a
  // lead. E1 holds lead L1, opportunity O2 made from it, opportunity O1 and customers C1 and C2.
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Store("team", "EAST", {{"code", "EAST"}, {"name", "East sales"}});
    Employee("M", {{"name", "赵敏"}, {"team_role", "manager"}, {"capacity", "0"}});
    Employee("E1", {{"name", "王芳"}, {"manager_employee_number", "M"}});
    Employee("E2", {{"name", "李强"}});
    Employee("E3", {{"name", "孙丽"}});
    Store("lead", "S3", {{"company_name", "杭州远景科技"}, {"owner_employee_number", "E3"}, {"stage", "signed"}});
    for (const auto& [id, name] : {std::pair{"C1", "上海华腾贸易有限公司"}, std::pair{"C2", "苏州精工机械有限公司"}}) {
      Store("party", id, {{"kind", "organization"}, {"name", name}, {"owner_employee_number", "E1"}});
    }
    Store("lead", "L1", {{"company_name", "浙江能源集团"}, {"owner_employee_number", "E1"}});
    Store("opportunity", "O1",
          {{"party_source_id", "C1"}, {"name", "ERP 二期"}, {"stage", "proposal"}, {"owner_employee_number", "E1"}});
    Store("opportunity", "O2",
          {{"party_source_id", "C2"},
           {"lead_source_id", "L1"},
           {"name", "MES"},
           {"stage", "proposal"},
           {"owner_employee_number", "E1"}});
  }

  // An HR record of employee `number` in team EAST.
  void Employee(const std::string& number, std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("employee_number", number);
    fields.emplace_back("team_code", "EAST");
    Store("employee", number, fields);
  }

  std::int64_t EmployeeId(const std::string& number) {
    return Count("SELECT id FROM employees WHERE employee_number = '" + number + "'");
  }

  // The employee number of the owner of `table`'s row with source id `id`.
  std::string OwnerOf(const std::string& entity, const std::string& table, const std::string& id) {
    std::vector<odbc::Row> rows = QueryRows("SELECT e.employee_number FROM " + table +
                                                " r JOIN source_links s ON s.entity = ? AND s.record_id = r.id "
                                                "JOIN employees e ON e.id = r.owner_employee_id WHERE s.source_id = ?",
                                            {Value::String(entity), Value::String(id)});
    return rows.size() == 1 ? rows[0][0].text() : "no owner of " + id;
  }

  // "<entity>:<to's employee number>:<rule>:<cause>" of every handover, in order.
  std::vector<std::string> Handovers() {
    std::vector<std::string> handovers;
    for (const odbc::Row& row : QueryRows("SELECT h.entity, e.employee_number, h.rule, h.cause FROM handovers h "
                                          "LEFT JOIN employees e ON e.id = h.to_employee_id ORDER BY h.id")) {
      handovers.push_back(row[0].text() + ":" + (row[1].is_null() ? "-" : row[1].text()) + ":" +
                          (row[2].is_null() ? "-" : row[2].text()) + ":" + row[3].text());
    }
    return handovers;
  }
};

TEST_P(LeaverHandoverTest, ALeaversLeadsOpportunitiesAndCustomersAreHandedOverWithARecordEach) {
  Employee("E1", {{"name", "王芳"}, {"status", "left"}});
  EXPECT_EQ(OwnerOf("lead", "leads", "L1"), "E2");  // routed again: E2 and E3 hold nothing open; the lower id
  EXPECT_EQ(OwnerOf("opportunity", "opportunities", "O2"), "E2") << "with its lead";
  EXPECT_EQ(OwnerOf("opportunity", "opportunities", "O1"), "E3") << "the top performer";
  EXPECT_EQ(OwnerOf("party", "parties", "C1"), "E3");
  EXPECT_EQ(OwnerOf("party", "parties", "C2"), "E3");
  EXPECT_EQ(Handovers(), (std::vector<std::string>{"lead:E2:tie_break:left", "opportunity:E3:top_performers:left",
                                                   "opportunity:E2:lead:left", "party:E3:top_performers:left",
                                                   "party:E3:top_performers:left"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers WHERE from_employee_id = " + std::to_string(EmployeeId("E1"))), 5);

  std::vector<odbc::Row> assigned =
      QueryRows("SELECT payload FROM outbox_events WHERE kind = 'lead.assigned' ORDER BY id");
  ASSERT_EQ(assigned.size(), 1u);
  EXPECT_EQ(boost::json::parse(assigned[0][0].text()).at("reason"), "leaver");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM lead_assignments WHERE reason = 'leaver'"), 1);
  std::vector<odbc::Row> events =
      QueryRows("SELECT aggregate_id, payload FROM outbox_events WHERE kind = 'handover.created' ORDER BY id");
  ASSERT_EQ(events.size(), 5u);
  const boost::json::object first = boost::json::parse(events[0][1].text()).as_object();
  EXPECT_EQ(first.at("entity"), "lead");
  EXPECT_EQ(first.at("from_employee_id"), EmployeeId("E1"));
  EXPECT_EQ(first.at("to_employee_id"), EmployeeId("E2"));
  EXPECT_EQ(first.at("cause"), "left");
  EXPECT_EQ(events[0][0].text(), std::to_string(first.at("handover_id").as_int64()));

  Employee("E1", {{"name", "王芳"}, {"status", "left"}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers"), 5) << "away already: nothing more";
}

TEST_P(LeaverHandoverTest, WhatNobodyCanTakeGoesToTheLeaversManager) {
  Employee("E2", {{"name", "李强"}, {"status", "left"}});
  Employee("E3", {{"name", "孙丽"}, {"status", "on_leave"}});
  ASSERT_EQ(Count("SELECT COUNT(*) FROM handovers"), 0) << "E2 holds nothing; E3's signed lead is no holding";
  Employee("E1", {{"name", "王芳"}, {"status", "left"}});
  for (const auto& [entity, table, id] : {std::tuple{"lead", "leads", "L1"},
                                          {"opportunity", "opportunities", "O1"},
                                          {"opportunity", "opportunities", "O2"},
                                          {"party", "parties", "C1"}}) {
    EXPECT_EQ(OwnerOf(entity, table, id), "M") << id;
  }
  std::vector<odbc::Row> reasons = QueryRows("SELECT rule, reason FROM handovers WHERE entity = 'lead'");
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0][0].text(), "manager");
  EXPECT_NE(reasons[0][1].text().find("nobody else could take it"), std::string::npos) << reasons[0][1].text();
}

TEST_P(LeaverHandoverTest, AShortLeaveAReturnAndAnActiveEmployeeAreLeftAlone) {
  Employee("E1", {{"name", "王芳"}, {"status", "on_leave"}, {"leave_until", DaysFromToday(5)}});
  Employee("E2", {{"name", "李强"}, {"status", "active"}});
  Employee("E1", {{"name", "王芳"}, {"status", "active"}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers"), 0);
  EXPECT_EQ(OwnerOf("lead", "leads", "L1"), "E1");
  EXPECT_EQ(OwnerOf("party", "parties", "C1"), "E1");

  Employee("E1", {{"name", "王芳"}, {"status", "on_leave"}, {"leave_until", DaysFromToday(90)}});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM handovers WHERE cause = 'long_leave'"), 5) << "longer than 30 days";
  EXPECT_EQ(OwnerOf("lead", "leads", "L1"), "E2");
}

TEST(AwayCause, LeftOrALeaveWithoutAnEndOrLongerThanTheLimit) {
  const TimePoint today = std::chrono::sys_days(std::chrono::year(2026) / 12 / 4);
  EXPECT_EQ(AwayCauseOf({"left", ""}, today, 30), AwayCause::kLeft);
  EXPECT_EQ(AwayCauseOf({"on_leave", ""}, today, 30), AwayCause::kLongLeave);
  EXPECT_EQ(AwayCauseOf({"on_leave", "2027-01-03"}, today, 30), std::nullopt) << "30 days: not longer";
  EXPECT_EQ(AwayCauseOf({"on_leave", "2027-01-04"}, today, 30), AwayCause::kLongLeave);
  EXPECT_EQ(AwayCauseOf({"active", ""}, today, 30), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Engines, LeaverHandoverTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
