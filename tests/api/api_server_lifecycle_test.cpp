// The server's life: start errors, token reload, stop with requests in flight, timeouts.
#include "api/api_server.hpp"

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <gtest/gtest.h>

#include "api/token_authenticator.hpp"
#include "support/http_client.hpp"
#include "test_server.hpp"

namespace hub::api::test {
namespace {

using hub::test::Get;
using hub::test::HttpConnection;
using hub::test::RawConnection;
using hub::test::RequestOptions;
using std::chrono::milliseconds;

constexpr const char* kHost = "127.0.0.1";
constexpr milliseconds kDeadline{10'000};

Router HealthRouter(Handler handler = [](const HttpRequest&) { return HttpResponse::Text(200, "ok"); }) {
  Router router;
  EXPECT_TRUE(router.Add("GET", "/health", std::nullopt, std::move(handler)).ok());
  EXPECT_TRUE(router
                  .Add("GET", "/api/v1/jobs", config::Role::kRead,
                       [](const HttpRequest&) { return HttpResponse::Text(200, "jobs"); })
                  .ok());
  return router;
}

RequestOptions WithToken(std::string token) {
  RequestOptions options;
  options.bearer_token = std::move(token);
  return options;
}

// A handler that blocks until released, and tells when it has started.
class Gate {
 public:
  HttpResponse Pass() {
    std::unique_lock lock(mutex_);
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    return HttpResponse::Text(200, "finished");
  }
  bool WaitEntered() {
    return WaitFor(mutex_, changed_, kDeadline, [this] { return entered_; });
  }
  void Open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;  // guarded by mutex_
  bool open_ = false;     // guarded by mutex_
};

// A run_blocking whose worker, like a pool thread finishing one task before it takes the next, still holds
// each task it ran (and what the task captured) after the response has gone out, until Release.
class HoldingWorker {
 public:
  ApiServer::RunBlocking RunBlocking() {
    return [this](std::function<void()> task) {
      pool_->Run([this, task = std::move(task)] {
        task();
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return released_; });
      });
    };
  }
  // Lets the worker drop the tasks it holds, and waits until it has.
  void Release() {
    {
      std::lock_guard lock(mutex_);
      released_ = true;
    }
    changed_.notify_all();
    pool_.reset();
  }
  ~HoldingWorker() { Release(); }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool released_ = false;  // guarded by mutex_
  std::unique_ptr<WorkerPool> pool_ = std::make_unique<WorkerPool>(1);
};

TEST(ApiServerLifecycle, StartNamesTheAddressWhenThePortIsTaken) {
  TestServer first(TestApiConfig(), HealthRouter());
  ASSERT_TRUE(first.Start().ok());
  config::ApiConfig config = TestApiConfig();
  config.port = first.port();
  TestServer second(config, HealthRouter());
  sdk::Status status = second.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos)
      << status.ToString();
}

TEST(ApiServerLifecycle, StartRefusesAnAddressThatIsNotAnIp) {
  config::ApiConfig config = TestApiConfig();
  config.address = "not an address";
  TestServer server(config, HealthRouter());
  sdk::Status status = server.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not an address"), std::string::npos) << status.ToString();
}

TEST(ApiServerLifecycle, UpdateSecurityReplacesTheTokens) {
  TestServer server(TestApiConfig(), HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  auto before = Get(kHost, server.port(), "/api/v1/jobs", WithToken(kReadToken));
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(before->status, 200u);

  config::ApiConfig reloaded = TestApiConfig();
  reloaded.tokens = {{"new-reader", TokenAuthenticator::Sha256Hex("fresh"), config::Role::kRead}};
  server.server().UpdateSecurity(reloaded);

  auto old_token = Get(kHost, server.port(), "/api/v1/jobs", WithToken(kReadToken));
  auto new_token = Get(kHost, server.port(), "/api/v1/jobs", WithToken("fresh"));
  ASSERT_TRUE(old_token.ok() && new_token.ok());
  EXPECT_EQ(old_token->status, 401u);
  EXPECT_EQ(new_token->status, 200u);
}

TEST(ApiServerLifecycle, StopLetsARequestInFlightFinishThenRefusesConnections) {
  Gate gate;
  TestServer server(TestApiConfig(), HealthRouter([&gate](const HttpRequest&) { return gate.Pass(); }));
  ASSERT_TRUE(server.Start().ok());
  const std::uint16_t port = server.port();
  auto in_flight = std::async(std::launch::async, [port] { return Get(kHost, port, "/health"); });
  ASSERT_TRUE(gate.WaitEntered());

  server.server().Stop();
  gate.Open();
  auto result = in_flight.get();
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 200u);
  EXPECT_EQ(result->body, "finished");
  EXPECT_EQ(result->Header("connection"), "close");
  EXPECT_TRUE(server.server().WaitUntilIdle(kDeadline));
  EXPECT_FALSE(Get(kHost, port, "/health").ok());
}

TEST(ApiServerLifecycle, StopClosesIdleKeepAliveConnections) {
  TestServer server(TestApiConfig(), HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  auto connection = HttpConnection::Open(kHost, server.port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection->Send("GET", "/health").ok());
  EXPECT_EQ(server.server().connection_count(), 1u);

  server.server().Stop();
  EXPECT_TRUE(server.server().WaitUntilIdle(kDeadline));
  EXPECT_FALSE(connection->Send("GET", "/health").ok());
}

TEST(ApiServerLifecycle, ClientSendingHalfARequestIsDisconnectedAfterTheTimeout) {
  config::ApiConfig config = TestApiConfig();
  config.request_timeout = milliseconds(300);
  TestServer server(config, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  auto connection = RawConnection::Open(kHost, server.port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection->Send("GET /health HTTP/1.1\r\nHost: x\r\n").ok());
  auto received = connection->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(*received, "");
}

TEST(ApiServerLifecycle, AConnectionWaitingForARequestIsClosedAfterTheIdleTimeout) {
  config::ApiConfig config = TestApiConfig();
  config.request_timeout = milliseconds(60'000);  // longer than the wait below: only the idle timeout ends it
  config.idle_timeout = milliseconds(200);
  TestServer server(config, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  auto silent = RawConnection::Open(kHost, server.port());
  ASSERT_TRUE(silent.ok()) << silent.status().ToString();
  auto nothing = silent->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_EQ(*nothing, "");

  auto kept = RawConnection::Open(kHost, server.port());
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  ASSERT_TRUE(kept->Send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").ok());
  auto answered = kept->ReadUntilClosed(kDeadline);  // answered, then idle between requests until closed
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->rfind("HTTP/1.1 200", 0), 0u) << *answered;
}

TEST(ApiServerLifecycle, AConnectionClosesWhileTheWorkerThatAnsweredItStillHoldsItsTask) {
  // The connection must end on its own strand: were it left to the worker's copy of the task, it would end
  // (closing its socket, calling the observers) on that thread after the server had drained and its owner
  // had gone.
  HoldingWorker worker;
  TestServer server(TestApiConfig(), HealthRouter(), {}, worker.RunBlocking());
  ASSERT_TRUE(server.Start().ok());
  auto answered = Get(kHost, server.port(), "/health");
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->status, 200u);

  server.server().Stop();
  EXPECT_TRUE(server.server().WaitUntilIdle(kDeadline)) << "the worker's task keeps the connection open";
  EXPECT_TRUE(server.WaitForEvents(ConnectionEvent::kClosed, 1, kDeadline));
  worker.Release();
}

TEST(ApiServerLifecycle, WorkerPoolRefusingATaskIsServiceUnavailable) {
  TestServer server(TestApiConfig(), HealthRouter(), {},
                    [](const std::function<void()>&) { throw std::runtime_error("pool stopped"); });
  ASSERT_TRUE(server.Start().ok());
  auto result = Get(kHost, server.port(), "/health");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 503u);
  EXPECT_NE(result->body.find(R"("code":"unavailable")"), std::string::npos) << result->body;
}

TEST(ApiServerLifecycle, AnInlineRouteIsAnsweredWithoutTheWorkerPool) {
  // The pool refuses every task: only the inline route can answer, authenticated, twice on one connection.
  Router router;
  ASSERT_TRUE(router
                  .Add(
                      "GET", "/card", config::Role::kRead,
                      [](const HttpRequest& request) { return HttpResponse::Text(200, request.principal); },
                      UnderLoad::kRefused, Execution::kInline)
                  .ok());
  ASSERT_TRUE(
      router
          .Add("GET", "/jobs", config::Role::kRead, [](const HttpRequest&) { return HttpResponse::Text(200, "jobs"); })
          .ok());
  TestServer server(TestApiConfig(), std::move(router), {},
                    [](const std::function<void()>&) { throw std::runtime_error("pool stopped"); });
  ASSERT_TRUE(server.Start().ok());
  RequestOptions options;
  options.bearer_token = kReadToken;
  auto connection = HttpConnection::Open(kHost, server.port(), options);
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  for (int i = 0; i < 2; ++i) {
    auto card = connection->Send("GET", "/card");
    ASSERT_TRUE(card.ok()) << "request " << i << ": " << card.status().ToString();
    EXPECT_EQ(card->status, 200u);
    EXPECT_EQ(card->body, "reader");
    EXPECT_NE(card->Header("connection"), "close");
  }
  auto jobs = Get(kHost, server.port(), "/jobs", options);
  ASSERT_TRUE(jobs.ok()) << jobs.status().ToString();
  EXPECT_EQ(jobs->status, 503u);
  auto anonymous = Get(kHost, server.port(), "/card");
  ASSERT_TRUE(anonymous.ok()) << anonymous.status().ToString();
  EXPECT_EQ(anonymous->status, 401u);
}

}  // namespace
}  // namespace hub::api::test
