// Delivery over HTTPS to a server with a self-signed certificate: verified by default, trusted with ca_file.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/recording_server.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certificate.hpp"
#include "webhook/webhook_sender.hpp"
#include "webhook_test_support.hpp"

namespace hub::webhook::test {
namespace {

using hub::test::RecordingServer;

class WebhookTls : public ::testing::Test {
 protected:
  void SetUp() override {
    auto files = hub::test::WriteSelfSignedCertificate(folder_.path());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_ = *files;
  }

  sdk::Result<std::size_t> DeliverWith(sdk::Options values) {
    sdk::Result<WebhookOptions> options = ParseWebhookOptions(values);
    if (!options.ok()) return options.status();
    sdk::Result<WebhookSender> sender = WebhookSender::Create(*options);
    if (!sender.ok()) return sender.status();
    return sender->Deliver({PartyEvent("1")});
  }

  hub::test::TempDir folder_;
  hub::test::CertificateFiles files_;
};

TEST_F(WebhookTls, RefusesAServerCertificateItDoesNotTrustByDefaultAsRetryLater) {
  RecordingServer server(files_);
  sdk::Result<std::size_t> result = DeliverWith(sdk::Options({{"url", server.Url()}}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kUnavailable) << result.status().ToString();
  EXPECT_THAT(result.status().message(), ::testing::HasSubstr("certificate"));
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(WebhookTls, DeliversWhenCaFileTrustsTheServerCertificate) {
  RecordingServer server(files_);
  sdk::Result<std::size_t> result =
      DeliverWith(sdk::Options({{"url", server.Url()}, {"ca_file", files_.certificate.string()}}));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(*result, 1u);
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].Header("idempotency-key"), "evt-1");
}

TEST_F(WebhookTls, DeliversWithoutVerificationWhenTurnedOff) {
  RecordingServer server(files_);
  sdk::Result<std::size_t> result = DeliverWith(sdk::Options({{"url", server.Url()}, {"verify_tls", "false"}}));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(server.requests().size(), 1u);
}

}  // namespace
}  // namespace hub::webhook::test
