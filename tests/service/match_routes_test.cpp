// A match job of a configuration and the review queue through the real API server, on both engines: the job
// runs over the synced parties and audits its run; a reviewer lists the pairs waiting, accepts one under the
// token's name (audited), and the next run links the pair into a golden record.
#include "service/match_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "api/test_server.hpp"
#include "service/customer_routes.hpp"
#include "service/match_jobs.hpp"
#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"
#include "support/http_client.hpp"

namespace hub::service {
namespace {

using sdk::Value;

class MatchRoutesTest : public test::ServiceStoreTest {
 protected:
  void SetUp() override {
    ServiceStoreTest::SetUp();
    if (HasFatalFailure()) return;
    const auto csv =
        files_.Write("customers.csv", "id,name\nC1,杭州远景科技有限公司\nC2,Yuanjing Technology Co. Ltd.\n");
    setup_ = LoadSetup(R"(<connector name="crm" plugin="file"><path>)" + csv.string() + R"(</path></connector>)",
                       R"(<job name="customers" connector="crm">
  <mapping entity="party" id="id"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>
<job name="match" kind="match"><source_priority>crm</source_priority></job>)");
    ASSERT_NE(setup_, nullptr);
    auto pool = std::make_shared<ConnectorPool>(setup_, clock_);
    ASSERT_TRUE(std::make_shared<SyncJobs>(setup_, pool, store(), metrics_, clock_, "hub-a")
                    ->Run("customers", false, CancellationToken())
                    .status.ok());
    matches_ = std::make_shared<MatchJobs>(setup_, store(), metrics_, clock_, "hub-a");
    api::Router router;
    ASSERT_TRUE(AddMatchRoutes(router, store()).ok());
    ASSERT_TRUE(AddCustomerRoutes(router, store()).ok());
    server_ = std::make_unique<api::test::TestServer>(api::test::TestApiConfig(), std::move(router));
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override {
    server_.reset();
    ServiceStoreTest::TearDown();
  }

  hub::test::HttpResult Send(const std::string& method, const std::string& target,
                             const std::string& token = api::test::kReadToken) {
    hub::test::RequestOptions options;
    options.bearer_token = token;
    auto result = hub::test::Request(method, "127.0.0.1", server_->port(), target, "", options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : hub::test::HttpResult{};
  }

  // Puts the two synced parties in the review queue, as a run that found them uncertain leaves them.
  std::int64_t QueueForReview() {
    const std::int64_t first = QueryValue("SELECT MIN(id) FROM parties").integer();
    auto inserted = connection_->ExecuteUpdate(
        "INSERT INTO match_pairs (left_party_id, right_party_id, probability, decision, explanation) "
        "VALUES (?, ?, 0.7, 'review', '{\"rule\":\"\"}')",
        {Value::Int64(first), Value::Int64(first + 1)});
    EXPECT_TRUE(inserted.ok()) << inserted.status().ToString();
    return QueryValue("SELECT MAX(id) FROM match_pairs").integer();
  }

  SystemClock clock_;
  MetricsRegistry metrics_;
  std::shared_ptr<const HubSetup> setup_;
  std::shared_ptr<MatchJobs> matches_;
  std::unique_ptr<api::test::TestServer> server_;
};

TEST_P(MatchRoutesTest, AMatchRunIsAuditedWithItsCounts) {
  auto counts = matches_->Run("match");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->parties, 2u);
  std::vector<odbc::Row> audit =
      QueryRows("SELECT actor, entity, entity_id, after_data FROM audit_log WHERE action = 'match'");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0][0].text(), "job:match");
  EXPECT_EQ(audit[0][2].text(), "match");
  const boost::json::value after = boost::json::parse(audit[0][3].text());
  EXPECT_EQ(after.at("parties").to_number<std::int64_t>(), 2);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
  EXPECT_EQ(metrics_.Value("hub_match_runs_total", {{"job", "match"}, {"result", "ok"}}).value_or(0), 1);
  EXPECT_EQ(matches_->Run("customers").status().code(), sdk::StatusCode::kNotFound) << "not a match job";
}

TEST_P(MatchRoutesTest, AReviewerAcceptsAQueuedPairAndTheNextRunLinksIt) {
  const std::int64_t pair = QueueForReview();
  hub::test::HttpResult queue = Send("GET", "/api/v1/matches?decision=review");
  ASSERT_EQ(queue.status, 200u) << queue.body;
  const boost::json::array listed = boost::json::parse(queue.body).at("matches").as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("id").to_number<std::int64_t>(), pair);
  EXPECT_EQ(listed[0].at("left").at("source_system").as_string(), "crm");
  EXPECT_EQ(listed[0].at("left").at("source_id").as_string(), "C1");
  EXPECT_EQ(listed[0].at("right").at("name").as_string(), "Yuanjing Technology Co. Ltd.");

  EXPECT_EQ(Send("POST", "/api/v1/matches/" + std::to_string(pair) + "/accept").status, 403u)
      << "a read token may not decide";
  hub::test::HttpResult accepted =
      Send("POST", "/api/v1/matches/" + std::to_string(pair) + "/accept", api::test::kOperateToken);
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  const boost::json::value match = boost::json::parse(accepted.body).at("match");
  EXPECT_EQ(match.at("decision").as_string(), "link");
  EXPECT_EQ(match.at("decided_by").as_string(), "reviewer");
  EXPECT_EQ(match.at("reviewer").as_string(), "operator");
  std::vector<odbc::Row> audit = QueryRows(
      "SELECT actor, entity, entity_id, before_data, after_data FROM audit_log WHERE action = 'match accept'");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0][0].text(), "operator");
  EXPECT_EQ(audit[0][1].text(), "match_pairs");
  EXPECT_EQ(audit[0][2].text(), std::to_string(pair));
  EXPECT_EQ(boost::json::parse(audit[0][3].text()).at("decision").as_string(), "review");
  EXPECT_TRUE(boost::json::parse(Send("GET", "/api/v1/matches?decision=review").body).at("matches").as_array().empty());

  ASSERT_TRUE(matches_->Run("match").ok());
  const std::int64_t first = QueryValue("SELECT MIN(id) FROM parties").integer();
  EXPECT_EQ(QueryValue("SELECT golden_party_id FROM parties WHERE id = ?", {Value::Int64(first + 1)}).integer(), first)
      << "the accept links the pair at the next run";
  EXPECT_EQ(QueryValue("SELECT decided_by FROM match_pairs WHERE id = ?", {Value::Int64(pair)}).text(), "reviewer");

  hub::test::HttpResult customer = Send("GET", "/api/v1/customers/" + std::to_string(first + 1));
  ASSERT_EQ(customer.status, 200u) << customer.body;
  const boost::json::object golden = boost::json::parse(customer.body).as_object();
  EXPECT_EQ(golden.at("id").to_number<std::int64_t>(), first) << "a member answers its golden record";
  EXPECT_EQ(golden.at("source_links").as_array().size(), 2u) << "with both members' source records";
  const boost::json::array& lineage = golden.at("lineage").as_array();
  ASSERT_FALSE(lineage.empty());
  EXPECT_EQ(lineage[0].at("field").as_string(), "name");
  EXPECT_EQ(golden.at("name"), lineage[0].at("value")) << "the golden record shows the surviving value";
}

TEST_P(MatchRoutesTest, RefusesAnUnknownPairAndAnUnknownDecision) {
  EXPECT_EQ(Send("POST", "/api/v1/matches/999999/reject", api::test::kOperateToken).status, 404u);
  EXPECT_EQ(Send("POST", "/api/v1/matches/x/reject", api::test::kOperateToken).status, 404u);
  EXPECT_EQ(Send("GET", "/api/v1/matches?decision=maybe").status, 400u);
  EXPECT_EQ(Send("GET", "/api/v1/matches?limit=0").status, 400u);
  EXPECT_EQ(Send("GET", "/api/v1/matches").status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MatchRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
