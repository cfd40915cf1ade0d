#include "api/http_types.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace hub::api {
namespace {

TEST(HttpResponse, ErrorHasExactlyTheApiErrorShape) {
  HttpResponse response = HttpResponse::Error(409, "already_running", "job \"crm\" is running");
  EXPECT_EQ(response.status, 409u);
  EXPECT_EQ(response.content_type, "application/json");
  boost::json::value expected =
      boost::json::parse(R"({"error":{"code":"already_running","message":"job \"crm\" is running"}})");
  EXPECT_EQ(boost::json::parse(response.body), expected);
}

TEST(HttpResponse, JsonSerializesTheValue) {
  HttpResponse response = HttpResponse::Json(202, boost::json::parse(R"({"job":"crm","result":"started"})"));
  EXPECT_EQ(response.status, 202u);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"job":"crm","result":"started"})");
}

TEST(HttpRequest, LooksUpHeadersInAnyCaseAndQueryParameters) {
  HttpRequest request;
  request.headers = {{"authorization", "Bearer x"}};
  request.query = {{"phone", "+49"}};
  EXPECT_EQ(request.Header("Authorization"), "Bearer x");
  EXPECT_EQ(request.Header("X-Missing"), "");
  EXPECT_EQ(request.Query("phone"), "+49");
  EXPECT_EQ(request.Query("email"), "");
}

}  // namespace
}  // namespace hub::api
