// The tasks API over the real server, on both engines: a missed call's callback is listed for its owner,
// settled once by the person who did it (a second settlement tells nothing new), or by itself when a later
// call reaches the customer; filters are checked; settling needs the operate role.
#include "service/task_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <memory>
#include <string>

#include "service/call_routes.hpp"
#include "service/routes_sink_fixture.hpp"

namespace hub::service {
namespace {

class TaskRoutesTest : public test::RoutesSinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = sync::test::Mapping("employee", {"employee_number", "name"});
    Apply({sync::test::Record("employee", "E001", {{"employee_number", "E001"}, {"name", "王芳"}})}, "1");
    mapping_ = sync::test::Mapping("party", {"kind", "name", "phone", "owner_employee_number"});
    Apply(
        {sync::test::Record("party", "C1",
                            {{"kind", "organization"},
                             {"name", "上海华腾贸易有限公司"},
                             {"phone", "021 5080 1234"},
                             {"owner_employee_number", "E001"}}),
         sync::test::Record("party", "C2",
                            {{"kind", "organization"}, {"name", "苏州精工机械有限公司"}, {"phone", "0512 6888 1234"}})},
        "2");
    api::Router router;
    ASSERT_TRUE(AddCallRoutes(router, *database_, config::ApiConfig{}.calls_source_system, {}).ok());
    ASSERT_TRUE(AddTaskRoutes(router, *database_).ok());
    Serve(std::move(router));
  }

  // Posts call `id` from or to `number` at `at` with `outcome`; answers the task id the call made, or 0.
  std::int64_t PostCall(const std::string& id, const std::string& direction, const std::string& number,
                        const std::string& at, const std::string& outcome) {
    boost::json::object call{{"call_id", id}, {"direction", direction}, {"started_at", at}, {"outcome", outcome}};
    call[direction == "inbound" ? "caller" : "callee"] = number;
    hub::test::HttpResult posted = Send("POST", "/api/v1/calls", boost::json::serialize(call));
    EXPECT_EQ(posted.status, 201u) << posted.body;
    const boost::json::value answer = boost::json::parse(posted.body);
    const boost::json::value& task = answer.at("task_id");
    return task.is_int64() ? task.as_int64() : 0;
  }

  boost::json::array Tasks(const std::string& query) {
    hub::test::HttpResult listed = Send("GET", "/api/v1/tasks" + query, "", api::test::kReadToken);
    EXPECT_EQ(listed.status, 200u) << listed.body;
    return boost::json::parse(listed.body).at("tasks").as_array();
  }
};

TEST_P(TaskRoutesTest, ACallbackIsListedForItsOwnerAndSettledOnceByThePersonWhoDidIt) {
  const std::int64_t task = PostCall("c1", "inbound", "02150801234", "2026-11-02T09:07:00+08:00", "no_answer");
  ASSERT_GT(task, 0);
  boost::json::array open = Tasks("?assignee=E001");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].at("id"), task);
  EXPECT_EQ(open[0].at("kind"), "callback");
  EXPECT_EQ(open[0].at("status"), "open");
  EXPECT_EQ(open[0].at("party").at("name"), "上海华腾贸易有限公司");
  EXPECT_EQ(open[0].at("assignee").at("employee_number"), "E001");
  EXPECT_TRUE(Tasks("?assignee=E999").empty());
  EXPECT_TRUE(Tasks("?status=done").empty());

  EXPECT_EQ(Send("POST", "/api/v1/tasks/" + std::to_string(task) + "/done", "", api::test::kReadToken).status, 403u);
  hub::test::HttpResult done = Send("POST", "/api/v1/tasks/" + std::to_string(task) + "/done");
  ASSERT_EQ(done.status, 200u) << done.body;
  const boost::json::value settled = boost::json::parse(done.body).at("task");
  EXPECT_EQ(settled.at("status"), "done");
  EXPECT_FALSE(settled.at("done_at").is_null());
  std::vector<odbc::Row> events = QueryRows("SELECT payload FROM outbox_events WHERE kind = 'task.done'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(boost::json::parse(events[0][0].text()).at("done_by"), "operator");

  // Settled before: answered as it is, nothing appended, whether done again or cancelled.
  EXPECT_EQ(Send("POST", "/api/v1/tasks/" + std::to_string(task) + "/done").status, 200u);
  hub::test::HttpResult cancelled = Send("POST", "/api/v1/tasks/" + std::to_string(task) + "/cancel");
  EXPECT_EQ(boost::json::parse(cancelled.body).at("task").at("status"), "done");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind IN ('task.done', 'task.cancelled')"), 1);
  EXPECT_TRUE(Tasks("").empty());
  EXPECT_EQ(Tasks("?status=all").size(), 1u);
  EXPECT_EQ(Send("POST", "/api/v1/tasks/99999/done").status, 404u);
}

TEST_P(TaskRoutesTest, ACallThatReachesTheCustomerSettlesItsCallbacks) {
  const std::int64_t owed = PostCall("c1", "inbound", "02150801234", "2026-11-02T09:07:00+08:00", "busy");
  const std::int64_t other = PostCall("c2", "inbound", "051268881234", "2026-11-02T09:08:00+08:00", "missed");
  ASSERT_GT(owed, 0);
  ASSERT_GT(other, 0);
  PostCall("c3", "outbound", "+86 21 5080 1234", "2026-11-02T10:15:00+08:00", "answered");
  boost::json::array open = Tasks("");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].at("id"), other);
  boost::json::array done = Tasks("?status=done&kind=callback");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].at("id"), owed);
  std::vector<odbc::Row> events = QueryRows("SELECT payload FROM outbox_events WHERE kind = 'task.done'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(boost::json::parse(events[0][0].text()).at("done_by_activity_id").is_int64());
}

TEST_P(TaskRoutesTest, AFilterOutsideItsValuesIsRefused) {
  for (const char* query : {"?status=closed", "?kind=visit", "?limit=0", "?limit=1001", "?party_id=x", "?after=-1"}) {
    hub::test::HttpResult refused = Send("GET", std::string("/api/v1/tasks") + query, "", api::test::kReadToken);
    EXPECT_EQ(refused.status, 400u) << query << ": " << refused.body;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, TaskRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
