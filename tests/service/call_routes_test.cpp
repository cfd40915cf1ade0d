// POST /api/v1/calls over the real server, on both engines: a missed call from a known customer's number
// posted twice is one activity on that customer and one callback task for its owner; later posts of the same
// call update its activity; an unknown caller with a need becomes a lead candidate; a bad event is refused
// naming every field at fault; posting needs the operate role.
#include "service/call_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "service/routes_sink_fixture.hpp"

namespace hub::service {
namespace {

using sdk::Value;
using ::testing::HasSubstr;

class CallRoutesTest : public test::RoutesSinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = sync::test::Mapping("employee", {"employee_number", "name"});
    Apply({sync::test::Record("employee", "E001", {{"employee_number", "E001"}, {"name", "王芳"}})}, "1");
    mapping_ = sync::test::Mapping("party", {"kind", "name", "phone", "owner_employee_number"});
    Apply({sync::test::Record("party", "C1",
                              {{"kind", "organization"},
                               {"name", "上海华腾贸易有限公司"},
                               {"phone", "021 5080 1234"},
                               {"owner_employee_number", "E001"}})},
          "2");
    api::Router router;
    ASSERT_TRUE(AddCallRoutes(router, *database_, config::ApiConfig{}.calls_source_system, {}).ok());
    Serve(std::move(router));
  }

  hub::test::HttpResult Post(const boost::json::object& body, const std::string& token = api::test::kOperateToken) {
    return Send("POST", "/api/v1/calls", boost::json::serialize(body), token);
  }

  std::int64_t PartyOf(const std::string& source_id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_id = '" + source_id + "'");
  }
};

TEST_P(CallRoutesTest, AMissedCallPostedTwiceIsOneActivityAndOneCallbackForTheOwner) {
  const boost::json::object missed{{"call_id", "1793581620.2"},
                                   {"direction", "inbound"},
                                   {"caller", "02150801234"},
                                   {"agent_extension", 301},
                                   {"started_at", "2026-11-02T09:07:00+08:00"},
                                   {"ended_at", "2026-11-02T09:07:02+08:00"},
                                   {"outcome", "busy"}};
  hub::test::HttpResult first = Post(missed);
  ASSERT_EQ(first.status, 201u) << first.body;
  boost::json::object answer = boost::json::parse(first.body).as_object();
  EXPECT_EQ(answer.at("outcome"), "inserted");
  EXPECT_EQ(answer.at("party").at("id").as_int64(), PartyOf("C1"));
  EXPECT_EQ(answer.at("party").at("match"), "phone");
  ASSERT_TRUE(answer.at("task_id").is_int64()) << first.body;
  EXPECT_TRUE(answer.at("lead_candidate_id").is_null());

  hub::test::HttpResult second = Post(missed);
  ASSERT_EQ(second.status, 200u) << second.body;
  boost::json::object again = boost::json::parse(second.body).as_object();
  EXPECT_EQ(again.at("outcome"), "unchanged");
  EXPECT_EQ(again.at("activity_id"), answer.at("activity_id"));
  EXPECT_EQ(again.at("task_id"), answer.at("task_id"));

  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 1);
  std::vector<odbc::Row> activity = QueryRows(
      "SELECT kind, direction, phone_e164, agent_extension, outcome, duration_seconds, party_id FROM activities");
  EXPECT_EQ(activity[0][0].text() + " " + activity[0][1].text() + " " + activity[0][2].text() + " " +
                activity[0][3].text() + " " + activity[0][4].text(),
            "call inbound +862150801234 301 busy");
  EXPECT_EQ(activity[0][5].integer(), 2);
  std::vector<odbc::Row> tasks = QueryRows(
      "SELECT t.kind, t.status, e.employee_number FROM tasks t JOIN employees e ON e.id = t.assignee_employee_id");
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0][0].text() + " " + tasks[0][1].text() + " " + tasks[0][2].text(), "callback open E001");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'task.created'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'call_center_api' AND entity = 'activity' "
                  "AND source_id = '1793581620.2'"),
            1);
}

TEST_P(CallRoutesTest, LaterPostsOfACallUpdateItsActivity) {
  boost::json::object call{{"call_id", "c-42"}, {"caller", "021 5080 1234"}, {"started_at", "2026-11-02T01:00:00Z"}};
  hub::test::HttpResult ringing = Post(call);
  ASSERT_EQ(ringing.status, 201u) << ringing.body;
  call["answered_at"] = "2026-11-02T01:00:05Z";
  hub::test::HttpResult answered = Post(call);
  ASSERT_EQ(answered.status, 200u) << answered.body;
  EXPECT_EQ(boost::json::parse(answered.body).at("outcome"), "updated");
  call["ended_at"] = "2026-11-02T01:03:05Z";
  call["need"] = "再订 5 台";
  ASSERT_EQ(Post(call).status, 200u);
  std::vector<odbc::Row> activity = QueryRows("SELECT outcome, duration_seconds, need, party_match FROM activities");
  ASSERT_EQ(activity.size(), 1u);
  EXPECT_EQ(activity[0][0].text(), "answered");
  EXPECT_EQ(activity[0][1].integer(), 185);
  EXPECT_EQ(activity[0][2].text(), "再订 5 台");
  EXPECT_EQ(activity[0][3].text(), "phone");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 0);
}

TEST_P(CallRoutesTest, AnUnknownCallerWithANeedBecomesALeadCandidate) {
  hub::test::HttpResult posted = Post({{"call_id", "c-7"},
                                       {"customer_number", "+86 755 8877 6655"},
                                       {"started_at", "2026-11-02T01:00:00Z"},
                                       {"answered_at", "2026-11-02T01:00:03Z"},
                                       {"need", "询价：20台水泵"}});
  ASSERT_EQ(posted.status, 201u) << posted.body;
  boost::json::object answer = boost::json::parse(posted.body).as_object();
  EXPECT_TRUE(answer.at("party").at("id").is_null());
  EXPECT_EQ(answer.at("party").at("match"), "none");
  EXPECT_TRUE(answer.at("task_id").is_null());
  ASSERT_TRUE(answer.at("lead_candidate_id").is_int64()) << posted.body;
  ASSERT_TRUE(answer.at("lead_id").is_int64()) << posted.body;
  EXPECT_EQ(QueryValue("SELECT need FROM lead_candidates").text(), "询价：20台水泵");
  std::vector<odbc::Row> lead = QueryRows("SELECT province, city FROM leads");
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_EQ(lead[0][0].text(), "广东") << "the landline's area code 755 is Shenzhen's";
  EXPECT_EQ(lead[0][1].text(), "深圳");
}

TEST_P(CallRoutesTest, AnUnknownMobileCallersLeadNamesNoRegion) {
  hub::test::HttpResult posted = Post({{"call_id", "c-8"},
                                       {"customer_number", "+86 138 1234 5678"},
                                       {"started_at", "2026-11-02T01:00:00Z"},
                                       {"need", "询价：5台水泵"}});
  ASSERT_EQ(posted.status, 201u) << posted.body;
  std::vector<odbc::Row> lead = QueryRows("SELECT province, city FROM leads");
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_TRUE(lead[0][0].is_null());
  EXPECT_TRUE(lead[0][1].is_null());
}

TEST_P(CallRoutesTest, ABadEventIsRefusedNamingEveryFieldAtFault) {
  hub::test::HttpResult refused = Post({{"direction", "sideways"},
                                        {"started_at", "yesterday"},
                                        {"duration_seconds", -3},
                                        {"outcome", "lost"},
                                        {"colour", "blue"}});
  ASSERT_EQ(refused.status, 400u) << refused.body;
  boost::json::object error = boost::json::parse(refused.body).at("error").as_object();
  EXPECT_EQ(error.at("code"), "bad_request");
  const boost::json::object& fields = error.at("fields").as_object();
  for (const char* field : {"call_id", "direction", "started_at", "duration_seconds", "outcome", "colour"}) {
    EXPECT_TRUE(fields.contains(field)) << field << " in " << refused.body;
  }
  EXPECT_THAT(std::string(error.at("message").as_string()), HasSubstr("call_id: required"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);

  EXPECT_EQ(Post({}).status, 400u);
}

TEST_P(CallRoutesTest, APostedCallAndTheSameCallReadFromTheCdrsOfItsSourceSystemAreOneActivity) {
  // The calls posted are the ones the sync job's system reads (<api calls_source_system="erp">).
  api::Router router;
  ASSERT_TRUE(AddCallRoutes(router, *database_, source_system_, {}).ok());
  Serve(std::move(router));
  hub::test::HttpResult posted = Post({{"call_id", "1793581620.2"},
                                       {"caller", "02150801234"},
                                       {"started_at", "2026-11-02T01:07:00Z"},
                                       {"outcome", "missed"}});
  ASSERT_EQ(posted.status, 201u) << posted.body;

  mapping_ =
      sync::test::Mapping("activity", {"kind", "direction", "phone", "occurred_at", "duration_seconds", "outcome"});
  sync::SyncCounts counts = Apply({sync::test::Record("activity", "1793581620.2",
                                                      {{"kind", "call"},
                                                       {"direction", "inbound"},
                                                       {"phone", "02150801234"},
                                                       {"occurred_at", "2026-11-02T01:07:00Z"},
                                                       {"duration_seconds", "2"},
                                                       {"outcome", "busy"}})},
                                  "3");
  EXPECT_EQ(counts.updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 1);
  EXPECT_EQ(QueryValue("SELECT outcome FROM activities").text(), "busy");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 1);
}

TEST_P(CallRoutesTest, TheSameCallPostedFromSeveralClientsAtOnceIsOneActivityAndOneCallback) {
  // A store with a connection per worker, so that the posts really meet in the store.
  odbc::DatabaseOptions options;
  options.connection_strings = {connection_string_};
  options.pool_size = 4;
  sdk::Result<std::unique_ptr<odbc::Database>> pooled = odbc::Database::Open(std::move(options));
  ASSERT_TRUE(pooled.ok()) << pooled.status().ToString();
  api::Router router;
  ASSERT_TRUE(AddCallRoutes(router, **pooled, "call_center_api", {}).ok());
  Serve(std::move(router));
  const boost::json::object missed{
      {"call_id", "c-9"}, {"caller", "021 5080 1234"}, {"started_at", "2026-11-02T01:00:00Z"}, {"outcome", "missed"}};
  std::vector<unsigned> statuses(8);
  std::vector<std::thread> clients;
  for (unsigned& status : statuses) {
    clients.emplace_back([&] { status = Post(missed).status; });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201u), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200u), 7);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tasks"), 1);
  server_.reset();  // before the pooled store its routes use
}

TEST_P(CallRoutesTest, PostingACallNeedsTheOperateRole) {
  const boost::json::object call{{"call_id", "c-1"}, {"started_at", "2026-11-02T01:00:00Z"}};
  EXPECT_EQ(Post(call, api::test::kReadToken).status, 403u);
  EXPECT_EQ(Post(call, "").status, 401u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CallRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
