// The built plugin build/plugins/hub_webhook.so, loaded and driven by the hub's plugin host.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/loaded_plugin.hpp"
#include "support/recording_server.hpp"
#include "webhook_test_support.hpp"

namespace hub::webhook::test {
namespace {

using hub::test::RecordedRequest;
using hub::test::RecordingServer;

const std::filesystem::path kPlugin = std::filesystem::path(HUB_PLUGIN_DIR) / "hub_webhook.so";

TEST(WebhookPlugin, ExportsOnlyTheTwoEntryPoints) {
  ASSERT_TRUE(std::filesystem::exists(kPlugin)) << kPlugin;
  const std::string command =
      std::string(HUB_SOURCE_DIR) + "/tests/support/plugin_exports.sh '" + kPlugin.string() + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(WebhookPlugin, LoadsAsAnOutboundConnectorAndDeliversThroughTheHost) {
  plugin_host::PluginRecord record;
  sdk::Result<std::shared_ptr<const plugin_host::LoadedPlugin>> plugin =
      plugin_host::LoadedPlugin::Open(kPlugin, &record);
  ASSERT_TRUE(plugin.ok()) << plugin.status().ToString();
  EXPECT_EQ((*plugin)->description().name, "webhook");
  EXPECT_FALSE((*plugin)->description().capabilities.reads);
  EXPECT_TRUE((*plugin)->description().capabilities.writes_events);

  SystemClock clock;
  CancellationToken token;
  auto instance = plugin_host::ConnectorInstance::Create("erp_events", *plugin,
                                                         plugin_host::HostServices{nullptr, clock, token, {}});
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  RecordingServer server;
  ASSERT_TRUE((*instance)->Configure(sdk::Options({{"url", server.Url()}, {"secret", "k"}})).ok());

  sdk::Result<std::size_t> accepted = (*instance)->WriteEvents({PartyEvent("9")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  ASSERT_EQ(server.requests().size(), 1u);
  const RecordedRequest request = server.requests()[0];
  EXPECT_EQ(request.Header("idempotency-key"), "evt-9");
  EXPECT_EQ(request.Header("x-hub-signature-256"), ExpectedSignature("k", request.body));

  server.ScriptStatuses({503});
  sdk::Result<std::size_t> failed = (*instance)->WriteEvents({PartyEvent("10")});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), sdk::StatusCode::kUnavailable) << failed.status().ToString();
}

}  // namespace
}  // namespace hub::webhook::test
