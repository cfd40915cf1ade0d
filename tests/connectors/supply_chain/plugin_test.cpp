// The built plugin build/plugins/hub_supply_chain.so, loaded and driven by the hub's plugin host: what it
// declares, a folder read and an order delivered through the plugin boundary, and the README's options table.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "common/clock.hpp"
#include "common/options_doc.hpp"
#include "supply_chain/supply_chain_options.hpp"
#include "supply_chain_test_support.hpp"
#include "support/plugin_fixture.hpp"

namespace hub::supply_chain {
namespace {

using ::testing::ElementsAre;
using testing::Fixture;
using ::testing::HasSubstr;
using testing::Keys;
using testing::TempDir;

class SupplyChainPlugin : public hub::test::PluginTest {
 protected:
  SupplyChainPlugin() : PluginTest("hub_supply_chain.so") {}

  std::unique_ptr<plugin_host::ConnectorInstance> Configure(sdk::Options options) {
    return PluginTest::Configure("sap", std::move(options));
  }
};

TEST_F(SupplyChainPlugin, DeclaresThatItReadsAndDeliversEventsAndShipsTheSapIdocMapping) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "supply_chain");
  EXPECT_TRUE(plugin->description().capabilities.reads);
  EXPECT_TRUE(plugin->description().capabilities.writes_events);
  ASSERT_EQ(plugin->description().default_mappings.size(), 3u);
  const sdk::DefaultMapping& mapping = plugin->description().default_mappings[0];
  EXPECT_EQ(mapping.name, "sap_idoc");
  EXPECT_THAT(mapping.xml, HasSubstr("<mapping entity=\"order_partner\">"));
}

TEST_F(SupplyChainPlugin, ReadsAFolderAndDropsAnOrderThroughThePluginBoundary) {
  TempDir dir;
  dir.Write("in/orders05.xml", Fixture("orders05.xml"));
  std::filesystem::create_directories(dir.path() / "drop");
  auto instance = Configure(sdk::Options({{"path", (dir.path() / "in").string()},
                                          {"final", "true"},
                                          {"drop_dir", (dir.path() / "drop").string()},
                                          {"receiver_partner", "PRDCLNT100"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> batch = instance->ReadBatch("", 3);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_THAT(Keys(batch->records),
              ElementsAre("order:0000012001", "order_line:0000012001/10", "order_line:0000012001/20"));

  sdk::OutboundEvent event{"order.created",
                           "order",
                           "7",
                           R"({"document":{"source_id":"SO-1","fields":{"order_number":"SO-1","currency":"EUR"},)"
                           R"("party":{"source_links":[{"source_system":"supply_chain","source_id":"0000100001"}]}}})",
                           "ev-9",
                           0};
  sdk::Result<std::size_t> accepted = instance->WriteEvents({event});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "drop/ORDERS05_SO-1_ev-9.xml"));
}

TEST_F(SupplyChainPlugin, HandsOutGbkTextAsUtf8AndSetsAsideAFileWhoseBytesAreNotGbkThroughThePluginBoundary) {
  TempDir dir;
  dir.Write("in/1_gbk.xml", Fixture("debmas07_gbk.xml"));
  dir.Write("in/2_mixed.xml", Fixture("debmas07_gbk_mismatch.xml"));
  auto instance = Configure(sdk::Options(
      {{"path", (dir.path() / "in").string()}, {"final", "true"}, {"error_dir", (dir.path() / "error").string()}}));
  ASSERT_NE(instance, nullptr);
  std::vector<sdk::Record> records;
  std::string cursor;
  for (int batch = 0; batch < 10; ++batch) {
    sdk::Result<sdk::Batch> read = instance->ReadBatch(cursor, 100);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    records.insert(records.end(), read->records.begin(), read->records.end());
    cursor = read->next_cursor;
    if (read->end_of_data) break;
  }
  ASSERT_THAT(Keys(records), ElementsAre("party:0000200001", "party:0000200002", "party:0000200001"));
  EXPECT_EQ(testing::Text(records[0], "name"), "北京华信精密机械有限公司");
  EXPECT_EQ(testing::Text(records[0], "uscc"), "91110105MA01C8QF7M");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "error/2_mixed.xml"));
  EXPECT_THAT(testing::FileBytes(dir.path() / "error/2_mixed.xml.error.txt"),
              HasSubstr("2_mixed.xml: byte 1860 (line 64): invalid GBK byte 0xB8"));
}

TEST(SupplyChainOptions, DropDirWithoutTheReceivingPartnerIsRefusedNamingTheOption) {
  sdk::Result<SupplyChainOptions> parsed = ParseSupplyChainOptions(sdk::Options({{"drop_dir", "/tmp"}}));
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("'receiver_partner' is required with drop_dir"));
  EXPECT_FALSE(ParseSupplyChainOptions(sdk::Options({{"outbound_format", "edifact"}})).ok());
  EXPECT_FALSE(ParseSupplyChainOptions(sdk::Options({{"path", "/tmp"}, {"settle_time", "soon"}})).ok());
}

TEST(SupplyChainConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/supply_chain/README.md");
  ASSERT_TRUE(table.has_value()) << "README.md lacks the options markers";
  EXPECT_EQ(*table, connectors::RenderOptionsTable(DescribeSupplyChainConnector()));
}

}  // namespace
}  // namespace hub::supply_chain
