// HEAD over real sockets: answered as GET without a body, on every GET route, keeping the connection in step.
#include "api/api_server.hpp"

#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "test_server.hpp"

namespace hub::api::test {
namespace {

using hub::test::HttpConnection;
using hub::test::RawConnection;
using hub::test::RequestOptions;
using std::chrono::milliseconds;

constexpr const char* kHost = "127.0.0.1";
constexpr milliseconds kDeadline{10'000};
constexpr const char* kHealthBody = R"({"status":"ok","about":"a body long enough to notice"})";

Router HeadRouter() {
  Router router;
  auto health = [](const HttpRequest&) { return HttpResponse::Text(200, kHealthBody, "application/json"); };
  auto jobs = [](const HttpRequest&) { return HttpResponse::Text(200, "jobs"); };
  EXPECT_TRUE(router.Add("GET", "/health", std::nullopt, health).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/jobs", config::Role::kRead, jobs).ok());
  EXPECT_TRUE(router.Add("POST", "/api/v1/jobs", config::Role::kOperate, jobs).ok());
  EXPECT_TRUE(
      router.Add("POST", "/api/v1/run", config::Role::kOperate, [](const HttpRequest&) { return HttpResponse{}; })
          .ok());
  return router;
}

class ApiServerHeadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(TestApiConfig(), HeadRouter());
    ASSERT_TRUE(server_->Start().ok());
  }
  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<TestServer> server_;
};

TEST_F(ApiServerHeadTest, HeadThenGetOnOneConnectionGetsTwoWholeAnswers) {
  auto connection = RawConnection::Open(kHost, port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection
                  ->Send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n"
                         "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .ok());
  auto received = connection->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  const std::string length = "Content-Length: " + std::to_string(std::string(kHealthBody).size()) + "\r\n";

  const std::size_t head_end = received->find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos) << *received;
  const std::string head = received->substr(0, head_end + 4);
  const std::string rest = received->substr(head_end + 4);
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find(length), std::string::npos) << head;
  EXPECT_EQ(rest.rfind("HTTP/1.1 200", 0), 0u) << "the HEAD answer carried a body: " << rest;
  EXPECT_NE(rest.find(length), std::string::npos) << rest;
  EXPECT_EQ(rest.substr(rest.size() - std::string(kHealthBody).size()), kHealthBody);
}

TEST_F(ApiServerHeadTest, HeadOnEveryGetRouteAnswersItsStatusAndHeadersWithoutABody) {
  RequestOptions reader;
  reader.bearer_token = kReadToken;
  auto connection = HttpConnection::Open(kHost, port(), reader);
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  for (const char* target : {"/health", "/api/v1/jobs"}) {
    SCOPED_TRACE(target);
    auto head = connection->Send("HEAD", target);
    auto get = connection->Send("GET", target);
    ASSERT_TRUE(head.ok() && get.ok()) << head.status().ToString() << " / " << get.status().ToString();
    EXPECT_EQ(head->status, 200u);
    EXPECT_EQ(head->body, "");
    EXPECT_EQ(head->Header("content-length"), std::to_string(get->body.size()));
    EXPECT_EQ(head->Header("content-type"), get->Header("content-type"));
  }
}

TEST_F(ApiServerHeadTest, HeadIsRefusedLikeGetAndErrorsHaveNoBodyEither) {
  struct Case {
    const char* target;
    unsigned status;
  };
  for (const Case& test : {Case{"/api/v1/jobs", 401}, Case{"/nope", 404}, Case{"/api/v1/run", 405}}) {
    SCOPED_TRACE(test.target);
    auto connection = RawConnection::Open(kHost, port());
    ASSERT_TRUE(connection.ok()) << connection.status().ToString();
    ASSERT_TRUE(
        connection->Send(std::string("HEAD ") + test.target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .ok());
    auto received = connection->ReadUntilClosed(kDeadline);
    ASSERT_TRUE(received.ok()) << received.status().ToString();
    EXPECT_EQ(received->rfind("HTTP/1.1 " + std::to_string(test.status), 0), 0u) << *received;
    EXPECT_EQ(received->find("\r\n\r\n") + 4, received->size()) << "a body followed: " << *received;
  }
}

TEST_F(ApiServerHeadTest, AllowNamesHeadWhereGetIsAllowed) {
  auto connection = RawConnection::Open(kHost, port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection->Send("DELETE /api/v1/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").ok());
  auto received = connection->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->rfind("HTTP/1.1 405", 0), 0u) << *received;
  EXPECT_NE(received->find("Allow: GET, HEAD, POST\r\n"), std::string::npos) << *received;
}

}  // namespace
}  // namespace hub::api::test
