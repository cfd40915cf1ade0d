// Invalid files: every kind of error is reported at the right line, all of them, never with a secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.hpp"
#include "config_test_support.hpp"

namespace hub::config {
namespace {

using testing::FakeEnv;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::TempDir;

const std::string kHash(64, 'a');

// A valid file whose lines 4.. are `body`: the line numbers in the cases below count from there.
std::string FileWith(const std::string& body) {
  return "<hub>\n"
         "  <store><connection>DSN=x</connection></store>\n"
         "  <plugins dir=\".\"/>\n" +
         body + "\n</hub>\n";
}

struct ErrorCase {
  const char* name;
  std::string body;
  int line;
  const char* message_part;
};

void PrintTo(const ErrorCase& error_case, std::ostream* out) { *out << error_case.name; }

class ConfigErrorLines : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ConfigErrorLines, ReportsExactlyOneErrorAtItsLine) {
  TempDir dir;
  dir.Write("present.pem", "pem");
  auto file = dir.Write("hub.xml", FileWith(GetParam().body));
  ConfigLoadResult result = LoadConfig(file, FakeEnv({{"SET", "value"}}));
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.config.has_value());
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, GetParam().line) << result.errors[0].ToString();
  EXPECT_THAT(result.errors[0].message, HasSubstr(GetParam().message_part));
}

std::string Token(const std::string& attributes) { return "<api><auth>\n<token " + attributes + "/>\n</auth></api>"; }

INSTANTIATE_TEST_SUITE_P(
    Cases, ConfigErrorLines,
    ::testing::Values(
        ErrorCase{"UnknownElement", "<storage/>", 4, "unknown element <storage> in <hub>; expected: store, plugins"},
        ErrorCase{"UnknownAttribute", "<runtime io_threads=\"2\"\n  colour=\"red\"/>", 5,
                  "unknown attribute 'colour' on <runtime>; expected: io_threads, worker_threads"},
        ErrorCase{
            "UnknownOptionAttribute",
            "<connectors><connector name=\"a\" plugin=\"file\">\n<path unit=\"x\">p</path></connector></connectors>", 5,
            "unknown attribute 'unit' on <path>; <path> takes no attributes"},
        ErrorCase{"UnexpectedText", "<jobs>\n  oops\n</jobs>", 5, "unexpected text in <jobs>"},
        ErrorCase{"PortTooLarge", "<api port=\"70000\"/>", 4, "'70000' is not an integer from 0 to 65535"},
        ErrorCase{"PortNotANumber", "<api port=\"80a\"/>", 4, "'80a' is not an integer from 0 to 65535"},
        ErrorCase{"BadAddress", "<api address=\"not an address\"/>", 4, "is not an IP address or host name"},
        ErrorCase{"BadTimeout", "<api request_timeout=\"soon\"/>", 4, "'soon' is not a duration longer than zero"},
        ErrorCase{"BadIdleTimeout", "<api idle_timeout=\"0s\"/>", 4, "'0s' is not a duration longer than zero"},
        ErrorCase{"NoConnections", "<api max_connections=\"0\"/>", 4, "'0' is not an integer from 1 to 1000000"},
        ErrorCase{"NoConnectionsPerClient", "<api max_connections_per_client=\"-1\"/>", 4,
                  "'-1' is not an integer from 1 to 1000000"},
        ErrorCase{"BadCallsSourceSystem", "<api calls_source_system=\"PBX 1\"/>", 4,
                  "'PBX 1' is not a name (lowercase letters, digits and _ only)"},
        ErrorCase{"TooManyThreads", "<runtime worker_threads=\"65\"/>", 4, "is not an integer from 1 to 64"},
        ErrorCase{"BadLogLevel", "<logging level=\"loud\"/>", 4, "'loud' is not one of: trace, debug"},
        ErrorCase{"BadLogFormat", "<logging format=\"xml\"/>", 4, "'xml' is not one of: text, json"},
        ErrorCase{"BadRole", Token("name=\"ops\" role=\"boss\" sha256=\"" + kHash + "\""), 5,
                  "'boss' is not one of: read, operate, admin"},
        ErrorCase{"MissingRole", Token("name=\"ops\" sha256=\"" + kHash + "\""), 5,
                  "<token> is missing the required attribute 'role'"},
        ErrorCase{"ShortSha256", Token("name=\"ops\" role=\"read\" sha256=\"abc\""), 5,
                  "expected the token's SHA-256 as 64 hex digits"},
        ErrorCase{"NonHexSha256", Token("name=\"ops\" role=\"read\" sha256=\"" + std::string(64, 'g') + "\""), 5,
                  "expected the token's SHA-256 as 64 hex digits"},
        ErrorCase{"DuplicateTokenNames",
                  "<api><auth>\n<token name=\"ops\" role=\"read\" sha256=\"" + kHash +
                      "\"/>\n<token name=\"ops\" role=\"read\" sha256=\"" + std::string(64, 'b') +
                      "\"/>\n</auth></api>",
                  6, "duplicate token name 'ops' (first at line 5)"},
        ErrorCase{"AuthOffOnAnyAddress", "<api address=\"0.0.0.0\">\n  <auth required=\"false\"/>\n</api>", 5,
                  "is allowed only when <api address> is a loopback address"},
        ErrorCase{"AuthRequiredNotABoolean", "<api><auth required=\"nope\"/></api>", 4,
                  "'nope' is not one of: true, false"},
        ErrorCase{"MissingTlsFile", "<api>\n<tls certificate=\"present.pem\"\n     key=\"missing.key\"/>\n</api>", 6,
                  "<tls> attribute 'key': cannot read"},
        ErrorCase{"DuplicateApi", "<api/>\n<api/>", 5, "duplicate <api> in <hub> (first at line 4)"},
        ErrorCase{"DuplicateConnectorNames",
                  "<connectors>\n<connector name=\"crm\" plugin=\"file\"/>\n<connector name=\"crm\" plugin=\"odbc\"/>\n"
                  "</connectors>",
                  6, "duplicate connector name 'crm' (first at line 5)"},
        ErrorCase{"BadConnectorName", "<connectors>\n<connector name=\"CRM\" plugin=\"file\"/>\n</connectors>", 5,
                  "'CRM' is not a name (lowercase letters, digits and _ only)"},
        ErrorCase{"MissingPlugin", "<connectors>\n<connector name=\"crm\"/>\n</connectors>", 5,
                  "<connector> is missing the required attribute 'plugin'"},
        ErrorCase{"DuplicateJobNames",
                  "<connectors><connector name=\"c\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"j\" connector=\"c\"><mapping entity=\"party\"/></job>\n<job name=\"j\" "
                  "connector=\"c\"><mapping entity=\"party\"/></job>\n</jobs>",
                  7, "duplicate job name 'j' (first at line 6)"},
        ErrorCase{"JobWithUnknownConnector",
                  "<connectors><connector name=\"crm\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"orders\" connector=\"erp\"><mapping entity=\"party\"/></job>\n</jobs>",
                  6, "job 'orders' names unknown connector 'erp'; defined connectors: crm"},
        ErrorCase{"JobWithoutMapping",
                  "<connectors><connector name=\"c\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"j\" connector=\"c\" every=\"5m\"/>\n</jobs>",
                  6, "<job name=\"j\"> has no <mapping>: say which model entity its records fill"},
        ErrorCase{"CronAndEvery",
                  "<connectors><connector name=\"c\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"j\" connector=\"c\" cron=\"* * * * *\" every=\"5m\"><mapping "
                  "entity=\"party\"/></job>\n</jobs>",
                  6, "has both 'cron' and 'every'"},
        ErrorCase{"EveryZero",
                  "<connectors><connector name=\"c\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"j\" connector=\"c\" every=\"0s\"><mapping entity=\"party\"/></job>\n</jobs>",
                  6, "'0s' is not a duration longer than zero"},
        ErrorCase{"BatchSizeTooLarge",
                  "<connectors><connector name=\"c\" plugin=\"file\"/></connectors>\n<jobs>\n"
                  "<job name=\"j\" connector=\"c\" batch_size=\"100001\"><mapping entity=\"party\"/></job>\n</jobs>",
                  6, "is not an integer from 1 to 100000"},
        ErrorCase{"UnknownSecretKind", "<logging\n file=\"${vault:log}\"/>", 5, "unknown reference '${vault:log}'"},
        ErrorCase{"UnsetVariable", "<logging file=\"${env:UNSET}\"/>", 4, "environment variable 'UNSET' is not set"},
        ErrorCase{"XmlSyntaxError", "<api port=\"1\">\n</apx>", 5, "XML syntax error"},
        ErrorCase{"UnclosedAttribute", "<api port=\"1/>", 4, "XML syntax error"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(ConfigErrors, ReportsEveryErrorInLineOrder) {
  TempDir dir;
  auto file =
      dir.Write("hub.xml", FileWith("<jobs>\n"
                                    "  <job name=\"a\" connector=\"missing\"><mapping entity=\"party\"/></job>\n"
                                    "</jobs>\n"
                                    "<api port=\"-1\">\n"
                                    "  <extra/>\n"
                                    "</api>"));
  ConfigLoadResult result = LoadConfig(file, FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 3u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].location.line, 5);
  EXPECT_THAT(result.errors[0].message, HasSubstr("unknown connector 'missing'"));
  EXPECT_EQ(result.errors[1].location.line, 7);
  EXPECT_THAT(result.errors[1].message, HasSubstr("'-1' is not an integer"));
  EXPECT_EQ(result.errors[2].location.line, 8);
  EXPECT_THAT(result.errors[2].message, HasSubstr("unknown element <extra> in <api>"));
}

TEST(ConfigErrors, NamesTheFileAsTheCallerGaveIt) {
  TempDir dir;
  auto absolute = dir.Write("hub.xml", FileWith("<api port=\"x\"/>"));
  std::filesystem::path relative = std::filesystem::relative(absolute);
  ConfigLoadResult result = LoadConfig(relative, FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 1u) << FormatErrors(result.errors);
  EXPECT_THAT(result.errors[0].ToString(), StartsWith(relative.string() + ":4: <api> attribute 'port': "));
}

TEST(ConfigErrors, MissingFileIsOneErrorWithoutALine) {
  ConfigLoadResult result = LoadConfig("no/such/hub.xml", FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].location.line, 0);
  EXPECT_EQ(result.errors[0].ToString(), "no/such/hub.xml: configuration file not found");
}

TEST(ConfigErrors, UnreadableFileIsAnError) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.path(), FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_THAT(result.errors[0].message, HasSubstr("cannot read the configuration file"));
}

TEST(ConfigErrors, EmptyFileIsASyntaxErrorOnLineOne) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", ""), FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].location.line, 1);
  EXPECT_THAT(result.errors[0].message, HasSubstr("XML syntax error"));
}

TEST(ConfigErrors, RequiresTheHubRootElement) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", "<?xml version=\"1.0\"?>\n<config/>\n"), FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].location.line, 2);
  EXPECT_EQ(result.errors[0].message, "the root element must be <hub>, not <config>");
}

TEST(ConfigErrors, RequiresStoreAndPluginsSections) {
  TempDir dir;
  ConfigLoadResult result = LoadConfig(dir.Write("hub.xml", "\n<hub name=\"x\">\n</hub>\n"), FakeEnv({}));
  ASSERT_EQ(result.errors.size(), 2u) << FormatErrors(result.errors);
  EXPECT_EQ(result.errors[0].ToString(), result.errors[0].location.file.string() + ":2: <hub> needs a <store> section");
  EXPECT_EQ(result.errors[1].message, "<hub> needs a <plugins> section");
}

TEST(ConfigErrors, RequiresAtLeastOneNonEmptyConnection) {
  TempDir dir;
  auto file = dir.Write("hub.xml", "<hub>\n<store>\n</store>\n<plugins dir=\".\"/>\n</hub>");
  ConfigLoadResult empty_store = LoadConfig(file, FakeEnv({}));
  ASSERT_EQ(empty_store.errors.size(), 1u) << FormatErrors(empty_store.errors);
  EXPECT_EQ(empty_store.errors[0].location.line, 2);
  EXPECT_THAT(empty_store.errors[0].message, HasSubstr("needs at least one <connection>"));

  file = dir.Write("hub.xml", "<hub>\n<store>\n<connection> </connection>\n</store>\n<plugins dir=\".\"/>\n</hub>");
  ConfigLoadResult blank = LoadConfig(file, FakeEnv({}));
  ASSERT_EQ(blank.errors.size(), 1u) << FormatErrors(blank.errors);
  EXPECT_EQ(blank.errors[0].location.line, 3);
  EXPECT_THAT(blank.errors[0].message, HasSubstr("<connection> is empty"));
}

TEST(ConfigErrors, NeverEchoesAValueThatCameFromASecret) {
  TempDir dir;
  dir.Write("token.txt", "pasted-token-instead-of-hash\n");
  auto file =
      dir.Write("hub.xml", FileWith("<api address=\"${env:ADDRESS}\" request_timeout=\"${env:TIMEOUT}\">\n"
                                    "<auth><token name=\"x\" role=\"read\" sha256=\"${file:token.txt}\"/></auth>\n"
                                    "</api>"));
  ConfigLoadResult result = LoadConfig(file, FakeEnv({{"ADDRESS", "bad address!"}, {"TIMEOUT", "hidden-timeout"}}));
  ASSERT_EQ(result.errors.size(), 3u) << FormatErrors(result.errors);
  std::string all = FormatErrors(result.errors);
  for (const char* secret : {"bad address!", "hidden-timeout", "pasted-token"}) {
    EXPECT_THAT(all, ::testing::Not(HasSubstr(secret))) << all;
  }
  EXPECT_THAT(all, HasSubstr("'${env:ADDRESS}' is not an IP address"));
}

}  // namespace
}  // namespace hub::config
