// The built plugin build/plugins/hub_odbc.so, loaded and driven by the hub's plugin host.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "source_database.hpp"
#include "support/plugin_fixture.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::HasSubstr;

class OdbcPluginInstance : public hub::test::PluginTest {
 protected:
  OdbcPluginInstance() : PluginTest("hub_odbc.so") {}

  std::unique_ptr<plugin_host::ConnectorInstance> Configure(sdk::Options options) {
    return PluginTest::Configure("crm_db", std::move(options));
  }
};

// The same check covers the plugin built outside the tree (tests/sdk_package/odbc_connector_outside.sh).
TEST_F(OdbcPluginInstance, ExportsOnlyTheTwoEntryPoints) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "odbc");
  const auto [passed, output] = CheckExports();
  EXPECT_TRUE(passed) << output;
}

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
