// `hub run` as a real process: the API, roles, jobs, graceful stop, SIGHUP reload and TLS.
#include <signal.h>

#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"
#include "hub_process.hpp"
#include "support/http_client.hpp"
#include "support/test_certificate.hpp"

namespace hub::test {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kHost = "127.0.0.1";

RequestOptions WithToken(const char* token) {
  RequestOptions options;
  options.bearer_token = token;
  return options;
}

class HubRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    csv_ = sandbox_.Write("customers.csv", "id,name,city\n1,Acme,Berlin\n2,\"Globex, Inc.\",Springfield\n");
    config_ = sandbox_.Write("hub.xml", HubConfigXml(csv_.string()));
  }

  void StartHub() {
    hub_ = HubProcess::Start({"run", "--config", config_.string()});
    ASSERT_NE(hub_, nullptr);
    ASSERT_TRUE(hub_->WaitForOutput("serving on", seconds(30))) << hub_->Output();
    port_ = hub_->Port();
    ASSERT_NE(port_, 0) << hub_->Output();
  }

  unsigned Status(const std::string& method, const std::string& target, const char* token) {
    auto result = Request(method, kHost, port_, target, "", WithToken(token));
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? result->status : 0;
  }

  void StopAndExpectCleanExit(int signal) {
    hub_->Signal(signal);
    std::optional<int> status = hub_->WaitForExit(seconds(10));
    ASSERT_TRUE(status.has_value()) << "still running 10 s after the signal\n" << hub_->Output();
    EXPECT_EQ(*status, 0) << hub_->Output();
  }

  HubSandbox sandbox_;
  std::filesystem::path csv_;
  std::filesystem::path config_;
  std::unique_ptr<HubProcess> hub_;
  std::uint16_t port_ = 0;
};

TEST_F(HubRunTest, ServesHealthWithoutATokenAndStopsCleanlyOnSigterm) {
  StartHub();
  auto health = Get(kHost, port_, "/health");
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(health->status, 200u);
  EXPECT_THAT(health->body, HasSubstr(R"("status":"ok")"));
  StopAndExpectCleanExit(SIGTERM);
}

TEST_F(HubRunTest, ThreeHundredSilentConnectionsLeaveHealthAndHeadReachable) {
  StartHub();
  std::vector<RawConnection> silent;  // more than the default limit of 256, each sending nothing
  for (int i = 0; i < 300; ++i) {
    auto connection = RawConnection::Open(kHost, port_);
    ASSERT_TRUE(connection.ok()) << i << ": " << connection.status().ToString();
    silent.push_back(std::move(*connection));
  }
  RequestOptions impatient;
  impatient.timeout = seconds(2);  // an answer while the silent connections are all still open
  auto connection = HttpConnection::Open(kHost, port_, impatient);
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  auto head = connection->Send("HEAD", "/health");
  auto health = connection->Send("GET", "/health");
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(head->status, 200u);
  EXPECT_EQ(head->body, "");
  EXPECT_EQ(health->status, 200u);
  EXPECT_THAT(health->body, HasSubstr(R"("status":"ok")"));
  auto metrics = Get(kHost, port_, "/metrics", WithToken(kReadToken));
  ASSERT_TRUE(metrics.ok()) << metrics.status().ToString();
  EXPECT_THAT(metrics->body, HasSubstr("hub_api_connections_shed_total"));
  EXPECT_THAT(metrics->body, Not(HasSubstr("hub_api_connections_shed_total 0\n")));
}

TEST_F(HubRunTest, StopsCleanlyOnSigint) {
  StartHub();
  StopAndExpectCleanExit(SIGINT);
}

TEST_F(HubRunTest, OperationsRoutesEnforceRoles) {
  StartHub();
  EXPECT_EQ(Status("GET", "/api/v1/plugins", ""), 401u);
  EXPECT_EQ(Status("GET", "/api/v1/plugins", "not-a-known-token"), 401u);
  EXPECT_EQ(Status("GET", "/api/v1/plugins", kReadToken), 200u);
  EXPECT_EQ(Status("GET", "/metrics", kReadToken), 200u);
  EXPECT_EQ(Status("POST", "/api/v1/jobs/customers/run", kReadToken), 403u);
  EXPECT_EQ(Status("POST", "/api/v1/jobs/customers/run", kOperateToken), 202u);
  EXPECT_EQ(Status("POST", "/api/v1/jobs/no_such_job/run", kOperateToken), 404u);
}

TEST_F(HubRunTest, ListsPluginsAndJobs) {
  StartHub();
  auto plugins = Get(kHost, port_, "/api/v1/plugins", WithToken(kReadToken));
  ASSERT_TRUE(plugins.ok());
  EXPECT_THAT(plugins->body, HasSubstr(R"("name":"file")"));
  EXPECT_THAT(plugins->body, HasSubstr(R"("name":"slow")"));
  auto jobs = Get(kHost, port_, "/api/v1/jobs", WithToken(kReadToken));
  ASSERT_TRUE(jobs.ok());
  EXPECT_THAT(jobs->body, HasSubstr(R"("name":"customers")"));
  EXPECT_THAT(jobs->body, HasSubstr(R"("connector":"customers_csv")"));
}

TEST_F(HubRunTest, AMatchJobRunsOverTheSyncedPartiesAndServesItsReviewQueue) {
  std::string xml = HubConfigXml(csv_.string());
  xml.insert(xml.find("</jobs>"),
             "<job name=\"match\" kind=\"match\"><source_priority>customers_csv</source_priority></job>\n");
  sandbox_.Write("hub.xml", xml);
  StartHub();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/customers/run", kOperateToken), 202u);
  ASSERT_TRUE(hub_->WaitForOutput("job customers: read=2 ", seconds(30))) << hub_->Output();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/match/run", kOperateToken), 202u);
  ASSERT_TRUE(hub_->WaitForOutput("job match: parties=2 ", seconds(30))) << hub_->Output();
  auto queue = Get(kHost, port_, "/api/v1/matches?decision=review", WithToken(kReadToken));
  ASSERT_TRUE(queue.ok());
  EXPECT_EQ(queue->status, 200u) << queue->body;
  EXPECT_THAT(queue->body, HasSubstr(R"("matches":[)"));
  EXPECT_EQ(Status("POST", "/api/v1/matches/1/accept", kReadToken), 403u);
}

TEST_F(HubRunTest, RunningAJobThroughTheApiSyncsAndCountsItsRecords) {
  StartHub();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/customers/run", kOperateToken), 202u);
  ASSERT_TRUE(hub_->WaitForOutput("job customers: read=2 ", seconds(30))) << hub_->Output();
  auto metrics = Get(kHost, port_, "/metrics", WithToken(kReadToken));
  ASSERT_TRUE(metrics.ok());
  EXPECT_THAT(metrics->body, HasSubstr(R"(hub_sync_records_total{job="customers",outcome="read"} 2)"));
  EXPECT_THAT(metrics->body, HasSubstr("hub_api_request_duration_seconds_bucket"));
}

TEST_F(HubRunTest, AJobAlreadyRunningIsNotStartedTwice) {
  StartHub();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/slow/run", kOperateToken), 202u);
  EXPECT_EQ(Status("POST", "/api/v1/jobs/slow/run", kOperateToken), 409u);
}

TEST_F(HubRunTest, StopsWithinTenSecondsWhileAJobIsRunning) {
  StartHub();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/slow/run", kOperateToken), 202u);
  StopAndExpectCleanExit(SIGTERM);
  EXPECT_THAT(hub_->Output(), HasSubstr("job slow: cancelled"));
}

TEST_F(HubRunTest, ExitsWithinTenSecondsEvenWhenARunIgnoresCancellation) {
  std::string xml = HubConfigXml(csv_.string(), "", "60s");
  const std::string delay = "<delay>60s</delay>";
  xml.replace(xml.find(delay), delay.size(), delay + "<honour_cancel>false</honour_cancel>");
  config_ = sandbox_.Write("hub.xml", xml);
  StartHub();
  ASSERT_EQ(Status("POST", "/api/v1/jobs/slow/run", kOperateToken), 202u);
  ASSERT_TRUE(hub_->WaitForOutput("reading record 0", seconds(30))) << hub_->Output();
  StopAndExpectCleanExit(SIGTERM);
  EXPECT_THAT(hub_->Output(), HasSubstr("their open batch is rolled back"));
}

TEST_F(HubRunTest, SighupWithABadFileKeepsServingTheRunningConfiguration) {
  StartHub();
  sandbox_.Write("hub.xml", "<hub><store>\n<oops/></hub>");
  hub_->Signal(SIGHUP);
  ASSERT_TRUE(hub_->WaitForOutput("reload refused: keeping the running configuration", seconds(30))) << hub_->Output();
  EXPECT_EQ(Status("GET", "/api/v1/jobs", kReadToken), 200u);
  StopAndExpectCleanExit(SIGTERM);
}

TEST_F(HubRunTest, SighupWithAGoodFileAppliesNewTokens) {
  StartHub();
  std::string xml = HubConfigXml(csv_.string());
  std::string read_hash = Sha256Hex(kReadToken);
  xml.replace(xml.find(read_hash), read_hash.size(), Sha256Hex("rotated-read-token"));
  sandbox_.Write("hub.xml", xml);
  hub_->Signal(SIGHUP);
  ASSERT_TRUE(hub_->WaitForOutput("reloaded:", seconds(30))) << hub_->Output();
  EXPECT_EQ(Status("GET", "/api/v1/jobs", "rotated-read-token"), 200u);
  EXPECT_EQ(Status("GET", "/api/v1/jobs", kReadToken), 401u);
}

TEST_F(HubRunTest, ServesTlsWithAConfiguredCertificate) {
  auto certificate = WriteSelfSignedCertificate(sandbox_.dir() / "tls");
  ASSERT_TRUE(certificate.ok()) << certificate.status().ToString();
  config_ = sandbox_.Write(
      "hub.xml", HubConfigXml(csv_.string(), "<tls certificate=\"" + certificate->certificate.string() + "\" key=\"" +
                                                 certificate->private_key.string() + "\"/>"));
  StartHub();
  RequestOptions options;
  options.tls = TlsClientOptions{certificate->certificate, true};
  auto health = Get(kHost, port_, "/health", options);
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(health->status, 200u);
  EXPECT_FALSE(Get(kHost, port_, "/health").ok()) << "plain HTTP must not be served on the TLS port";
}

}  // namespace
}  // namespace hub::test
