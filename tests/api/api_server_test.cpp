// The server end to end over plain HTTP: routing, authentication, limits, keep-alive, metrics.
#include "api/api_server.hpp"

#include <algorithm>
#include <stdexcept>

#include <gtest/gtest.h>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "api/token_authenticator.hpp"
#include "support/http_client.hpp"
#include "test_server.hpp"

namespace hub::api::test {
namespace {

using hub::test::Get;
using hub::test::HttpConnection;
using hub::test::HttpResult;
using hub::test::Post;
using hub::test::RawConnection;
using hub::test::RequestOptions;
using std::chrono::milliseconds;

constexpr const char* kHost = "127.0.0.1";
constexpr milliseconds kDeadline{10'000};

// Echoes what the handler saw, so tests can check routing, decoding and authentication.
HttpResponse Echo(const HttpRequest& request) {
  boost::json::object params, query;
  for (const auto& [name, value] : request.params) params[name] = value;
  for (const auto& [name, value] : request.query) query[name] = value;
  boost::json::object echo;
  echo["params"] = std::move(params);
  echo["query"] = std::move(query);
  echo["principal"] = request.principal;
  echo["role"] = request.role ? boost::json::value(RoleName(*request.role)) : boost::json::value(nullptr);
  echo["body"] = request.body;
  return HttpResponse::Json(200, echo);
}

Router TestRouter() {
  Router router;
  EXPECT_TRUE(router.Add("GET", "/health", std::nullopt, Echo).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/jobs", config::Role::kRead, Echo).ok());
  EXPECT_TRUE(router.Add("POST", "/api/v1/jobs/{name}/run", config::Role::kOperate, Echo).ok());
  EXPECT_TRUE(router.Add("POST", "/api/v1/admin", config::Role::kAdmin, Echo).ok());
  EXPECT_TRUE(router
                  .Add("GET", "/boom", std::nullopt,
                       [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("kaput"); })
                  .ok());
  return router;
}

RequestOptions WithToken(std::string token) {
  RequestOptions options;
  options.bearer_token = std::move(token);
  return options;
}

// Checks the API error shape and returns the code.
std::string ErrorCode(const HttpResult& result) {
  EXPECT_EQ(result.Header("content-type"), "application/json");
  boost::json::value body = boost::json::parse(result.body);
  const auto& error = body.as_object().at("error").as_object();
  EXPECT_EQ(body.as_object().size(), 1u);
  EXPECT_EQ(error.size(), 2u);
  EXPECT_TRUE(error.at("message").is_string());
  return std::string(error.at("code").as_string());
}

class ApiServerTest : public ::testing::Test {
 protected:
  void StartServer(const config::ApiConfig& config = TestApiConfig(), ApiLimits limits = {}) {
    server_ = std::make_unique<TestServer>(config, TestRouter(), limits);
    ASSERT_TRUE(server_->Start().ok());
  }
  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<TestServer> server_;
};

TEST_F(ApiServerTest, RoutesWithDecodedParamsAndQueryAndNamesThePrincipal) {
  StartServer();
  auto result = Post(kHost, port(), "/api/v1/jobs/crm%20sync/run?full=1&who=a+b", "{}", WithToken(kOperateToken));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 200u);
  EXPECT_EQ(boost::json::parse(result->body),
            boost::json::parse(R"({"params":{"name":"crm sync"},"query":{"full":"1","who":"a b"},
                                   "principal":"operator","role":"operate","body":"{}"})"));
  EXPECT_EQ(result->Header("server").rfind("hub/", 0), 0u);
}

TEST_F(ApiServerTest, UnknownPathIsNotFound) {
  StartServer();
  auto result = Get(kHost, port(), "/nope", WithToken(kAdminToken));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 404u);
  EXPECT_EQ(ErrorCode(*result), "not_found");
}

TEST_F(ApiServerTest, KnownPathWithAnotherMethodIsMethodNotAllowedWithAllow) {
  StartServer();
  auto result = Get(kHost, port(), "/api/v1/jobs/crm/run", WithToken(kAdminToken));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 405u);
  EXPECT_EQ(ErrorCode(*result), "method_not_allowed");
  EXPECT_EQ(result->Header("allow"), "POST");
}

struct AuthCase {
  const char* method;
  const char* target;
  std::string token;
  unsigned status;
  const char* code;  // "" for success
};

TEST_F(ApiServerTest, AuthenticatesTokensAndEnforcesRoles) {
  const AuthCase cases[] = {
      {"GET", "/api/v1/jobs", "", 401, "unauthorized"},
      {"GET", "/api/v1/jobs", "unknown-token", 401, "unauthorized"},
      {"GET", "/api/v1/jobs", kReadToken, 200, ""},
      {"POST", "/api/v1/jobs/crm/run", kReadToken, 403, "forbidden"},
      {"POST", "/api/v1/jobs/crm/run", kOperateToken, 200, ""},
      {"POST", "/api/v1/admin", kOperateToken, 403, "forbidden"},
      {"POST", "/api/v1/admin", kAdminToken, 200, ""},
      {"GET", "/health", "", 200, ""},
      {"GET", "/health", "unknown-token", 200, ""},
  };
  StartServer();
  for (const auto& test : cases) {
    SCOPED_TRACE(std::string(test.method) + " " + test.target + " token '" + test.token + "'");
    auto result = hub::test::Request(test.method, kHost, port(), test.target, {}, WithToken(test.token));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, test.status);
    if (test.status != 200) {
      EXPECT_EQ(ErrorCode(*result), test.code);
    }
    EXPECT_EQ(result->Header("www-authenticate").rfind("Bearer", 0) == 0, test.status == 401);
  }
}

TEST_F(ApiServerTest, AnOpenRouteLearnsTheRoleOfAKnownTokenAndNothingOfAnUnknownOne) {
  StartServer();
  const std::pair<std::string, boost::json::value> cases[] = {
      {kReadToken, "read"}, {kAdminToken, "admin"}, {"unknown-token", nullptr}, {"", nullptr}};
  for (const auto& [token, role] : cases) {
    SCOPED_TRACE("token '" + token + "'");
    auto result = Get(kHost, port(), "/health", WithToken(token));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->status, 200u);
    EXPECT_EQ(boost::json::parse(result->body).at("role"), role);
  }
}

TEST_F(ApiServerTest, AllowsEverythingWhenAuthIsNotRequired) {
  config::ApiConfig config = TestApiConfig();
  config.auth_required = false;
  StartServer(config);
  auto result = Post(kHost, port(), "/api/v1/admin", "{}");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 200u);
  EXPECT_EQ(boost::json::parse(result->body).at("role"), "admin");  // everyone acts as an operator
}

TEST_F(ApiServerTest, BodyOverTheLimitIsPayloadTooLargeAndTheServerGoesOn) {
  config::ApiConfig config = TestApiConfig();
  config.max_body_bytes = 1024;
  StartServer(config);
  auto result =
      Post(kHost, port(), "/api/v1/jobs/crm/run", std::string(std::size_t{256} * 1024, 'x'), WithToken(kOperateToken));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 413u);
  EXPECT_EQ(ErrorCode(*result), "payload_too_large");
  auto after = Post(kHost, port(), "/api/v1/jobs/crm/run", std::string(1024, 'x'), WithToken(kOperateToken));
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->status, 200u);
}

TEST_F(ApiServerTest, AnswersExpectContinueBeforeTheBodyIsSent) {
  StartServer();
  auto connection = RawConnection::Open(kHost, port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection
                  ->Send("POST /api/v1/admin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer admin-secret\r\n"
                         "Expect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n")
                  .ok());
  auto go_ahead = connection->ReadUntil("\r\n\r\n", kDeadline);
  ASSERT_TRUE(go_ahead.ok()) << go_ahead.status().ToString();
  EXPECT_EQ(go_ahead->rfind("HTTP/1.1 100 Continue\r\n", 0), 0u) << *go_ahead;
  ASSERT_TRUE(connection->Send("hello").ok());
  auto response = connection->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->rfind("HTTP/1.1 200", 0), 0u) << *response;
  EXPECT_NE(response->find(R"("body":"hello")"), std::string::npos) << *response;
}

TEST_F(ApiServerTest, RefusesAnOversizedBodyWithoutAskingForIt) {
  StartServer();
  auto connection = RawConnection::Open(kHost, port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection
                  ->Send("POST /api/v1/admin HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                         "Content-Length: 100000000\r\n\r\n")
                  .ok());
  auto response = connection->ReadUntil("payload_too_large", kDeadline);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->rfind("HTTP/1.1 413", 0), 0u) << *response;
}

TEST_F(ApiServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  auto connection = HttpConnection::Open(kHost, port(), WithToken(kReadToken));
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  for (int i = 0; i < 2; ++i) {
    auto result = connection->Send("GET", "/api/v1/jobs");
    ASSERT_TRUE(result.ok()) << "request " << i << ": " << result.status().ToString();
    EXPECT_EQ(result->status, 200u);
    EXPECT_NE(result->Header("connection"), "close");
  }
  EXPECT_EQ(server_->server().connection_count(), 1u);
}

TEST_F(ApiServerTest, HandlerExceptionIsAnInternalErrorAndTheServerGoesOn) {
  StartServer();
  auto result = Get(kHost, port(), "/boom");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 500u);
  EXPECT_EQ(ErrorCode(*result), "internal_error");
  auto after = Get(kHost, port(), "/health");
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->status, 200u);
}

TEST_F(ApiServerTest, MalformedTargetIsBadRequest) {
  StartServer();
  auto connection = RawConnection::Open(kHost, port());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE(connection->Send("GET /health%zz HTTP/1.1\r\nHost: x\r\n\r\n").ok());
  auto response = connection->ReadUntilClosed(kDeadline);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->rfind("HTTP/1.1 400", 0), 0u) << *response;
  EXPECT_NE(response->find(R"("code":"bad_request")"), std::string::npos) << *response;
}

TEST_F(ApiServerTest, ReportsEachRequestByRoutePatternNeverByRawPath) {
  StartServer();
  ASSERT_TRUE(Post(kHost, port(), "/api/v1/jobs/crm/run", "", WithToken(kOperateToken)).ok());
  ASSERT_TRUE(Get(kHost, port(), "/no/such/path").ok());
  auto metrics = server_->WaitForMetrics(2, kDeadline);
  ASSERT_EQ(metrics.size(), 2u);
  std::sort(metrics.begin(), metrics.end(), [](const auto& a, const auto& b) { return a.route < b.route; });
  EXPECT_EQ(metrics[0].route, "/api/v1/jobs/{name}/run");
  EXPECT_EQ(metrics[0].method, "POST");
  EXPECT_EQ(metrics[0].status, 200u);
  EXPECT_GE(metrics[0].duration_seconds, 0.0);
  EXPECT_EQ(metrics[1].route, "unmatched");
  EXPECT_EQ(metrics[1].status, 404u);
}

}  // namespace
}  // namespace hub::api::test
