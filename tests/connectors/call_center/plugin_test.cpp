// The built plugin build/plugins/hub_call_center.so, loaded and driven by the hub's plugin host: what it
// declares, and a CDR file read through the plugin boundary.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "support/plugin_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::call_center {
namespace {

std::string SourceFile(const std::string& path) {
  std::ifstream file(std::filesystem::path(HUB_SOURCE_DIR) / path, std::ios::binary);
  return std::string{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

class CallCenterPlugin : public hub::test::PluginTest {
 protected:
  CallCenterPlugin() : PluginTest("hub_call_center.so") {}
};

TEST_F(CallCenterPlugin, DeclaresThatItReadsWithTheDefaultMappingAsShipped) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "call_center");
  EXPECT_TRUE(plugin->description().capabilities.reads);
  EXPECT_FALSE(plugin->description().capabilities.writes_events);
  const std::vector<sdk::DefaultMapping>& mappings = plugin->description().default_mappings;
  ASSERT_EQ(mappings.size(), 1u);
  EXPECT_EQ(mappings[0].name, "asterisk_call");
  EXPECT_EQ(mappings[0].xml, SourceFile("connectors/call_center/mappings/asterisk_call.xml"));
}

TEST_F(CallCenterPlugin, ReadsTheDemoMasterCsvThroughThePluginBoundary) {
  hub::test::TempDir dir;
  const std::filesystem::path master = dir.Write("Master.csv", SourceFile("config/demo/call_center/Master.csv"));
  auto instance = Configure("pbx", sdk::Options({{"path", master.string()}, {"final", "true"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  // 12 rows, 10 calls: the first and the fifth rang two agents.
  ASSERT_EQ(batch->records.size(), 10u);
  EXPECT_EQ(batch->records[0].source_id, "1793581200.0");
  EXPECT_EQ(batch->records[0].Find("legs")->integer(), 2);
  EXPECT_EQ(batch->records[0].Find("userfield")->text(), "询价：20台水泵");
  EXPECT_TRUE(batch->end_of_data);
}

}  // namespace
}  // namespace hub::call_center
