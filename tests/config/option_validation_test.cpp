#include "config/option_validation.hpp"

#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::config {
namespace {

using sdk::OptionType;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kBaseDir = "/etc/hub";
const std::filesystem::path kFile = "config/hub.xml";

sdk::PluginDescription FilePlugin() {
  sdk::PluginDescription plugin;
  plugin.name = "file";
  plugin.options = {
      {"path", OptionType::kPath, std::nullopt, true, "the file to read"},
      {"format", OptionType::kString, "csv", false, "csv or json"},
      {"max_rows", OptionType::kInteger, std::nullopt, false, ""},
      {"header", OptionType::kBoolean, "yes", false, ""},
      {"poll", OptionType::kDuration, std::nullopt, false, ""},
      {"password", OptionType::kSecret, std::nullopt, false, ""},
  };
  return plugin;
}

// A connector "crm" on line 10 whose options are on lines 11, 12, ...
ConnectorConfig Connector(const std::vector<std::pair<std::string, std::string>>& options) {
  ConnectorConfig connector{"crm", "file", {kFile, 10}, {}};
  int line = 11;
  for (const auto& [name, value] : options) connector.options.push_back({name, value, {kFile, line++}});
  return connector;
}

TEST(ValidateConnectorOptions, NormalizesValuesAndAppliesDefaults) {
  sdk::Options options;
  auto errors = ValidateConnectorOptions(
      Connector({{"path", "demo/../data/customers.csv"}, {"max_rows", "-5"}, {"poll", "30s"}, {"password", "pw"}}),
      FilePlugin(), kBaseDir, &options);
  ASSERT_TRUE(errors.empty()) << FormatErrors(errors);
  EXPECT_EQ(options.GetString("path"), "/etc/hub/data/customers.csv");
  EXPECT_EQ(options.GetString("format"), "csv");
  EXPECT_EQ(options.GetString("header"), "true");
  EXPECT_EQ(options.GetInteger("max_rows", 0).value(), -5);
  EXPECT_EQ(options.GetDuration("poll", {}).value(), std::chrono::seconds(30));
  EXPECT_EQ(options.GetString("password"), "pw");
  EXPECT_EQ(options.values().size(), 6u);
}

TEST(ValidateConnectorOptions, TakesARelativeSqliteDatabaseOfAConnectionStringFromTheConfigurationsFolder) {
  const auto password = [](const std::string& value) {
    sdk::Options options;
    auto errors =
        ValidateConnectorOptions(Connector({{"path", "p"}, {"password", value}}), FilePlugin(), kBaseDir, &options);
    EXPECT_TRUE(errors.empty()) << FormatErrors(errors);
    return options.GetString("password");
  };
  EXPECT_EQ(password("Driver=SQLite3;Database=../var/finance_demo.db"),
            "Driver=SQLite3;Database=/etc/var/finance_demo.db");
  EXPECT_EQ(password("Driver=SQLite3;Database=/srv/hr.db"), "Driver=SQLite3;Database=/srv/hr.db");
  EXPECT_EQ(password("Driver={PostgreSQL Unicode};Database=hr;Pwd=x"), "Driver={PostgreSQL Unicode};Database=hr;Pwd=x");
  EXPECT_EQ(password("s3cret"), "s3cret");
}

TEST(ValidateConnectorOptions, LeavesOutOptionsWithoutValueOrDefault) {
  sdk::Options options;
  auto errors = ValidateConnectorOptions(Connector({{"path", "/data/x.csv"}}), FilePlugin(), kBaseDir, &options);
  ASSERT_TRUE(errors.empty()) << FormatErrors(errors);
  EXPECT_EQ(options.GetString("path"), "/data/x.csv");
  EXPECT_FALSE(options.Has("max_rows"));
  EXPECT_FALSE(options.Has("password"));
  EXPECT_TRUE(options.Has("format"));
}

TEST(ValidateConnectorOptions, AcceptsEveryBooleanSpellingInAnyCase) {
  for (auto [text, expected] : {std::pair{"TRUE", "true"},
                                {"Yes", "true"},
                                {"1", "true"},
                                {"false", "false"},
                                {"NO", "false"},
                                {"0", "false"}}) {
    sdk::Options options;
    auto errors =
        ValidateConnectorOptions(Connector({{"path", "p"}, {"header", text}}), FilePlugin(), kBaseDir, &options);
    ASSERT_TRUE(errors.empty()) << text;
    EXPECT_EQ(options.GetString("header"), expected) << text;
  }
}

TEST(ValidateConnectorOptions, UnknownOptionListsTheKnownOnesAtItsLine) {
  auto errors =
      ValidateConnectorOptions(Connector({{"path", "p"}, {"colour", "red"}}), FilePlugin(), kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].ToString(),
            "config/hub.xml:12: connector 'crm' (plugin file): unknown option 'colour'; known options: path, format, "
            "max_rows, header, poll, password");
}

TEST(ValidateConnectorOptions, UnknownOptionOfAPluginWithoutOptionsSaysSo) {
  sdk::PluginDescription plugin;
  plugin.name = "bare";
  auto errors = ValidateConnectorOptions(Connector({{"x", "1"}}), plugin, kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("known options: (none)"));
}

TEST(ValidateConnectorOptions, MissingRequiredOptionIsReportedAtTheConnectorsLine) {
  sdk::Options options(std::map<std::string, std::string, std::less<>>{{"untouched", "yes"}});
  auto errors = ValidateConnectorOptions(Connector({}), FilePlugin(), kBaseDir, &options);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].ToString(),
            "config/hub.xml:10: connector 'crm' (plugin file): missing required option 'path' (the file to read)");
  EXPECT_TRUE(options.Has("untouched")) << "options must be left unchanged on errors";
}

TEST(ValidateConnectorOptions, DuplicateOptionIsReportedAtTheSecondOne) {
  auto errors = ValidateConnectorOptions(Connector({{"path", "a"}, {"path", "b"}}), FilePlugin(), kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 12);
  EXPECT_THAT(errors[0].message, HasSubstr("option 'path' is given twice (first at line 11)"));
}

struct BadValueCase {
  const char* option;
  const char* value;
  const char* message_part;
};

class ValidateConnectorOptionsBadValue : public ::testing::TestWithParam<BadValueCase> {};

TEST_P(ValidateConnectorOptionsBadValue, NamesTheOptionAndTheValueAtItsLine) {
  auto errors = ValidateConnectorOptions(Connector({{"path", "p"}, {GetParam().option, GetParam().value}}),
                                         FilePlugin(), kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u) << FormatErrors(errors);
  EXPECT_EQ(errors[0].location.line, 12);
  EXPECT_THAT(errors[0].message, HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidateConnectorOptionsBadValue,
    ::testing::Values(
        BadValueCase{"max_rows", "12x", "option 'max_rows' must be an integer, got '12x'"},
        BadValueCase{"max_rows", "99999999999999999999", "must be an integer, got '99999999999999999999'"},
        BadValueCase{"max_rows", "", "must be an integer, got ''"},
        BadValueCase{"header", "maybe", "option 'header' must be a boolean (true/false, yes/no, 1/0), got 'maybe'"},
        BadValueCase{"poll", "5 minutes",
                     "option 'poll' must be a duration (e.g. 250ms, 30s, 5m, 2h, 1d), got '5 minutes'"},
        BadValueCase{"poll", "-1s", "got '-1s'"}));

TEST(ValidateConnectorOptions, EmptyPathIsAnError) {
  auto errors = ValidateConnectorOptions(Connector({{"path", ""}}), FilePlugin(), kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("option 'path' is an empty path"));
}

TEST(ValidateConnectorOptions, NeverEchoesASecretsValue) {
  auto errors = ValidateConnectorOptions(
      Connector({{"password", "first-s3cret"}, {"password", "second-s3cret"}, {"colour", "x"}}), FilePlugin(), kBaseDir,
      nullptr);
  ASSERT_EQ(errors.size(), 3u) << FormatErrors(errors);
  std::string all = FormatErrors(errors);
  EXPECT_THAT(all, HasSubstr("option 'password' is given twice"));
  EXPECT_THAT(all, Not(HasSubstr("s3cret")));
}

TEST(ValidateConnectorOptions, InvalidPluginDefaultIsBlamedOnThePlugin) {
  sdk::PluginDescription plugin = FilePlugin();
  plugin.options.push_back({"retries", OptionType::kInteger, "three", false, ""});
  auto errors = ValidateConnectorOptions(Connector({{"path", "p"}}), plugin, kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].location.line, 10);
  EXPECT_THAT(errors[0].message, HasSubstr("the plugin's default is invalid: option 'retries' must be an integer"));
}

TEST(ValidateConnectorOptions, ReportsEveryProblem) {
  auto errors = ValidateConnectorOptions(Connector({{"max_rows", "x"}, {"header", "y"}, {"nope", "z"}}), FilePlugin(),
                                         kBaseDir, nullptr);
  ASSERT_EQ(errors.size(), 4u) << FormatErrors(errors);
  EXPECT_THAT(errors[3].message, HasSubstr("missing required option 'path'"));
}

}  // namespace
}  // namespace hub::config
