#include "support/plugin_fixture.hpp"

#include <cstdio>

namespace hub::test {

PluginTest::PluginTest(std::string_view library) : library_(std::filesystem::path(HUB_PLUGIN_DIR) / library) {}

std::shared_ptr<const plugin_host::LoadedPlugin> PluginTest::Open() {
  plugin_host::PluginRecord record;
  sdk::Result<std::shared_ptr<const plugin_host::LoadedPlugin>> plugin =
      plugin_host::LoadedPlugin::Open(library_, &record);
  EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
  return plugin.ok() ? *plugin : nullptr;
}

std::unique_ptr<plugin_host::ConnectorInstance> PluginTest::Create(
    std::string_view name, std::shared_ptr<const plugin_host::LoadedPlugin> plugin) {
  if (plugin == nullptr) plugin = Open();
  if (plugin == nullptr) return nullptr;
  auto instance = plugin_host::ConnectorInstance::Create(std::string(name), plugin,
                                                         plugin_host::HostServices{nullptr, clock_, token_, {}});
  EXPECT_TRUE(instance.ok()) << instance.status().ToString();
  return instance.ok() ? std::move(instance).value() : nullptr;
}

std::unique_ptr<plugin_host::ConnectorInstance> PluginTest::Configure(
    std::string_view name, sdk::Options options, std::shared_ptr<const plugin_host::LoadedPlugin> plugin) {
  std::unique_ptr<plugin_host::ConnectorInstance> instance = Create(name, std::move(plugin));
  if (instance == nullptr) return nullptr;
  const sdk::Status configured = instance->Configure(options);
  EXPECT_TRUE(configured.ok()) << configured.ToString();
  return configured.ok() ? std::move(instance) : nullptr;
}

std::pair<bool, std::string> PluginTest::CheckExports() const {
  const std::string command =
      std::string(HUB_SOURCE_DIR) + "/tests/support/plugin_exports.sh '" + library_.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {false, "cannot run " + command};
  std::string output;
  char line[512];
  while (std::fgets(line, sizeof line, pipe) != nullptr) output += line;
  return {::pclose(pipe) == 0, output};
}

}  // namespace hub::test
