#include "api/router.hpp"

#include <gtest/gtest.h>

namespace hub::api {
namespace {

Handler Answer(const std::string& body) {
  return [body](const HttpRequest&) { return HttpResponse::Text(200, body); };
}

Router JobsRouter() {
  Router router;
  EXPECT_TRUE(router.Add("GET", "/api/v1/jobs", config::Role::kRead, Answer("list")).ok());
  EXPECT_TRUE(router.Add("POST", "/api/v1/jobs/{name}/run", config::Role::kOperate, Answer("run")).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/jobs/{name}/run", config::Role::kRead, Answer("status")).ok());
  EXPECT_TRUE(router.Add("GET", "/health", std::nullopt, Answer("health")).ok());
  return router;
}

struct FoundCase {
  std::string method;
  std::string path;
  std::string pattern;
  std::map<std::string, std::string> params;
};

TEST(Router, FindsTheRouteAndDecodesItsParameters) {
  const FoundCase cases[] = {
      {"GET", "/api/v1/jobs", "/api/v1/jobs", {}},
      {"POST", "/api/v1/jobs/nightly/run", "/api/v1/jobs/{name}/run", {{"name", "nightly"}}},
      {"POST", "/api/v1/jobs/crm%20sync/run", "/api/v1/jobs/{name}/run", {{"name", "crm sync"}}},
      {"POST", "/api/v1/jobs/a%2Fb/run", "/api/v1/jobs/{name}/run", {{"name", "a/b"}}},
      {"GET", "/api/v1/jobs/x/run", "/api/v1/jobs/{name}/run", {{"name", "x"}}},
      {"GET", "/health", "/health", {}},
  };
  Router router = JobsRouter();
  for (const auto& test : cases) {
    Router::Match match = router.Find(test.method, test.path);
    ASSERT_NE(match.route, nullptr) << test.method << " " << test.path;
    EXPECT_EQ(match.route->method, test.method);
    EXPECT_EQ(match.pattern, test.pattern);
    EXPECT_EQ(match.params, test.params) << test.path;
  }
}

TEST(Router, UnknownPathHasNeitherRouteNorAllowedMethods) {
  Router router = JobsRouter();
  for (const char* path : {"/", "/api/v1", "/api/v1/jobs/", "/api/v1/jobs/x", "/api/v1/jobs//run", "/healthz"}) {
    Router::Match match = router.Find("GET", path);
    EXPECT_EQ(match.route, nullptr) << path;
    EXPECT_TRUE(match.allowed_methods.empty()) << path;
    EXPECT_EQ(match.pattern, "") << path;
  }
}

TEST(Router, KnownPathWithAnotherMethodListsTheAllowedOnes) {
  Router router = JobsRouter();
  Router::Match match = router.Find("DELETE", "/api/v1/jobs/nightly/run");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.pattern, "/api/v1/jobs/{name}/run");
  EXPECT_EQ(JoinMethods(match.allowed_methods), "POST, GET, HEAD");
}

TEST(Router, HeadFindsTheGetRouteUnlessAHeadRouteWasAdded) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/jobs/{name}", std::nullopt, Answer("get")).ok());
  ASSERT_TRUE(router.Add("GET", "/health", std::nullopt, Answer("get")).ok());
  ASSERT_TRUE(router.Add("HEAD", "/health", std::nullopt, Answer("head")).ok());
  Router::Match as_get = router.Find("HEAD", "/jobs/nightly");
  ASSERT_NE(as_get.route, nullptr);
  EXPECT_EQ(as_get.route->method, "GET");
  EXPECT_EQ(as_get.params.at("name"), "nightly");
  Router::Match own = router.Find("HEAD", "/health");
  ASSERT_NE(own.route, nullptr);
  EXPECT_EQ(own.route->method, "HEAD");
  EXPECT_EQ(JoinMethods(router.Find("POST", "/health").allowed_methods), "GET, HEAD");
}

TEST(Router, RoutesAreRefusedUnderLoadUnlessMarkedServed) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/health", std::nullopt, Answer("ok"), UnderLoad::kServed).ok());
  ASSERT_TRUE(router.Add("GET", "/jobs", std::nullopt, Answer("ok")).ok());
  EXPECT_EQ(router.Find("GET", "/health").route->under_load, UnderLoad::kServed);
  EXPECT_EQ(router.Find("GET", "/jobs").route->under_load, UnderLoad::kRefused);
}

TEST(Router, RoutesRunOnWorkersUnlessMarkedInline) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/card", std::nullopt, Answer("ok"), UnderLoad::kRefused, Execution::kInline).ok());
  ASSERT_TRUE(router.Add("GET", "/jobs", std::nullopt, Answer("ok")).ok());
  EXPECT_EQ(router.Find("GET", "/card").route->execution, Execution::kInline);
  EXPECT_EQ(router.Find("GET", "/jobs").route->execution, Execution::kWorker);
}

TEST(Router, RefusesMalformedPatternsAndDuplicates) {
  Router router = JobsRouter();
  const std::pair<std::string, std::string> bad[] = {
      {"GET", ""},      {"GET", "health"}, {"GET", "/a//b"}, {"GET", "/a/"},     {"GET", "/a/{}"},
      {"GET", "/a/{x"}, {"GET", "/a/x}"},  {"", "/a"},       {"GET", "/health"}, {"POST", "/api/v1/jobs/{other}/run"},
  };
  for (const auto& [method, pattern] : bad) {
    EXPECT_FALSE(router.Add(method, pattern, std::nullopt, Answer("x")).ok()) << method << " " << pattern;
  }
  EXPECT_FALSE(router.Add("GET", "/ok", std::nullopt, nullptr).ok());
  EXPECT_EQ(router.routes().size(), 4u);
}

TEST(Router, FirstAddedRouteWinsWhenPatternsOverlap) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/jobs/latest", std::nullopt, Answer("literal")).ok());
  ASSERT_TRUE(router.Add("GET", "/jobs/{name}", std::nullopt, Answer("param")).ok());
  EXPECT_EQ(router.Find("GET", "/jobs/latest").pattern, "/jobs/latest");
  EXPECT_EQ(router.Find("GET", "/jobs/other").pattern, "/jobs/{name}");
}

TEST(Router, MatchesTheRootPattern) {
  Router router;
  ASSERT_TRUE(router.Add("GET", "/", std::nullopt, Answer("root")).ok());
  EXPECT_NE(router.Find("GET", "/").route, nullptr);
  EXPECT_EQ(router.Find("GET", "/x").route, nullptr);
}

}  // namespace
}  // namespace hub::api
