// The delivery routes through the real API server: each subscriber's state, its dead letters, and a
// replay an operator asks for, audited under the token's name. On both engines.
#include "service/delivery_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "api/test_server.hpp"
#include "service/delivery_jobs.hpp"
#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"
#include "support/http_client.hpp"

namespace hub::service {
namespace {

using ::testing::HasSubstr;

class DeliveryRoutesTest : public test::ServiceStoreTest {
 protected:
  void SetUp() override {
    ServiceStoreTest::SetUp();
    if (HasFatalFailure()) return;
    const auto csv = files_.Write("customers.csv", "id,name\nC1,One Ltd\nC2,Refused Co\nC3,Three Ltd\n");
    setup_ = LoadSetup(R"(<connector name="crm" plugin="file"><path>)" + csv.string() +
                           R"(</path></connector>
<connector name="erp" plugin="test_outbound"><refuse_containing>Refused</refuse_containing></connector>)",
                       R"(<job name="customers" connector="crm">
  <mapping entity="party" id="id"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>
<job name="erp_feed" kind="delivery" connector="erp"/>)");
    ASSERT_NE(setup_, nullptr);
    auto pool = std::make_shared<ConnectorPool>(setup_, clock_);
    ASSERT_TRUE(std::make_shared<SyncJobs>(setup_, pool, store(), metrics_, clock_, "hub-a")
                    ->Run("customers", false, CancellationToken())
                    .status.ok());
    delivery_ = std::make_shared<DeliveryJobs>(setup_, pool, store(), metrics_, clock_, "hub-a");
    ASSERT_EQ(delivery_->Run("erp_feed", CancellationToken()).counts.dead_lettered, 1u);
    api::Router router;
    ASSERT_TRUE(AddDeliveryRoutes(router, {[this] { return setup_; }, store(), clock_}).ok());
    server_ = std::make_unique<api::test::TestServer>(api::test::TestApiConfig(), std::move(router));
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override {
    server_.reset();
    ServiceStoreTest::TearDown();
  }

  hub::test::HttpResult Send(const std::string& method, const std::string& target, const std::string& body = "",
                             const std::string& token = api::test::kReadToken) {
    hub::test::RequestOptions options;
    options.bearer_token = token;
    auto result = hub::test::Request(method, "127.0.0.1", server_->port(), target, body, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : hub::test::HttpResult{};
  }

  SystemClock clock_;
  MetricsRegistry metrics_;
  std::shared_ptr<const HubSetup> setup_;
  std::shared_ptr<DeliveryJobs> delivery_;
  std::unique_ptr<api::test::TestServer> server_;
};

TEST_P(DeliveryRoutesTest, ListsEachSubscribersStateAndItsDeadLetters) {
  hub::test::HttpResult deliveries = Send("GET", "/api/v1/deliveries");
  ASSERT_EQ(deliveries.status, 200u) << deliveries.body;
  const boost::json::object feed = boost::json::parse(deliveries.body).at("deliveries").at(0).as_object();
  EXPECT_EQ(feed.at("subscriber").as_string(), "erp_feed");
  EXPECT_EQ(feed.at("connector").as_string(), "erp");
  EXPECT_EQ(feed.at("lanes").to_number<std::int64_t>(), 8);
  EXPECT_EQ(feed.at("delivered").to_number<std::int64_t>(), 2);
  EXPECT_EQ(feed.at("dead_letters").to_number<std::int64_t>(), 1);

  hub::test::HttpResult dead = Send("GET", "/api/v1/deliveries/erp_feed/dead_letters");
  ASSERT_EQ(dead.status, 200u) << dead.body;
  const boost::json::object letter = boost::json::parse(dead.body).at("dead_letters").at(0).as_object();
  EXPECT_EQ(letter.at("kind").as_string(), "party.created");
  EXPECT_THAT(std::string(letter.at("last_error").as_string()), HasSubstr("refuses event"));
  EXPECT_TRUE(letter.at("replay_requested_at").is_null());
  EXPECT_EQ(Send("GET", "/api/v1/deliveries/nobody/dead_letters").status, 404u);
  EXPECT_EQ(Send("GET", "/api/v1/deliveries/erp_feed/dead_letters?limit=0").status, 400u);
}

TEST_P(DeliveryRoutesTest, AnOperatorReplaysDeadLettersAndTheReplayIsAudited) {
  hub::test::HttpResult dead = Send("GET", "/api/v1/deliveries/erp_feed/dead_letters");
  const std::string event_id(boost::json::parse(dead.body).at("dead_letters").at(0).at("event_id").as_string());
  const std::string body = R"({"event_ids":[")" + event_id + R"("]})";

  EXPECT_EQ(Send("POST", "/api/v1/deliveries/erp_feed/replay", body).status, 403u) << "the read role may not";
  EXPECT_EQ(
      Send("POST", "/api/v1/deliveries/erp_feed/replay", R"({"event_ids":["elsewhere-1"]})", api::test::kOperateToken)
          .status,
      400u);
  EXPECT_EQ(Send("POST", "/api/v1/deliveries/nobody/replay", "", api::test::kOperateToken).status, 404u);
  hub::test::HttpResult replay = Send("POST", "/api/v1/deliveries/erp_feed/replay", body, api::test::kOperateToken);
  ASSERT_EQ(replay.status, 202u) << replay.body;
  EXPECT_EQ(boost::json::parse(replay.body).at("requested").to_number<std::int64_t>(), 1);

  std::vector<odbc::Row> audit = QueryRows(
      "SELECT actor, entity, entity_id, after_data FROM audit_log WHERE action = 'delivery.replay' ORDER BY id");
  ASSERT_EQ(audit.size(), 2u) << "the refused id's attempt and the replay";
  EXPECT_EQ(audit[1][0].text(), "operator");
  EXPECT_EQ(audit[1][1].text(), "delivery");
  EXPECT_EQ(audit[1][2].text(), "erp_feed");
  const boost::json::value after = boost::json::parse(audit[1][3].text());
  EXPECT_EQ(after.at("requested").to_number<std::int64_t>(), 1);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
  EXPECT_EQ(after.at("event_ids").at(0).as_string(), event_id);
  EXPECT_THAT(std::string(boost::json::parse(audit[0][3].text()).at("outcome").as_string()), HasSubstr("failed: "));

  dead = Send("GET", "/api/v1/deliveries/erp_feed/dead_letters");
  EXPECT_FALSE(boost::json::parse(dead.body).at("dead_letters").at(0).at("replay_requested_at").is_null());
  EXPECT_EQ(delivery_->Run("erp_feed", CancellationToken()).counts.failed_attempts, 1u)
      << "the next run offered it again (and it was refused again)";
}

INSTANTIATE_TEST_SUITE_P(Engines, DeliveryRoutesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
