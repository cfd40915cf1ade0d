// The operations routes answer from the service's state: health follows the store, jobs the scheduler.
#include "service/ops_routes.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>

namespace hub::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class OpsRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto setup = std::make_shared<HubSetup>();
    setup->config.instance_name = "test-hub";
    setup->plugins = std::make_shared<const plugin_host::PluginRegistry>();
    setup_ = setup;
    scheduler_.SetJobs({JobSpec{"nightly", Schedule::Manual(), [](const JobRun&) { return sdk::Status::Ok(); }}});
    OpsContext context{
        [this] { return setup_; }, scheduler_, metrics_, clock_, clock_.Now(), [this] { return store_status_; },
        MakeLogger("ops-test")};
    ASSERT_TRUE(AddOpsRoutes(router_, context).ok());
  }

  api::HttpResponse Call(const std::string& method, const std::string& path,
                         std::optional<config::Role> role = std::nullopt) {
    api::Router::Match match = router_.Find(method, path);
    EXPECT_NE(match.route, nullptr) << method << " " << path;
    api::HttpRequest request;
    request.method = method;
    request.path = path;
    request.params = match.params;
    request.role = role;
    return match.route->handler(request);
  }

  boost::asio::io_context io_;
  ManualClock clock_{TimePoint(std::chrono::hours(24 * 365 * 56))};
  MetricsRegistry metrics_;
  Scheduler scheduler_{io_, [](std::function<void()> task) { task(); }, clock_, MakeLogger("ops-test")};
  std::shared_ptr<const HubSetup> setup_;
  sdk::Status store_status_;
  api::Router router_;
};

TEST_F(OpsRoutesTest, HealthIsOkWhileTheStoreAnswers) {
  api::HttpResponse health = Call("GET", "/health");
  EXPECT_EQ(health.status, 200u);
  EXPECT_THAT(health.body, HasSubstr(R"("status":"ok")"));
  EXPECT_THAT(health.body, HasSubstr(R"("instance":"test-hub")"));
  EXPECT_THAT(health.body, Not(HasSubstr("reason")));
}

TEST_F(OpsRoutesTest, HealthTellsAnAnonymousCallerOnlyThatTheStoreIsDown) {
  store_status_ = sdk::Status::Unavailable("[unixODBC][Driver Manager]Data source name not found (host db1)");
  api::HttpResponse health = Call("GET", "/health");
  EXPECT_EQ(health.status, 503u);
  auto body = boost::json::parse(health.body);
  EXPECT_EQ(body.at("status"), "unavailable");
  EXPECT_EQ(body.at("reason"), "store");
  EXPECT_EQ(body.at("store"), "unavailable");
  EXPECT_FALSE(body.as_object().contains("detail"));
  EXPECT_THAT(health.body, Not(HasSubstr("db1")));
  EXPECT_THAT(health.body, Not(HasSubstr("ODBC")));
}

TEST_F(OpsRoutesTest, HealthShowsTheStoresErrorToACallerWithTheReadRole) {
  store_status_ = sdk::Status::Unavailable("no store connection could be opened");
  for (config::Role role : {config::Role::kRead, config::Role::kAdmin}) {
    api::HttpResponse health = Call("GET", "/health", role);
    EXPECT_EQ(health.status, 503u);
    auto body = boost::json::parse(health.body);
    EXPECT_EQ(body.at("reason"), "store");
    EXPECT_EQ(body.at("detail"), "no store connection could be opened");
  }
}

TEST_F(OpsRoutesTest, HealthAndMetricsAreServedUnderLoadAndTheOtherRoutesAreNot) {
  for (const auto& route : router_.routes()) {
    const bool kept = route.pattern == "/health" || route.pattern == "/metrics";
    EXPECT_EQ(route.under_load == api::UnderLoad::kServed, kept) << route.method << " " << route.pattern;
  }
}

TEST_F(OpsRoutesTest, RunningAJobAnswersByWhatTheSchedulerDid) {
  EXPECT_EQ(Call("POST", "/api/v1/jobs/nightly/run").status, 202u);
  EXPECT_EQ(Call("POST", "/api/v1/jobs/unknown/run").status, 404u);
  auto jobs = boost::json::parse(Call("GET", "/api/v1/jobs").body);
  EXPECT_EQ(jobs.at("jobs").at(0).at("name").as_string(), "nightly");
  EXPECT_EQ(jobs.at("jobs").at(0).at("runs").as_int64(), 1);
  scheduler_.Stop(std::chrono::milliseconds(0));
  EXPECT_EQ(Call("POST", "/api/v1/jobs/nightly/run").status, 503u);
}

}  // namespace
}  // namespace hub::service
