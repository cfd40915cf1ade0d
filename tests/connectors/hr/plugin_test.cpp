// The built plugin build/plugins/hub_hr.so, loaded and driven by the hub's plugin host: what it declares,
// and a roster read through the plugin boundary, from a CSV export and from an employee table.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "hr_test_support.hpp"
#include "support/plugin_fixture.hpp"
#include "support/source_database.hpp"
#include "support/temp_dir.hpp"

namespace hub::hr {
namespace {

class HrPlugin : public hub::test::PluginTest {
 protected:
  HrPlugin() : PluginTest("hub_hr.so") {}
};

TEST_F(HrPlugin, DeclaresThatItReadsAndTakesNoEvents) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "hr");
  EXPECT_TRUE(plugin->description().capabilities.reads);
  EXPECT_FALSE(plugin->description().capabilities.writes_events);
}

TEST_F(HrPlugin, DeclaresTheDefaultMappingCnHrAsShippedInMappings) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  const std::vector<sdk::DefaultMapping>& mappings = plugin->description().default_mappings;
  ASSERT_EQ(mappings.size(), 1u);
  EXPECT_EQ(mappings[0].name, "cn_hr");
  std::ifstream file(std::filesystem::path(HUB_SOURCE_DIR) / "connectors/hr/mappings/cn_hr.xml");
  const std::string shipped{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  EXPECT_EQ(mappings[0].xml, shipped);
}

TEST_F(HrPlugin, ReadsAGb18030RosterThroughThePluginBoundary) {
  hub::test::TempDir dir;
  const std::filesystem::path roster = dir.path() / "花名册.csv";
  std::ofstream(roster, std::ios::binary) << testing::Encode("花名册\n工号,姓名,部门\nE1,张伟,销售一部\n", "GB18030");
  auto instance = Configure("hr", sdk::Options({{"path", roster.string()}, {"final", "true"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(testing::Keys(batch->records), (std::vector<std::string>{"team:销售一部", "employee:E1"}));
  EXPECT_EQ(testing::Text(batch->records[1], "姓名"), "张伟");
  EXPECT_TRUE(batch->end_of_data);
}

TEST_F(HrPlugin, ReadsAnEmployeeTableThroughThePluginBoundary) {
  hub::test::SourceDatabase database(hub::test::Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  database.Execute(
      "CREATE TABLE staff (id INTEGER PRIMARY KEY, employee_number TEXT, name TEXT, department TEXT, "
      "updated_at TIMESTAMP)");
  database.Execute("INSERT INTO staff VALUES (1, 'E1', '张伟', '销售一部', '2026-11-02 09:00:00')");
  auto instance = Configure("hr", sdk::Options({{"connection", database.connection_string()},
                                                {"table", "staff"},
                                                {"timestamp_column", "updated_at"},
                                                {"id_column", "id"},
                                                {"overlap", "5m"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(testing::Keys(batch->records), (std::vector<std::string>{"team:销售一部", "employee:E1"}));
  EXPECT_EQ(testing::Text(batch->records[1], "姓名"), "张伟");
  EXPECT_TRUE(batch->end_of_data);
}

}  // namespace
}  // namespace hub::hr
