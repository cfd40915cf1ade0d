#include "service/routes_sink_fixture.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace hub::service::test {

void RoutesSinkTest::TearDown() {
  server_.reset();
  SinkTest::TearDown();
}

void RoutesSinkTest::Serve(api::Router router) {
  server_.reset();
  server_ = std::make_unique<api::test::TestServer>(api::test::TestApiConfig(), std::move(router));
  ASSERT_TRUE(server_->Start().ok());
}

hub::test::HttpResult RoutesSinkTest::Send(const std::string& method, const std::string& target,
                                           const std::string& body, const std::string& token) {
  hub::test::RequestOptions options;
  options.bearer_token = token;
  auto result = hub::test::Request(method, "127.0.0.1", server_->port(), target, body, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : hub::test::HttpResult{};
}

}  // namespace hub::service::test
