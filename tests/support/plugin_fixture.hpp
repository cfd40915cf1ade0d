// Tests of a built connector plugin (build/plugins/hub_<name>.so) through the hub's plugin host: the library
// opened as the hub opens it, its exports checked, instances of it created and configured.
#ifndef HUB_TESTS_SUPPORT_PLUGIN_FIXTURE_HPP_
#define HUB_TESTS_SUPPORT_PLUGIN_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "hub/sdk/connector.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/loaded_plugin.hpp"

namespace hub::test {

// A fixture per plugin: `class FinancePlugin : public PluginTest { FinancePlugin() : PluginTest("hub_finance.so")
// {} };`, the library found in HUB_PLUGIN_DIR.
class PluginTest : public ::testing::Test {
 protected:
  explicit PluginTest(std::string_view library);

  // The plugin as the hub opens it; nullptr (the test failed) when it cannot be opened.
  std::shared_ptr<const plugin_host::LoadedPlugin> Open();

  // An instance `name` of `plugin` (Open's when null), not configured yet; nullptr (the test failed) when it
  // cannot be created.
  std::unique_ptr<plugin_host::ConnectorInstance> Create(std::string_view name,
                                                         std::shared_ptr<const plugin_host::LoadedPlugin> plugin = {});

  // Create's instance configured with `options`; nullptr (the test failed) when it refuses them.
  std::unique_ptr<plugin_host::ConnectorInstance> Configure(
      std::string_view name, sdk::Options options, std::shared_ptr<const plugin_host::LoadedPlugin> plugin = {});

  // tests/support/plugin_exports.sh on the library: whether it passed, and its output (empty when it passed).
  std::pair<bool, std::string> CheckExports() const;

  const std::filesystem::path& library() const { return library_; }

  SystemClock clock_;
  CancellationToken token_;

 private:
  std::filesystem::path library_;
};

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_PLUGIN_FIXTURE_HPP_
