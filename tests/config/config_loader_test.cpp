#include "config/config_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace hub::config {
namespace {

using ::testing::ElementsAre;
using testing::FakeEnv;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDir;

const std::string kOpsHashUpper = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";
const std::string kBotHash = "0000000000000000000000000000000000000000000000000000000000000001";

std::string FullFile() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<hub name="demo">
  <store>
    <connection>Driver=SQLite3;Database=../var/hub.db</connection>
    <connection>
      Driver=PostgreSQL;Uid=${env:DB_USER};Pwd=${file:secrets/db_password}
    </connection>
  </store>
  <plugins dir="../build/plugins"/>
  <runtime io_threads="3" worker_threads="8"/>
  <logging level="debug" format="json" file="../var/hub.log"/>
  <api address="0.0.0.0" port="9090" max_body_bytes="2048" request_timeout="5s" idle_timeout="2m" max_connections="1000" max_connections_per_client="8" calls_source_system="pbx">
    <tls certificate="certs/hub.pem" key="certs/hub.key"/>
    <auth required="true">
      <token name="ops" role="operate" sha256=")" +
         kOpsHashUpper + R"("/>
      <token name="ci-bot" role="admin" sha256=")" +
         kBotHash + R"("/>
    </auth>
  </api>
  <connectors>
    <connector name="crm_files" plugin="file">
      <path>demo/customers_en.csv</path>
      <format>csv</format>
    </connector>
    <connector name="erp" plugin="odbc"/>
  </connectors>
  <jobs>
    <job name="customers" connector="crm_files" cron="*/5 * * * *" batch_size="500"><mapping entity="party"/></job>
    <job name="orders" connector="erp" every="30s"><mapping entity="party"/></job>
    <job name="manual" connector="erp"><mapping entity="party"/></job>
  </jobs>
</hub>
)";
}

class FullConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("etc/certs/hub.pem", "certificate");
    dir_.Write("etc/certs/hub.key", "key");
    dir_.Write("etc/secrets/db_password", "pa55word\n");
    file_ = dir_.Write("etc/hub.xml", FullFile());
    result_ = LoadConfig(file_, FakeEnv({{"DB_USER", "hub_user"}}));
    ASSERT_TRUE(result_.ok()) << FormatErrors(result_.errors);
  }

  const HubConfig& config() const { return *result_.config; }
  std::filesystem::path Under(const char* relative) const { return dir_.path() / relative; }

  TempDir dir_;
  std::filesystem::path file_;
  ConfigLoadResult result_;
};

TEST_F(FullConfigTest, KnowsItsFileAndFolder) {
  EXPECT_EQ(config().file, file_);
  EXPECT_EQ(config().base_dir, Under("etc"));
  EXPECT_EQ(config().instance_name, "demo");
}

TEST_F(FullConfigTest, ReadsStoreConnectionsInOrderWithSecretsResolvedAndTextTrimmed) {
  EXPECT_THAT(config().store.connection_strings,
              ElementsAre("Driver=SQLite3;Database=../var/hub.db", "Driver=PostgreSQL;Uid=hub_user;Pwd=pa55word"));
}

TEST_F(FullConfigTest, MakesPluginAndLogPathsAbsoluteAgainstTheFilesFolder) {
  EXPECT_THAT(config().plugin_dirs, ElementsAre(Under("build/plugins")));
  EXPECT_EQ(config().logging.file, Under("var/hub.log").string());
  EXPECT_EQ(config().logging.level, spdlog::level::debug);
  EXPECT_EQ(config().logging.format, LogFormat::kJson);
}

TEST_F(FullConfigTest, ReadsRuntimeAndApiSettings) {
  EXPECT_EQ(config().runtime.io_threads, 3);
  EXPECT_EQ(config().runtime.worker_threads, 8);
  const ApiConfig& api = config().api;
  EXPECT_EQ(api.address, "0.0.0.0");
  EXPECT_EQ(api.port, 9090);
  EXPECT_EQ(api.max_body_bytes, 2048u);
  EXPECT_EQ(api.request_timeout, std::chrono::seconds(5));
  EXPECT_EQ(api.idle_timeout, std::chrono::minutes(2));
  EXPECT_EQ(api.max_connections, 1000u);
  EXPECT_EQ(api.max_connections_per_client, 8u);
  EXPECT_EQ(api.calls_source_system, "pbx");
  ASSERT_TRUE(api.tls.has_value());
  EXPECT_EQ(api.tls->certificate_chain, Under("etc/certs/hub.pem"));
  EXPECT_EQ(api.tls->private_key, Under("etc/certs/hub.key"));
}

TEST_F(FullConfigTest, ReadsTokensWithLowercasedHashesAndRoles) {
  const ApiConfig& api = config().api;
  EXPECT_TRUE(api.auth_required);
  ASSERT_EQ(api.tokens.size(), 2u);
  EXPECT_EQ(api.tokens[0].name, "ops");
  EXPECT_EQ(api.tokens[0].role, Role::kOperate);
  EXPECT_EQ(api.tokens[0].sha256_hex, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  EXPECT_EQ(api.tokens[1].name, "ci-bot");
  EXPECT_EQ(api.tokens[1].role, Role::kAdmin);
  EXPECT_EQ(api.tokens[1].sha256_hex, kBotHash);
}

TEST_F(FullConfigTest, ReadsConnectorsWithTheirOptionsAndLines) {
  ASSERT_EQ(config().connectors.size(), 2u);
  const ConnectorConfig* crm = config().FindConnector("crm_files");
  ASSERT_NE(crm, nullptr);
  EXPECT_EQ(crm->plugin, "file");
  EXPECT_EQ(crm->location.line, 20);
  EXPECT_EQ(crm->location.file, file_);
  ASSERT_EQ(crm->options.size(), 2u);
  EXPECT_EQ(crm->options[0].name, "path");
  EXPECT_EQ(crm->options[0].value, "demo/customers_en.csv");
  EXPECT_EQ(crm->options[0].location.line, 21);
  EXPECT_EQ(crm->options[1].name, "format");
  EXPECT_EQ(crm->options[1].value, "csv");
  ASSERT_NE(config().FindConnector("erp"), nullptr);
  EXPECT_TRUE(config().FindConnector("erp")->options.empty());
}

TEST_F(FullConfigTest, ReadsJobsWithTheirSchedules) {
  ASSERT_EQ(config().jobs.size(), 3u);
  const JobConfig& customers = config().jobs[0];
  EXPECT_EQ(customers.name, "customers");
  EXPECT_EQ(customers.connector, "crm_files");
  EXPECT_EQ(customers.cron, "*/5 * * * *");
  EXPECT_FALSE(customers.every.has_value());
  EXPECT_EQ(customers.batch_size, 500u);
  EXPECT_EQ(customers.location.line, 27);
  const JobConfig& orders = config().jobs[1];
  EXPECT_TRUE(orders.cron.empty());
  EXPECT_EQ(orders.every, std::chrono::milliseconds(30'000));
  EXPECT_EQ(orders.batch_size, 1000u);
  const JobConfig& manual = config().jobs[2];
  EXPECT_TRUE(manual.cron.empty());
  EXPECT_FALSE(manual.every.has_value());
}

TEST(LoadConfig, ReadsPluginFoldersInOrderAttributeFirst) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub><store><connection>DSN=x</connection></store>
    <plugins dir="build/plugins" system="false"><dir>vendor</dir><dir>/opt/acme/plugins</dir></plugins></hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_THAT(result.config->plugin_dirs, ElementsAre(dir.path() / "build/plugins", dir.path() / "vendor",
                                                      std::filesystem::path("/opt/acme/plugins")));
  EXPECT_FALSE(result.config->system_plugins);
}

TEST(LoadConfig, PluginsWithoutAFolderMeanTheSystemFolder) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub><store><connection>DSN=x</connection></store><plugins/></hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_TRUE(result.config->plugin_dirs.empty());
  EXPECT_TRUE(result.config->system_plugins);
}

TEST(LoadConfig, RefusesPluginsThatNameNoFolderAtAll) {
  TempDir dir;
  auto file =
      dir.Write("hub.xml", "<hub><store><connection>DSN=x</connection></store>\n<plugins system=\"false\"/></hub>");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(FormatErrors(result.errors), HasSubstr("hub.xml:2: <plugins> names no folder"));
}

TEST(LoadConfig, AppliesDefaultsToAMinimalFile) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub><store><connection>DSN=x</connection></store><plugins dir="."/></hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const HubConfig& config = *result.config;
  EXPECT_EQ(config.instance_name, "hub");
  EXPECT_THAT(config.plugin_dirs, ElementsAre(dir.path()));
  EXPECT_TRUE(config.system_plugins);
  EXPECT_EQ(config.runtime.io_threads, 2);
  EXPECT_EQ(config.runtime.worker_threads, 4);
  EXPECT_EQ(config.logging.level, spdlog::level::info);
  EXPECT_EQ(config.logging.format, LogFormat::kText);
  EXPECT_TRUE(config.logging.file.empty());
  EXPECT_EQ(config.api.address, "127.0.0.1");
  EXPECT_EQ(config.api.port, 8080);
  EXPECT_EQ(config.api.max_body_bytes, std::size_t{1} << 20);
  EXPECT_EQ(config.api.request_timeout, std::chrono::seconds(30));
  EXPECT_EQ(config.api.idle_timeout, std::chrono::seconds(30));
  EXPECT_EQ(config.api.max_connections, 256u);
  EXPECT_EQ(config.api.max_connections_per_client, 64u);
  EXPECT_FALSE(config.api.tls.has_value());
  EXPECT_TRUE(config.api.auth_required);
  EXPECT_TRUE(config.connectors.empty());
  EXPECT_TRUE(config.jobs.empty());
}

TEST(LoadConfig, IdleTimeoutIsTheRequestTimeoutUnlessWritten) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub><store><connection>DSN=x</connection></store><plugins dir="."/>
    <api request_timeout="7s"/></hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  EXPECT_EQ(result.config->api.idle_timeout, std::chrono::seconds(7));
}

TEST(LoadConfig, AllowsAuthOffAndPortZeroOnLoopback) {
  TempDir dir;
  for (const char* address : {"127.0.0.1", "127.1.2.3", "::1", "localhost"}) {
    auto file = dir.Write("hub.xml", std::string(R"(<hub><store><connection>DSN=x</connection></store>
      <plugins dir="."/><api address=")") +
                                         address + R"(" port="0"><auth required="false"/></api></hub>)");
    ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
    ASSERT_TRUE(result.ok()) << address << ": " << FormatErrors(result.errors);
    EXPECT_FALSE(result.config->api.auth_required);
    EXPECT_EQ(result.config->api.port, 0);
  }
}

TEST(LoadConfig, ExpandsSecretsInOptionsAndKeepsEscapedReferencesLiteral) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub><store><connection>DSN=x</connection></store><plugins dir="."/>
    <connectors><connector name="mail" plugin="email">
      <password>${env:MAIL_PASSWORD}</password>
      <template>Dear $${name}</template>
    </connector></connectors></hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({{"MAIL_PASSWORD", "hunter2"}}));
  ASSERT_TRUE(result.ok()) << FormatErrors(result.errors);
  const auto& options = result.config->connectors.at(0).options;
  ASSERT_EQ(options.size(), 2u);
  EXPECT_EQ(options[0].value, "hunter2");
  EXPECT_EQ(options[1].value, "Dear ${name}");
}

TEST(LoadConfig, UnsetVariableNamesItAndNeverShowsResolvedValues) {
  TempDir dir;
  auto file = dir.Write("hub.xml", R"(<hub>
  <store><connection>Uid=${env:DB_USER};Pwd=${env:DB_PASSWORD}</connection></store>
  <plugins dir="."/>
  <api port="${env:PORT}"/>
</hub>)");
  ConfigLoadResult result = LoadConfig(file, FakeEnv({{"DB_USER", "user-value"}, {"PORT", "secret-port"}}));
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.errors.size(), 2u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 2);
  EXPECT_THAT(result.errors[0].message, HasSubstr("environment variable 'DB_PASSWORD' is not set"));
  EXPECT_EQ(result.errors[1].location.line, 4);
  EXPECT_THAT(result.errors[1].message, HasSubstr("'${env:PORT}' is not an integer"));
  std::string all = FormatErrors(result.errors);
  EXPECT_THAT(all, Not(HasSubstr("user-value")));
  EXPECT_THAT(all, Not(HasSubstr("secret-port")));
}

}  // namespace
}  // namespace hub::config
