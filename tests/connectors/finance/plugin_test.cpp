// The built plugin build/plugins/hub_finance.so, loaded and driven by the hub's plugin host.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery_events.hpp"
#include "finance_database.hpp"
#include "support/plugin_fixture.hpp"

namespace hub::finance::test {
namespace {

using ::testing::HasSubstr;

class FinancePluginInstance : public hub::test::PluginTest {
 protected:
  FinancePluginInstance() : PluginTest("hub_finance.so") {}

  std::unique_ptr<plugin_host::ConnectorInstance> Configure(sdk::Options options) {
    return PluginTest::Configure("erp", std::move(options));
  }
};

// The same check covers the plugin built outside the tree (tests/sdk_package/finance_connector_outside.sh).
TEST_F(FinancePluginInstance, ExportsOnlyTheTwoEntryPoints) {
  std::shared_ptr<const plugin_host::LoadedPlugin> plugin = Open();
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->description().name, "finance");
  const auto [passed, output] = CheckExports();
  EXPECT_TRUE(passed) << output;
}

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
  std::unique_ptr<plugin_host::ConnectorInstance> instance = Create("erp");
  ASSERT_NE(instance, nullptr);
  sdk::Status configured = instance->Configure(sdk::Options({{"connection", "Driver=x"}, {"profile", "sap"}}));
  EXPECT_THAT(configured.message(), HasSubstr("option 'profile': 'sap' is not one of odoo17"));
}

}  // namespace
}  // namespace hub::finance::test
