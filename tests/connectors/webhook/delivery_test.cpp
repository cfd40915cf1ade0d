// Delivery to a real HTTP server on loopback: what is sent, and what each answer means.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "support/recording_server.hpp"
#include "webhook/webhook_sender.hpp"
#include "webhook_test_support.hpp"

namespace hub::webhook::test {
namespace {

using hub::test::ClosedPort;
using hub::test::RecordedRequest;
using hub::test::RecordingServer;

using ::testing::HasSubstr;
using ::testing::Not;

WebhookSender SenderTo(const std::string& url, const std::string& secret = "s3cret",
                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  WebhookOptions options;
  options.url = url;
  options.secret = secret;
  options.timeout = timeout;
  sdk::Result<WebhookSender> sender = WebhookSender::Create(options);
  EXPECT_TRUE(sender.ok()) << sender.status().ToString();
  return std::move(sender).value();
}

TEST(WebhookDelivery, PostsEachEventAsJsonWithItsIdAsIdempotencyKeyAndASignatureThatVerifies) {
  RecordingServer server;
  WebhookSender sender = SenderTo(server.Url());
  sdk::Result<std::size_t> accepted = sender.Deliver({PartyEvent("42"), PartyEvent("43")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 2u);

  const std::vector<RecordedRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  const RecordedRequest& first = requests[0];
  EXPECT_EQ(first.method, "POST");
  EXPECT_EQ(first.target, "/events");
  EXPECT_EQ(first.Header("idempotency-key"), "evt-42");
  EXPECT_EQ(first.Header("x-hub-event"), "party.updated");
  EXPECT_EQ(first.Header("content-type"), "application/json");
  EXPECT_EQ(first.Header("x-hub-signature-256"), ExpectedSignature("s3cret", first.body));
  EXPECT_EQ(first.body, R"({"event_id":"evt-42","kind":"party.updated","entity":"party","id":"42",)"
                        R"("occurred_at":"2026-01-05T10:00:00.123Z","payload":{"name":"42 Co"}})");
  EXPECT_EQ(requests[1].Header("idempotency-key"), "evt-43");
  EXPECT_EQ(boost::json::parse(requests[1].body).at("payload").at("name").as_string(), "43 Co");
}

TEST(WebhookDelivery, SendsNoSignatureWithoutASecret) {
  RecordingServer server;
  WebhookSender sender = SenderTo(server.Url(), "");
  ASSERT_TRUE(sender.Deliver({PartyEvent("1")}).ok());
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].headers.count("x-hub-signature-256"), 0u);
}

TEST(WebhookDelivery, AServerErrorIsUnavailableAndTheRetryCarriesTheSameKeyAndBody) {
  RecordingServer server;
  server.ScriptStatuses({503});
  WebhookSender sender = SenderTo(server.Url());
  sdk::Result<std::size_t> failed = sender.Deliver({PartyEvent("7")});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(failed.status().message(), HasSubstr("event evt-7: the endpoint answered HTTP 503"));

  sdk::Result<std::size_t> retried = sender.Deliver({PartyEvent("7")});
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(*retried, 1u);
  const std::vector<RecordedRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].Header("idempotency-key"), "evt-7");
  EXPECT_EQ(requests[1].Header("idempotency-key"), "evt-7");
  EXPECT_EQ(requests[0].body, requests[1].body);
}

struct StatusCase {
  const char* name;
  unsigned http_status;
  sdk::StatusCode code;
};

class WebhookAnswers : public ::testing::TestWithParam<StatusCase> {};

TEST_P(WebhookAnswers, MapToRetryLaterOrRefusedForGood) {
  RecordingServer server;
  server.ScriptStatuses({GetParam().http_status});
  WebhookSender sender = SenderTo(server.Url());
  sdk::Result<std::size_t> result = sender.Deliver({PartyEvent("1")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), GetParam().code) << result.status().ToString();
  EXPECT_THAT(result.status().message(), HasSubstr("HTTP " + std::to_string(GetParam().http_status)));
  EXPECT_THAT(result.status().message(), Not(HasSubstr("s3cret")));
}

INSTANTIATE_TEST_SUITE_P(Cases, WebhookAnswers,
                         ::testing::Values(StatusCase{"InternalError", 500, sdk::StatusCode::kUnavailable},
                                           StatusCase{"BadGateway", 502, sdk::StatusCode::kUnavailable},
                                           StatusCase{"TooManyRequests", 429, sdk::StatusCode::kUnavailable},
                                           StatusCase{"RequestTimeout", 408, sdk::StatusCode::kUnavailable},
                                           StatusCase{"BadRequest", 400, sdk::StatusCode::kDataError},
                                           StatusCase{"Unauthorized", 401, sdk::StatusCode::kDataError},
                                           StatusCase{"Unprocessable", 422, sdk::StatusCode::kDataError},
                                           StatusCase{"Redirect", 301, sdk::StatusCode::kDataError}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(WebhookDelivery, ALaterFailureAnswersTheAcceptedPrefixAndTheFailingEventComesFirstNextTime) {
  RecordingServer server;
  server.ScriptStatuses({200, 200, 500});
  WebhookSender sender = SenderTo(server.Url());
  sdk::Result<std::size_t> accepted =
      sender.Deliver({PartyEvent("1"), PartyEvent("2"), PartyEvent("3"), PartyEvent("4")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 2u);
  EXPECT_EQ(server.requests().size(), 3u);  // nothing after the failing one

  server.ScriptStatuses({400});
  sdk::Result<std::size_t> refused = sender.Deliver({PartyEvent("3"), PartyEvent("4")});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(refused.status().message(), HasSubstr("evt-3"));
}

TEST(WebhookDelivery, AnInvalidPayloadIsRefusedForGoodWithoutARequest) {
  RecordingServer server;
  WebhookSender sender = SenderTo(server.Url());
  sdk::OutboundEvent event = PartyEvent("1");
  event.payload_json = "{not json";
  sdk::Result<std::size_t> result = sender.Deliver({event});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kDataError);
  EXPECT_TRUE(server.requests().empty());
}

TEST(WebhookDelivery, AClosedPortIsUnavailable) {
  WebhookSender sender = SenderTo("http://127.0.0.1:" + std::to_string(ClosedPort()) + "/events");
  sdk::Result<std::size_t> result = sender.Deliver({PartyEvent("1")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kUnavailable) << result.status().ToString();
  EXPECT_THAT(result.status().message(), HasSubstr("event evt-1: POST http://127.0.0.1:"));
}

TEST(WebhookDelivery, AFailureNamesTheUrlWithoutTheCredentialsItCarries) {
  WebhookSender sender =
      SenderTo("http://hub:pa55word@127.0.0.1:" + std::to_string(ClosedPort()) + "/events?token=t0ken");
  sdk::Result<std::size_t> result = sender.Deliver({PartyEvent("1")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kUnavailable) << result.status().ToString();
  EXPECT_THAT(result.status().message(), HasSubstr("event evt-1: POST http://127.0.0.1:"));
  EXPECT_THAT(result.status().message(), Not(HasSubstr("pa55word")));
  EXPECT_THAT(result.status().message(), Not(HasSubstr("t0ken")));
}

TEST(WebhookDelivery, AServerThatNeverAnswersTimesOutAsUnavailable) {
  RecordingServer server;
  server.StopAnswering();
  WebhookSender sender = SenderTo(server.Url(), "s3cret", std::chrono::milliseconds(300));
  sdk::Result<std::size_t> result = sender.Deliver({PartyEvent("1")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kUnavailable) << result.status().ToString();
  EXPECT_THAT(result.status().message(), HasSubstr("timed out"));
}

TEST(WebhookDelivery, NoEventsSendNothing) {
  RecordingServer server;
  WebhookSender sender = SenderTo(server.Url());
  sdk::Result<std::size_t> result = sender.Deliver({});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, 0u);
  EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace hub::webhook::test
