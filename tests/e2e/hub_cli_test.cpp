// The `hub` command's one-shot subcommands, per the contract: output lines and exit statuses.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"
#include "hub/sdk/abi.h"
#include "hub_process.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

// The 1-based line of `text` that holds `needle`.
int LineOf(const std::string& text, const std::string& needle) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(needle), '\n'));
}

class HubCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    csv_ = sandbox_.Write("customers.csv", "id,name\n1,Acme\n2,\"Globex, Inc.\"\n3,\"unterminated\n");
    // An export written an hour ago: complete, so its open quote is a bad record rather than one on its way.
    std::filesystem::last_write_time(csv_, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    config_ = sandbox_.Write("hub.xml", HubConfigXml(csv_.string()));
  }

  HubSandbox sandbox_;
  std::filesystem::path csv_;
  std::filesystem::path config_;
};

TEST(HubCli, VersionFollowsTheContract) {
  CommandResult result = RunHub({"--version"});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_THAT(result.output, MatchesRegex(R"(hub [0-9]+\.[0-9]+\.[0-9]+ \(sdk abi [0-9]+\)\s*)"));
}

TEST(HubCli, UnknownSubcommandIsBadUsage) {
  EXPECT_EQ(RunHub({"frobnicate"}).exit_status, 2);
  EXPECT_EQ(RunHub({"check-config"}).exit_status, 2);
}

TEST_F(HubCliTest, CheckConfigSaysOkForAValidFile) {
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_EQ(result.output, "ok\n");
}

TEST_F(HubCliTest, CheckConfigNamesFileAndLineOfAnUnknownConnectorOption) {
  std::string xml = HubConfigXml(csv_.string());
  xml.replace(xml.find("<path>"), 6, "\n<colour>blue</colour><path>");
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr(config_.string() + ":"));
  EXPECT_THAT(result.output, HasSubstr("unknown option 'colour'"));
}

TEST_F(HubCliTest, CheckConfigRefusesAJobWithoutAMappingAtItsLine) {
  std::string xml = HubConfigXml(csv_.string());
  const std::size_t mapping = xml.find("<mapping");
  xml.erase(mapping, xml.find("</mapping>", mapping) + 10 - mapping);
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr(config_.string() + ":" + std::to_string(LineOf(xml, "<job name=\"customers\"")) +
                                       ": <job name=\"customers\"> has no <mapping>"));
}

TEST_F(HubCliTest, CheckConfigWarnsWhenTheConnectorsIdFieldAndTheMappingsIdDiffer) {
  std::string xml = HubConfigXml(csv_.string());
  xml.replace(xml.find("<path>"), 6, "<id_field>name</id_field><path>");
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_THAT(result.output,
              HasSubstr(config_.string() + ":" + std::to_string(LineOf(xml, "<mapping entity=\"party\" id=")) +
                        ": warning: job 'customers': <mapping id=\"id\"> and connector 'customers_csv' "
                        "option id_field=\"name\" (line " +
                        std::to_string(LineOf(xml, "<id_field>")) + ") name different fields"));
  EXPECT_THAT(result.output, HasSubstr("ok\n"));
}

TEST_F(HubCliTest, CheckConfigRefusesASyncJobOnAConnectorThatOnlyReceivesEvents) {
  std::string xml = R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                    R"(" system="false"><dir>)" + HUB_OUTBOUND_PLUGIN_DIR + R"(</dir></plugins>
  <connectors><connector name="erp_drop" plugin="test_outbound"/></connectors>
  <jobs>
    <job name="orders" connector="erp_drop">
      <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="n"/></mapping>
    </job>
  </jobs>
</hub>
)";
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr(config_.string() + ":" + std::to_string(LineOf(xml, "<job name=\"orders\"")) +
                                       ": job 'orders': connector 'erp_drop' (plugin test_outbound) does not read "
                                       "records, it only receives events"));
  CommandResult plugins = RunHub({"plugins", "--config", config_.string()});
  EXPECT_THAT(plugins.output, HasSubstr("test_outbound 1.0.0 connector " + std::to_string(HUB_ABI_MAJOR) + "." +
                                        std::to_string(HUB_ABI_MINOR) + " "));
}

TEST_F(HubCliTest, PluginsAndCheckConfigShowTheDefaultMappingsAConnectorShipsAndWhatAJobTakes) {
  std::string xml = R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins system="false"><dir>)" +
                    std::string(HUB_LEDGER_PLUGIN_DIR) +
                    R"(</dir></plugins>
  <connectors><connector name="books" plugin="test_ledger"/></connectors>
  <jobs>
    <job name="books" connector="books">
      <mapping use="ledger_v1"/>
      <mapping use="ledger_v1" entity="product"><field target="name" source="code"/></mapping>
    </job>
  </jobs>
</hub>
)";
  sandbox_.Write("hub.xml", xml);
  CommandResult plugins = RunHub({"plugins", "--config", config_.string()});
  EXPECT_EQ(plugins.exit_status, 0) << plugins.output;
  EXPECT_THAT(plugins.output, HasSubstr("hub_ledger.so loaded mappings: ledger_v1\n"));
  CommandResult shipped = RunHub({"plugins", "--config", config_.string(), "--mappings", "ledger_v1"});
  EXPECT_EQ(shipped.exit_status, 0) << shipped.output;
  EXPECT_THAT(shipped.output, HasSubstr("<!-- plugin test_ledger mapping 'ledger_v1': "));
  EXPECT_THAT(shipped.output, HasSubstr(R"(<field target="name" source="title"/>)"));
  CommandResult unknown = RunHub({"plugins", "--config", config_.string(), "--mappings", "odoo17"});
  EXPECT_EQ(unknown.exit_status, 2);
  EXPECT_THAT(unknown.output,
              HasSubstr("no plugin declares a default mapping 'odoo17'; declared: test_ledger:ledger_v1"));
  CommandResult resolved = RunHub({"check-config", "--config", config_.string(), "--mappings"});
  EXPECT_EQ(resolved.exit_status, 0) << resolved.output;
  EXPECT_THAT(resolved.output, HasSubstr("job books:\n"));
  EXPECT_THAT(resolved.output, HasSubstr(R"(<field target="name" source="code" />)")) << "the job's field in place";
  EXPECT_THAT(resolved.output, HasSubstr(R"(<entry code="PCE" value="pcs" />)"));
  EXPECT_THAT(resolved.output, testing::EndsWith("ok\n"));
}

TEST_F(HubCliTest, CheckConfigRefusesAConnectorWhosePluginIsMissing) {
  std::string xml = HubConfigXml(csv_.string());
  xml.replace(xml.find("plugin=\"slow\""), 13, "plugin=\"nope\"");
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr("no plugin named 'nope'"));
}

// A connector's own refusal, beyond its options' schema, comes out at check-config: the email connector parses
// its mail templates when configured, so a placeholder left open is reported with no mail server up.
TEST_F(HubCliTest, CheckConfigReportsWhatAConnectorRefusesWhenConfigured) {
  sandbox_.Write("templates/task.created.subject", "Call back {{document.subject}}");
  sandbox_.Write("templates/task.created.txt", "Hello {{document.assignee.name,\n");
  const std::string xml = R"(<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                          R"(" system="false"/>
  <connectors>
    <connector name="notifications" plugin="email">
      <smtp_url>smtp://127.0.0.1:1</smtp_url>
      <mail_from>hub@example.com</mail_from>
      <mail_templates>templates</mail_templates>
    </connector>
  </connectors>
</hub>
)";
  sandbox_.Write("hub.xml", xml);
  CommandResult result = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2) << result.output;
  EXPECT_THAT(result.output,
              HasSubstr(config_.string() + ":" + std::to_string(LineOf(xml, "<connector name=")) + ": "));
  EXPECT_THAT(result.output, HasSubstr("task.created.txt"));
  EXPECT_THAT(result.output, Not(HasSubstr("ok\n")));

  sandbox_.Write("templates/task.created.txt", "Hello {{document.assignee.name}},\n");
  CommandResult fixed = RunHub({"check-config", "--config", config_.string()});
  EXPECT_EQ(fixed.exit_status, 0) << fixed.output;
}

TEST_F(HubCliTest, PluginsListsLoadedAndRefusedPlugins) {
  sandbox_.Write("plugins/notes.so", "this is not a library");
  CommandResult result = RunHub({"plugins", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("file "));
  EXPECT_THAT(result.output, HasSubstr(" loaded"));
  EXPECT_THAT(result.output, HasSubstr("notes.so refused: not a shared library"));
}

TEST_F(HubCliTest, SyncPrintsTheCountLineAndQuarantinesTheBadRecord) {
  CommandResult result = RunHub({"sync", "customers", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("read=3 inserted=2 updated=0 merged=0 quarantined=1 deleted=0\n"));
}

TEST_F(HubCliTest, SyncOfAnUnknownJobIsBadUsage) {
  CommandResult result = RunHub({"sync", "nope", "--config", config_.string()});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr("no job named 'nope'"));
}

TEST_F(HubCliTest, ExportWritesTheSyncedCustomersAsCsvAndJson) {
  CommandResult synced = RunHub({"sync", "customers", "--config", config_.string()});
  ASSERT_EQ(synced.exit_status, 0) << synced.output;
  EXPECT_THAT(synced.output, HasSubstr("read=3 inserted=2 updated=0 merged=0 quarantined=1"));

  CommandResult csv = RunHub({"export", "customers", "--config", config_.string()});
  ASSERT_EQ(csv.exit_status, 0) << csv.output;
  EXPECT_THAT(csv.output, ::testing::StartsWith("customer_id,kind,name,"));
  EXPECT_THAT(csv.output, HasSubstr(",organization,\"Globex, Inc.\","));

  const std::string json_file = (sandbox_.dir() / "customers.json").string();
  CommandResult json =
      RunHub({"export", "customers", "--config", config_.string(), "--format", "json", "--out", json_file});
  ASSERT_EQ(json.exit_status, 0) << json.output;
  std::ifstream written(json_file);
  std::string content((std::istreambuf_iterator<char>(written)), std::istreambuf_iterator<char>());
  EXPECT_THAT(content, HasSubstr(R"("name":"Acme")"));
  EXPECT_FALSE(std::filesystem::exists(json_file + ".partial"));
}

TEST_F(HubCliTest, ExportOfAnUnknownKindOrFormatIsBadUsage) {
  EXPECT_EQ(RunHub({"export", "planets", "--config", config_.string()}).exit_status, 2);
  EXPECT_EQ(RunHub({"export", "customers", "--config", config_.string(), "--format", "xml"}).exit_status, 2);
}

}  // namespace
}  // namespace hub::test
