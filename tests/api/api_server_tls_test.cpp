// The server over TLS, with a certificate made for the test.
#include "api/api_server.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_certificate.hpp"
#include "test_server.hpp"

namespace hub::api::test {
namespace {

using hub::test::Get;
using hub::test::HttpConnection;
using hub::test::RawConnection;
using hub::test::RequestOptions;
using hub::test::TlsClientOptions;

constexpr std::chrono::milliseconds kDeadline{10'000};

Router HealthRouter() {
  Router router;
  EXPECT_TRUE(
      router.Add("GET", "/health", std::nullopt, [](const HttpRequest&) { return HttpResponse::Text(200, "secure"); })
          .ok());
  return router;
}

class ApiServerTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto files = hub::test::WriteSelfSignedCertificate(folder_.path());
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_ = *files;
    config_ = TestApiConfig();
    config_.tls = config::TlsConfig{files_.certificate, files_.private_key};
  }

  RequestOptions Trusting() const {
    RequestOptions options;
    options.tls = TlsClientOptions{files_.certificate, true};
    return options;
  }

  hub::test::TempDir folder_;
  hub::test::CertificateFiles files_;
  config::ApiConfig config_;
};

TEST_F(ApiServerTlsTest, ServesOverTlsToAClientVerifyingTheCertificate) {
  TestServer server(config_, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  for (const char* host : {"127.0.0.1", "localhost"}) {
    auto result = Get(host, server.port(), "/health", Trusting());
    ASSERT_TRUE(result.ok()) << host << ": " << result.status().ToString();
    EXPECT_EQ(result->status, 200u);
    EXPECT_EQ(result->body, "secure");
  }
}

TEST_F(ApiServerTlsTest, PlainHttpClientFailsCleanlyAndTheServerGoesOn) {
  TestServer server(config_, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  RequestOptions plain;
  plain.timeout = std::chrono::milliseconds(5'000);
  EXPECT_FALSE(Get("127.0.0.1", server.port(), "/health", plain).ok());
  auto result = Get("127.0.0.1", server.port(), "/health", Trusting());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 200u);
}

TEST_F(ApiServerTlsTest, ConnectionsThatNeverFinishTheirHandshakeOrSendNothingMakeRoom) {
  config_.max_connections = 2;
  TestServer server(config_, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  std::vector<RawConnection> no_handshake;
  std::vector<HttpConnection> handshaken;
  for (std::size_t i = 1; i <= 6; ++i) {
    auto raw = RawConnection::Open("127.0.0.1", server.port());
    ASSERT_TRUE(raw.ok()) << raw.status().ToString();
    no_handshake.push_back(std::move(*raw));
    ASSERT_TRUE(server.WaitForEvents(ConnectionEvent::kOrdinary, 2 * i - 1, kDeadline));
    auto secure = HttpConnection::Open("127.0.0.1", server.port(), Trusting());  // handshakes, sends nothing
    ASSERT_TRUE(secure.ok()) << secure.status().ToString();
    handshaken.push_back(std::move(*secure));
    ASSERT_TRUE(server.WaitForEvents(ConnectionEvent::kOrdinary, 2 * i, kDeadline));
  }
  RequestOptions impatient = Trusting();
  impatient.timeout = std::chrono::milliseconds(2'000);
  auto result = Get("127.0.0.1", server.port(), "/health", impatient);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->status, 200u);
  auto oldest = no_handshake.front().ReadUntilClosed(kDeadline);
  EXPECT_TRUE(oldest.ok()) << oldest.status().ToString();
  EXPECT_FALSE(handshaken.front().Send("GET", "/health").ok());
}

TEST_F(ApiServerTlsTest, ClientTrustingAnotherCertificateRefusesTheServer) {
  hub::test::TempDir other_folder;
  auto other = hub::test::WriteSelfSignedCertificate(other_folder.path());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  TestServer server(config_, HealthRouter());
  ASSERT_TRUE(server.Start().ok());
  RequestOptions options;
  options.tls = TlsClientOptions{other->certificate, true};
  EXPECT_FALSE(Get("127.0.0.1", server.port(), "/health", options).ok());
}

TEST_F(ApiServerTlsTest, StartNamesAMissingOrMismatchedKeyFile) {
  hub::test::TempDir other_folder;
  auto other = hub::test::WriteSelfSignedCertificate(other_folder.path());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  const std::filesystem::path missing = folder_.path() / "missing.pem";
  for (const auto& key : {missing, other->private_key}) {
    config::ApiConfig config = config_;
    config.tls->private_key = key;
    TestServer server(config, HealthRouter());
    sdk::Status status = server.Start();
    ASSERT_FALSE(status.ok()) << key;
    EXPECT_NE(status.message().find(key.string()), std::string::npos) << status.ToString();
  }
}

}  // namespace
}  // namespace hub::api::test
