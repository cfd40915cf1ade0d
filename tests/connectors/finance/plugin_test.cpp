// The built plugin build/plugins/hub_finance.so, loaded and driven by the hub's plugin host.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "delivery_events.hpp"
#include "finance_database.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/loaded_plugin.hpp"

namespace hub::finance::test {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kPlugin = std::filesystem::path(HUB_PLUGIN_DIR) / "hub_finance.so";

// tests/support/plugin_exports.sh on `library`: its output (empty when it passes) and whether it passed. The
// same check covers the plugin built outside the tree (tests/sdk_package/finance_connector_outside.sh).
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

TEST(FinancePlugin, ExportsOnlyTheTwoEntryPoints) {
  ASSERT_TRUE(std::filesystem::exists(kPlugin)) << kPlugin;
  const auto [passed, output] = CheckPluginExports(kPlugin);
  EXPECT_TRUE(passed) << output;
}

class FinancePluginInstance : public ::testing::Test {
 protected:
  std::unique_ptr<plugin_host::ConnectorInstance> Configure(sdk::Options options) {
    plugin_host::PluginRecord record;
    sdk::Result<std::shared_ptr<const plugin_host::LoadedPlugin>> plugin =
        plugin_host::LoadedPlugin::Open(kPlugin, &record);
    EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
    if (!plugin.ok()) return nullptr;
    EXPECT_EQ((*plugin)->description().name, "finance");
    auto instance =
        plugin_host::ConnectorInstance::Create("erp", *plugin, plugin_host::HostServices{nullptr, clock_, token_, {}});
    EXPECT_TRUE(instance.ok()) << instance.status().ToString();
    if (!instance.ok()) return nullptr;
    sdk::Status configured = (*instance)->Configure(options);
    EXPECT_TRUE(configured.ok()) << configured.ToString();
    return std::move(instance).value();
  }

  SystemClock clock_;
  CancellationToken token_;
};

TEST_F(FinancePluginInstance, ReadsTheDemoDatabaseThroughTheHub) {
  FinanceDatabase database(Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  auto instance = Configure(sdk::Options({{"connection", database.connection_string()}, {"streams", "partners"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> first = instance->ReadBatch("", 5);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->records.size(), 5u);
  EXPECT_EQ(first->records[0].entity, "party");
  EXPECT_EQ(*first->records[0].Find("name"), sdk::Value::String("上海宏达贸易有限公司"));
  sdk::Result<sdk::Batch> second = instance->ReadBatch(first->next_cursor, 5);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->records.size(), 3u);
  EXPECT_TRUE(second->end_of_data);
}

TEST_F(FinancePluginInstance, ReadsAUblFolderWithoutADatabase) {
  hub::test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "in");
  std::filesystem::copy_file(std::filesystem::path(HUB_SOURCE_DIR) / "tests/data/finance/ubl/CN-2026-0007.xml",
                             dir.path() / "in/CN-2026-0007.xml");
  auto instance = Configure(sdk::Options({{"ubl_path", (dir.path() / "in").string()}, {"final", "true"}}));
  ASSERT_NE(instance, nullptr);
  EXPECT_TRUE(instance->CheckHealth().ok());
  sdk::Result<sdk::Batch> first = instance->ReadBatch("", 10);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->records.size(), 3u);
  EXPECT_EQ(first->records[1].entity, "invoice");
  EXPECT_EQ(first->records[1].source_system, "finance_ubl");
  EXPECT_EQ(*first->records[1].Find("reversed_entry_id"), sdk::Value::String("INV-2026-0101"));
  sdk::Result<sdk::Batch> second = instance->ReadBatch(first->next_cursor, 10);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->records.empty());
  EXPECT_TRUE(second->end_of_data);
}

TEST_F(FinancePluginInstance, TakesDeliveryEventsAsInvoiceRequestsThroughTheHub) {
  FinanceDatabase database(Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  auto instance = Configure(sdk::Options({{"connection", database.connection_string()}}));
  ASSERT_NE(instance, nullptr);
  sdk::Result<std::size_t> accepted = instance->WriteEvents({DeliveryEvent("store-42", DeliveryPayload())});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  std::unique_ptr<odbc::Connection> connection = database.Connect();
  ASSERT_NE(connection, nullptr);
  sdk::Result<odbc::RowSet> rows = connection->Query("SELECT request_id, status FROM hub_invoice_requests");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->rows[0][0], sdk::Value::String("store-42"));
  EXPECT_EQ(rows->rows[0][1], sdk::Value::String("new"));
}

TEST_F(FinancePluginInstance, WithoutADatabaseOrAFolderForThemEventsWaitUnavailable) {
  hub::test::TempDir dir;
  auto instance = Configure(sdk::Options({{"ubl_path", dir.path().string()}}));
  ASSERT_NE(instance, nullptr);
  sdk::Result<std::size_t> refused = instance->WriteEvents({DeliveryEvent("store-42", DeliveryPayload())});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(refused.status().message(), HasSubstr("neither 'connection' nor 'invoice_drop_dir'"));
}

TEST_F(FinancePluginInstance, AnUnknownProfileIsRefusedAtConfigure) {
  plugin_host::PluginRecord record;
  auto plugin = plugin_host::LoadedPlugin::Open(kPlugin, &record);
  ASSERT_TRUE(plugin.ok()) << plugin.status().ToString();
  auto instance =
      plugin_host::ConnectorInstance::Create("erp", *plugin, plugin_host::HostServices{nullptr, clock_, token_, {}});
  ASSERT_TRUE(instance.ok()) << instance.status().ToString();
  sdk::Status configured = (*instance)->Configure(sdk::Options({{"connection", "Driver=x"}, {"profile", "sap"}}));
  EXPECT_THAT(configured.message(), HasSubstr("option 'profile': 'sap' is not one of odoo17"));
}

}  // namespace
}  // namespace hub::finance::test
