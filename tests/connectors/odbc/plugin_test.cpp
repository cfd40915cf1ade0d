// The built plugin build/plugins/hub_odbc.so, loaded and driven by the hub's plugin host.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/loaded_plugin.hpp"
#include "source_database.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kPlugin = std::filesystem::path(HUB_PLUGIN_DIR) / "hub_odbc.so";

// tests/support/plugin_exports.sh on `library`: its output (empty when it passes) and whether it passed. The
// same check covers the plugin built outside the tree (tests/sdk_package/odbc_connector_outside.sh).
std::pair<bool, std::string> CheckPluginExports(const std::filesystem::path& library) {
  const std::string command =
      std::string(HUB_SOURCE_DIR) + "/tests/support/plugin_exports.sh '" + library.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {false, "cannot run " + command};
  std::string output;
  char line[512];
  while (std::fgets(line, sizeof line, pipe) != nullptr) output += line;
  return {::pclose(pipe) == 0, output};
}

TEST(OdbcPlugin, ExportsOnlyTheTwoEntryPoints) {
  ASSERT_TRUE(std::filesystem::exists(kPlugin)) << kPlugin;
  const auto [passed, output] = CheckPluginExports(kPlugin);
  EXPECT_TRUE(passed) << output;
}

class OdbcPluginInstance : public ::testing::Test {
 protected:
  std::unique_ptr<plugin_host::ConnectorInstance> Configure(sdk::Options options) {
    plugin_host::PluginRecord record;
    sdk::Result<std::shared_ptr<const plugin_host::LoadedPlugin>> plugin =
        plugin_host::LoadedPlugin::Open(kPlugin, &record);
    EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
    if (!plugin.ok()) return nullptr;
    EXPECT_EQ((*plugin)->description().name, "odbc");
    auto instance = plugin_host::ConnectorInstance::Create("crm_db", *plugin,
                                                           plugin_host::HostServices{nullptr, clock_, token_, {}});
    EXPECT_TRUE(instance.ok()) << instance.status().ToString();
    if (!instance.ok()) return nullptr;
    sdk::Status configured = (*instance)->Configure(options);
    EXPECT_TRUE(configured.ok()) << configured.ToString();
    return std::move(instance).value();
  }

  SystemClock clock_;
  CancellationToken token_;
};

TEST_F(OdbcPluginInstance, ReadsAnSqliteSourceIncrementally) {
  SourceDatabase database(Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  const std::string table = CreatePeople(database, "plugin");
  InsertPeople(database, table,
               {{1, "2024-01-01 10:00:00", "北京"}, {2, "2024-01-01 10:00:00", "b"}, {3, "2024-01-01 10:00:00", "c"}});
  auto instance = Configure(sdk::Options({{"connection", database.connection_string()},
                                          {"query", "SELECT * FROM " + table},
                                          {"timestamp_column", "updated_at"},
                                          {"id_column", "id"},
                                          {"entity", "customer"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());

  sdk::Result<sdk::Batch> first = instance->ReadBatch("", 2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->records.size(), 2u);
  EXPECT_FALSE(first->end_of_data);
  EXPECT_EQ(first->records[0].entity, "customer");
  EXPECT_EQ(*first->records[0].Find("name"), sdk::Value::String("北京"));
  sdk::Result<sdk::Batch> second = instance->ReadBatch(first->next_cursor, 2);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(SourceIds(second->records), std::vector<std::string>{"3"});
  EXPECT_TRUE(second->end_of_data);
}

TEST_F(OdbcPluginInstance, ABadQueryReportsTheSqlstateThroughTheHub) {
  SourceDatabase database(Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  auto instance = Configure(sdk::Options(
      {{"connection", database.connection_string()}, {"query", "SELECT * FROM missing"}, {"id_column", "id"}}));
  ASSERT_NE(instance, nullptr);
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_THAT(batch.status().message(), HasSubstr("plugin 'odbc' (connector crm_db): reading the source: "));
  EXPECT_THAT(batch.status().message(), HasSubstr("SQLSTATE 42P01"));
}

}  // namespace
}  // namespace hub::odbc_source::test
