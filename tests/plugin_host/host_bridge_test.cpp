#include "plugin_host/host_bridge.hpp"

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "hub/sdk/detail/c_bridge.hpp"
#include "test_support.hpp"

namespace hub::plugin_host {
namespace {

using test::CapturedLog;

// Calls resolve_secret the way a plugin does and answers what came back.
sdk::Result<std::string> Resolve(const hub_host_api& api, std::string_view reference) {
  std::string value;
  hub_error error{};
  auto sink = [](void* target, hub_str text) { static_cast<std::string*>(target)->assign(sdk::detail::FromC(text)); };
  int32_t code = api.resolve_secret(api.host, sdk::detail::ToC(reference), sink, &value, &error);
  if (code != HUB_STATUS_OK) return sdk::detail::ImportError(code, error);
  return value;
}

class HostBridgeTest : public ::testing::Test {
 protected:
  HostBridge Make(SecretResolver resolver) {
    return HostBridge(HostServices{log_.logger(), clock_, token_, std::move(resolver)});
  }

  CapturedLog log_{"connector.crm"};
  ManualClock clock_{TimePoint(std::chrono::milliseconds(86'400'000))};
  CancellationToken token_;
};

TEST_F(HostBridgeTest, MapsPluginLogLevelsToSpdlogLevelsClampingUnknownOnes) {
  struct Case {
    int32_t level;
    const char* expected;
  };
  const Case kCases[] = {{HUB_LOG_TRACE, "trace"},
                         {HUB_LOG_DEBUG, "debug"},
                         {HUB_LOG_INFO, "info"},
                         {HUB_LOG_WARN, "warning"},
                         {HUB_LOG_ERROR, "error"},
                         {-3, "trace"},
                         {17, "error"}};
  HostBridge bridge = Make({});
  const hub_host_api& api = *bridge.api();
  for (const Case& c : kCases) {
    std::string message = "level " + std::to_string(c.level);
    api.log(api.host, c.level, sdk::detail::ToC(message));
    EXPECT_TRUE(log_.Contains("[connector.crm] " + std::string(c.expected) + " " + message)) << message;
  }
}

TEST_F(HostBridgeTest, LogEnabledFollowsTheLoggerLevel) {
  log_.logger()->set_level(spdlog::level::warn);
  HostBridge bridge = Make({});
  const hub_host_api& api = *bridge.api();
  EXPECT_EQ(api.log_enabled(api.host, HUB_LOG_INFO), 0);
  EXPECT_EQ(api.log_enabled(api.host, HUB_LOG_WARN), 1);
  EXPECT_EQ(api.log_enabled(api.host, HUB_LOG_ERROR), 1);
}

TEST_F(HostBridgeTest, NowAndCancellationComeFromTheServices) {
  HostBridge bridge = Make({});
  const hub_host_api& api = *bridge.api();
  EXPECT_EQ(api.now_unix_ms(api.host), 86'400'000);
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(api.now_unix_ms(api.host), 86'401'000);

  EXPECT_EQ(api.is_cancelled(api.host), 0);
  token_.Cancel();
  EXPECT_EQ(api.is_cancelled(api.host), 1);
  bridge.SetCancellation(CancellationToken());
  EXPECT_EQ(api.is_cancelled(api.host), 0);
}

TEST_F(HostBridgeTest, SecretsGoThroughTheResolverAndItsErrorsComeBackAsErrors) {
  struct Case {
    SecretResolver resolver;
    sdk::StatusCode code;
    std::string text;  // the value, or the error message
  };
  const Case kCases[] = {
      {[](std::string_view reference) { return sdk::Result<std::string>("value of " + std::string(reference)); },
       sdk::StatusCode::kOk, "value of ${env:TOKEN}"},
      {[](std::string_view) { return sdk::Result<std::string>(sdk::Status::NotFound("TOKEN is not set")); },
       sdk::StatusCode::kNotFound, "TOKEN is not set"},
      {[](std::string_view) -> sdk::Result<std::string> { throw std::runtime_error("vault down"); },
       sdk::StatusCode::kInternal, "secret resolver failed: vault down"},
      {SecretResolver(), sdk::StatusCode::kNotFound, "this hub resolves no secrets"},
  };
  for (const Case& c : kCases) {
    HostBridge bridge = Make(c.resolver);
    sdk::Result<std::string> resolved = Resolve(*bridge.api(), "${env:TOKEN}");
    EXPECT_EQ(resolved.status().code(), c.code) << c.text;
    EXPECT_EQ(resolved.ok() ? *resolved : resolved.status().message(), c.text);
  }
}

TEST_F(HostBridgeTest, CountsGoToTheCounterSinkAndAreDroppedWithoutOne) {
  std::vector<std::pair<std::string, std::int64_t>> counted;
  HostBridge bridge(HostServices{log_.logger(), clock_, token_, {}, [&](std::string_view counter, std::int64_t delta) {
                                   counted.emplace_back(counter, delta);
                                 }});
  const hub_host_api& api = *bridge.api();
  ASSERT_NE(api.add_count, nullptr);
  api.add_count(api.host, sdk::detail::ToC("files_archived"), 2);
  api.add_count(api.host, sdk::detail::ToC("bytes_read"), 4096);
  EXPECT_EQ(counted, (std::vector<std::pair<std::string, std::int64_t>>{{"files_archived", 2}, {"bytes_read", 4096}}));

  HostBridge without = Make({});
  without.api()->add_count(without.api()->host, sdk::detail::ToC("files_archived"), 1);  // dropped, no crash
  HostBridge throwing(HostServices{log_.logger(), clock_, token_, {}, [](std::string_view, std::int64_t) {
                                     throw std::runtime_error("metrics full");
                                   }});
  throwing.api()->add_count(throwing.api()->host, sdk::detail::ToC("files_archived"), 1);  // swallowed
}

}  // namespace
}  // namespace hub::plugin_host
