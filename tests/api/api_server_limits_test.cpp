// Connection limits over real sockets: idle connections make room, /health stays reachable when every
// connection is busy, and what must be refused is answered 503 or 429 with Retry-After, never reset.
#include "api/api_server.hpp"

#include <future>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "support/http_client.hpp"
#include "test_server.hpp"

namespace hub::api::test {
namespace {

using hub::test::Get;
using hub::test::HttpResult;
using hub::test::RawConnection;
using hub::test::RequestOptions;
using std::chrono::milliseconds;

constexpr const char* kHost = "127.0.0.1";
constexpr milliseconds kDeadline{10'000};

// The client gives up after this: an answer must come while the connections holding the places are open.
RequestOptions Impatient(std::string token = {}) {
  RequestOptions options;
  options.timeout = milliseconds(2'000);
  options.bearer_token = std::move(token);
  return options;
}

// Handlers that block until opened, counting how many have started.
class Gate {
 public:
  HttpResponse Pass() {
    std::unique_lock lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    return HttpResponse::Text(200, "released");
  }
  bool WaitEntered(int count) {
    return WaitFor(mutex_, changed_, kDeadline, [this, count] { return entered_ >= count; });
  }
  void Open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int entered_ = 0;    // guarded by mutex_
  bool open_ = false;  // guarded by mutex_
};

// /health (kept under load), /held (kept under load, gated), /slow and /api/v1/jobs (refused under load).
Router LimitsRouter(Gate& gate) {
  Router router;
  auto ok = [](const HttpRequest&) { return HttpResponse::Text(200, "ok"); };
  auto gated = [&gate](const HttpRequest&) { return gate.Pass(); };
  EXPECT_TRUE(router.Add("GET", "/health", std::nullopt, ok, UnderLoad::kServed).ok());
  EXPECT_TRUE(router.Add("GET", "/held", std::nullopt, gated, UnderLoad::kServed).ok());
  EXPECT_TRUE(router.Add("GET", "/slow", std::nullopt, gated).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/jobs", config::Role::kRead, ok).ok());
  return router;
}

// Checks an answer refusing for lack of room: the status, Retry-After, and the API's error shape.
void ExpectRefused(const sdk::Result<HttpResult>& result, unsigned status, const std::string& code) {
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, status);
  EXPECT_EQ(result->Header("retry-after"), "1");
  EXPECT_EQ(result->Header("connection"), "close");
  boost::json::value body = boost::json::parse(result->body);
  EXPECT_EQ(body.at("error").at("code").as_string(), code) << result->body;
  EXPECT_TRUE(body.at("error").at("message").is_string());
}

// A request on its own connection, answered while the test goes on; holds a place while gated.
std::future<sdk::Result<HttpResult>> InBackground(std::uint16_t port, std::string target) {
  return std::async(std::launch::async, [port, target] { return Get(kHost, port, target); });
}

class ApiServerLimitsTest : public ::testing::Test {
 protected:
  void Start(config::ApiConfig config, ApiLimits limits = {}) {
    limits.restricted_deadline = kDeadline;  // generous: the test, not the deadline, decides when places free
    server_ = std::make_unique<TestServer>(config, LimitsRouter(gate_), limits);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { gate_.Open(); }  // a failed assertion must not leave a handler blocked
  std::uint16_t port() const { return server_->port(); }

  // Opens `count` connections that send nothing, each admitted before the next is opened.
  std::vector<RawConnection> OpenIdle(std::size_t count) {
    std::vector<RawConnection> idle;
    for (std::size_t i = 0; i < count; ++i) {
      auto connection = RawConnection::Open(kHost, port());
      EXPECT_TRUE(connection.ok()) << connection.status().ToString();
      if (!connection.ok()) break;
      idle.push_back(std::move(*connection));
      EXPECT_TRUE(server_->WaitForEvents(ConnectionEvent::kOrdinary, admitted_ + idle.size(), kDeadline));
    }
    admitted_ += idle.size();
    return idle;
  }

  Gate gate_;
  std::unique_ptr<TestServer> server_;
  std::size_t admitted_ = 0;
};

TEST_F(ApiServerLimitsTest, MoreIdleConnectionsThanTheLimitLeaveHealthReachable) {
  config::ApiConfig config = TestApiConfig();
  config.max_connections = 4;
  ApiLimits limits;
  limits.reserved_connections = 2;
  Start(config, limits);

  std::vector<RawConnection> idle = OpenIdle(20);  // five times the limit
  ASSERT_EQ(idle.size(), 20u);
  auto health = Get(kHost, port(), "/health", Impatient());
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(health->status, 200u);
  EXPECT_EQ(health->body, "ok");
  auto jobs = Get(kHost, port(), "/api/v1/jobs", Impatient(kReadToken));
  ASSERT_TRUE(jobs.ok()) << jobs.status().ToString();
  EXPECT_EQ(jobs->status, 200u);

  // The oldest idle connections made room: the server closed them (an end of stream, not a reset).
  auto oldest = idle.front().ReadUntilClosed(kDeadline);
  ASSERT_TRUE(oldest.ok()) << oldest.status().ToString();
  EXPECT_EQ(*oldest, "");
  EXPECT_GE(server_->Events(ConnectionEvent::kShed), 16u);
}

TEST_F(ApiServerLimitsTest, AKeepAliveConnectionBetweenRequestsIsShedLikeAnIdleOne) {
  config::ApiConfig config = TestApiConfig();
  config.max_connections = 2;
  Start(config);
  auto kept = RawConnection::Open(kHost, port());
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ASSERT_TRUE(kept->Send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").ok());
  ASSERT_TRUE(server_->WaitForMetrics(1, kDeadline).size() == 1);
  admitted_ = 1;

  std::vector<RawConnection> idle = OpenIdle(10);
  auto received = kept->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->rfind("HTTP/1.1 200", 0), 0u) << *received;
  EXPECT_EQ(received->find("HTTP/1.1", 1), std::string::npos) << "one answer, then the end of the stream";
}

TEST_F(ApiServerLimitsTest, WhenEveryConnectionIsBusyHealthIsServedAndOtherRoutesAre503) {
  config::ApiConfig config = TestApiConfig();
  config.max_connections = 1;
  ApiLimits limits;
  limits.reserved_connections = 1;
  Start(config, limits);
  auto busy = InBackground(port(), "/slow");
  ASSERT_TRUE(gate_.WaitEntered(1));

  auto health = Get(kHost, port(), "/health", Impatient());
  ASSERT_TRUE(health.ok()) << health.status().ToString();
  EXPECT_EQ(health->status, 200u);
  EXPECT_EQ(health->Header("connection"), "close");  // a reserve place serves one request
  ASSERT_TRUE(server_->WaitForEvents(ConnectionEvent::kClosed, 1, kDeadline));

  ExpectRefused(Get(kHost, port(), "/api/v1/jobs", Impatient(kReadToken)), 503, "overloaded");
  ASSERT_TRUE(server_->WaitForEvents(ConnectionEvent::kClosed, 2, kDeadline));
  EXPECT_EQ(server_->Events(ConnectionEvent::kReserve), 2u);

  // The reserve busy as well: even /health is refused, with an answer.
  auto held = InBackground(port(), "/held");
  ASSERT_TRUE(gate_.WaitEntered(2));
  ExpectRefused(Get(kHost, port(), "/health", Impatient()), 503, "overloaded");
  EXPECT_EQ(server_->Events(ConnectionEvent::kOverloaded), 1u);

  gate_.Open();
  for (auto* pending : {&busy, &held}) {
    auto released = pending->get();
    ASSERT_TRUE(released.ok()) << released.status().ToString();
    EXPECT_EQ(released->status, 200u);
  }
}

TEST_F(ApiServerLimitsTest, AClientWhoseConnectionsAreAllBusyIsRefused429) {
  config::ApiConfig config = TestApiConfig();
  config.max_connections_per_client = 2;
  Start(config);
  auto first = InBackground(port(), "/slow");
  auto second = InBackground(port(), "/slow");
  ASSERT_TRUE(gate_.WaitEntered(2));

  ExpectRefused(Get(kHost, port(), "/health", Impatient()), 429, "too_many_connections");
  EXPECT_EQ(server_->Events(ConnectionEvent::kClientLimit), 1u);

  gate_.Open();
  EXPECT_EQ(first.get()->status, 200u);
  EXPECT_EQ(second.get()->status, 200u);
}

TEST_F(ApiServerLimitsTest, AClientReconnectingAtItsLimitShedsItsOwnIdleConnections) {
  config::ApiConfig config = TestApiConfig();
  config.max_connections_per_client = 2;
  Start(config);
  std::vector<RawConnection> idle = OpenIdle(2);
  ASSERT_EQ(idle.size(), 2u);
  for (int i = 0; i < 5; ++i) {
    auto health = Get(kHost, port(), "/health", Impatient());
    ASSERT_TRUE(health.ok()) << health.status().ToString();
    EXPECT_EQ(health->status, 200u);
  }
  auto oldest = idle.front().ReadUntilClosed(kDeadline);
  ASSERT_TRUE(oldest.ok()) << oldest.status().ToString();
  EXPECT_EQ(server_->Events(ConnectionEvent::kClientLimit), 0u);
}

}  // namespace
}  // namespace hub::api::test
