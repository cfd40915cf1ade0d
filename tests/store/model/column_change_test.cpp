// employee.status_changed, on both engines: HR moving an employee from active to left (or on leave) writes
// exactly one such event after the employee.updated, with the previous and new status and the status date;
// a new employee, a re-read of the same row and a change of another field write none; a second source
// changing the shared row's status does. The kind is one a subscription may name.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "model/catalog.hpp"
#include "store/model/entity_behaviour.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;
using sync::test::Mapping;
using sync::test::Record;

const std::vector<std::string> kFields = {"employee_number", "name", "title", "status", "status_since"};

class ColumnChangeTest : public sync::test::SinkTest {
 protected:
  sync::SyncCounts SyncHr(const std::string& system, const std::vector<sdk::Record>& records) {
    jobs_[system] = sync::SinkJob{Mapping("employee", kFields), system};
    return ApplyAs(system, records, system + std::to_string(++batches_));
  }

  static sdk::Record Employee(const std::string& status, const std::string& since, const std::string& title = "销售") {
    return Record(
        "employee", "E001",
        {{"employee_number", "E001"}, {"name", "王芳"}, {"title", title}, {"status", status}, {"status_since", since}});
  }

  std::vector<boost::json::value> StatusEvents() {
    std::vector<boost::json::value> payloads;
    for (const odbc::Row& row :
         QueryRows("SELECT payload FROM outbox_events WHERE kind = 'employee.status_changed' ORDER BY id")) {
      payloads.push_back(boost::json::parse(row[0].text()));
    }
    return payloads;
  }

  int batches_ = 0;
};

TEST_P(ColumnChangeTest, LeavingWritesOneStatusChangedEventAndAReReadNone) {
  ASSERT_EQ(SyncHr("hr", {Employee("active", "2019-03-01")}).inserted, 1u);
  EXPECT_TRUE(StatusEvents().empty()) << "a new employee has no previous status";
  ASSERT_EQ(SyncHr("hr", {Employee("active", "2019-03-01", "销售经理")}).updated, 1u);
  EXPECT_TRUE(StatusEvents().empty()) << "a change of another field";

  ASSERT_EQ(SyncHr("hr", {Employee("left", "2026-11-30", "销售经理")}).updated, 1u);
  std::vector<boost::json::value> events = StatusEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("previous_status"), "active");
  EXPECT_EQ(events[0].at("status"), "left");
  EXPECT_EQ(std::string(events[0].at("status_since").as_string()).substr(0, 10), "2026-11-30");
  std::vector<odbc::Row> order = QueryRows(
      "SELECT kind FROM outbox_events WHERE aggregate = 'employee' AND id >= (SELECT MAX(id) - 1 FROM outbox_events) "
      "ORDER BY id");
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0][0].text() + " " + order[1][0].text(), "employee.updated employee.status_changed");

  EXPECT_EQ(SyncHr("hr", {Employee("left", "2026-11-30", "销售经理")}).unchanged, 1u);
  EXPECT_EQ(StatusEvents().size(), 1u) << "a re-read of the same row";
}

TEST_P(ColumnChangeTest, ASecondSourceMovingTheSharedRowsStatusWritesTheEvent) {
  SyncHr("hr", {Employee("active", "2019-03-01")});
  sync::SyncCounts other = SyncHr("hr_odbc", {Employee("on_leave", "2026-12-01")});
  EXPECT_EQ(other.merged, 1u);
  std::vector<boost::json::value> events = StatusEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("previous_status"), "active");
  EXPECT_EQ(events[0].at("status"), "on_leave");
}

TEST(ColumnChangeKinds, EmployeesRecordStatusChangedEventsAndOtherEntitiesDoNot) {
  const std::vector<std::string> employee = EventChangesOf(*model::FindEntity("employee"));
  EXPECT_NE(std::find(employee.begin(), employee.end(), "status_changed"), employee.end());
  const std::vector<std::string> order = EventChangesOf(*model::FindEntity("order"));
  EXPECT_EQ(order, (std::vector<std::string>{"created", "updated", "deleted"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ColumnChangeTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
