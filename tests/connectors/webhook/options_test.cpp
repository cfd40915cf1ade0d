// The option schema, its parsing, and the README table generated from it.
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/options_doc.hpp"
#include "webhook/webhook_options.hpp"

namespace hub::webhook {
namespace {

using Values = std::map<std::string, std::string, std::less<>>;

TEST(WebhookOptionsSchema, DescribesAnOutboundOnlyConnectorWithEveryOptionDocumented) {
  const sdk::PluginDescription description = DescribeWebhookConnector();
  EXPECT_EQ(description.name, "webhook");
  EXPECT_EQ(description.kind, "connector");
  EXPECT_FALSE(description.version.empty());
  EXPECT_FALSE(description.capabilities.reads);
  EXPECT_TRUE(description.capabilities.writes_events);
  for (const sdk::OptionSpec& option : description.options) {
    EXPECT_FALSE(option.description.empty()) << option.name;
    EXPECT_EQ(option.required, option.name == "url") << option.name;
    if (option.name == "secret") {
      EXPECT_EQ(option.type, sdk::OptionType::kSecret);
    }
  }
}

TEST(WebhookOptionsSchema, DeclaredDefaultsParseToTheBuiltInDefaults) {
  Values defaults{{"url", "https://erp.example.com/events"}};
  for (const sdk::OptionSpec& option : DescribeWebhookConnector().options) {
    if (option.default_value) defaults[option.name] = *option.default_value;
  }
  sdk::Result<WebhookOptions> parsed = ParseWebhookOptions(sdk::Options(defaults));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const WebhookOptions expected;
  EXPECT_EQ(parsed->timeout, expected.timeout);
  EXPECT_EQ(parsed->connect_timeout, expected.connect_timeout);
  EXPECT_TRUE(parsed->verify_tls);
  EXPECT_TRUE(parsed->secret.empty());
}

TEST(WebhookOptionsParsing, ReadsEveryOption) {
  sdk::Result<WebhookOptions> parsed = ParseWebhookOptions(sdk::Options({{"url", "http://127.0.0.1:9000/in"},
                                                                         {"secret", "k"},
                                                                         {"timeout", "2s"},
                                                                         {"connect_timeout", "250ms"},
                                                                         {"verify_tls", "false"},
                                                                         {"ca_file", "/etc/ca.pem"}}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->url, "http://127.0.0.1:9000/in");
  EXPECT_EQ(parsed->secret, "k");
  EXPECT_EQ(parsed->timeout, std::chrono::seconds(2));
  EXPECT_EQ(parsed->connect_timeout, std::chrono::milliseconds(250));
  EXPECT_FALSE(parsed->verify_tls);
  EXPECT_EQ(parsed->ca_file, "/etc/ca.pem");
}

struct BadOption {
  const char* name;
  Values values;
  std::string message;
};

class WebhookOptionsErrors : public ::testing::TestWithParam<BadOption> {};

TEST_P(WebhookOptionsErrors, NameTheOption) {
  sdk::Result<WebhookOptions> parsed = ParseWebhookOptions(sdk::Options(GetParam().values));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WebhookOptionsErrors,
    ::testing::Values(
        BadOption{"NotHttp", {{"url", "ftp://x/y"}}, "option 'url': 'ftp://x/y' is not an http:// or https:// address"},
        BadOption{
            "ZeroTimeout", {{"url", "http://x/"}, {"timeout", "0s"}}, "option 'timeout' must be longer than zero"},
        BadOption{"BadConnectTimeout",
                  {{"url", "http://x/"}, {"connect_timeout", "soon"}},
                  "option 'connect_timeout': 'soon' is not a duration (e.g. 30s, 5m, 2h)"},
        BadOption{"BadBoolean",
                  {{"url", "http://x/"}, {"verify_tls", "maybe"}},
                  "option 'verify_tls': 'maybe' is not a boolean"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(WebhookConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/webhook/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/webhook/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeWebhookConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/webhook/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::webhook
