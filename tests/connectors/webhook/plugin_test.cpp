// The built plugin build/plugins/hub_webhook.so, loaded and driven by the hub's plugin host.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/plugin_fixture.hpp"
#include "support/recording_server.hpp"
#include "webhook_test_support.hpp"

namespace hub::webhook::test {
namespace {

using hub::test::RecordedRequest;
using hub::test::RecordingServer;

class WebhookPlugin : public hub::test::PluginTest {
 protected:
  WebhookPlugin() : PluginTest("hub_webhook.so") {}
};

TEST_F(WebhookPlugin, ExportsOnlyTheTwoEntryPoints) {
  const auto [passed, output] = CheckExports();
  EXPECT_TRUE(passed) << output;
}

TEST_F(WebhookPlugin, LoadsAsAnOutboundConnectorAndDeliversThroughTheHost) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "webhook");
  EXPECT_FALSE(plugin->description().capabilities.reads);
  EXPECT_TRUE(plugin->description().capabilities.writes_events);

  RecordingServer server;
  std::unique_ptr<plugin_host::ConnectorInstance> instance =
      Configure("erp_events", sdk::Options({{"url", server.Url()}, {"secret", "k"}}), plugin);
  ASSERT_NE(instance, nullptr);

  sdk::Result<std::size_t> accepted = instance->WriteEvents({PartyEvent("9")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  ASSERT_EQ(server.requests().size(), 1u);
  const RecordedRequest request = server.requests()[0];
  EXPECT_EQ(request.Header("idempotency-key"), "evt-9");
  EXPECT_EQ(request.Header("x-hub-signature-256"), ExpectedSignature("k", request.body));

  server.ScriptStatuses({503});
  sdk::Result<std::size_t> failed = instance->WriteEvents({PartyEvent("10")});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), sdk::StatusCode::kUnavailable) << failed.status().ToString();
}

}  // namespace
}  // namespace hub::webhook::test
