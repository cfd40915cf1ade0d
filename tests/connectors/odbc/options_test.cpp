// The option schema, its parsing, and the README table generated from it.
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/options_doc.hpp"
#include "odbc/odbc_options.hpp"

namespace hub::odbc_source {
namespace {

using Values = std::map<std::string, std::string, std::less<>>;

sdk::Result<OdbcOptions> Parse(Values values) {
  values.emplace("connection", "Driver=SQLite3;Database=/tmp/x.db");
  values.emplace("query", "SELECT * FROM customers");
  return ParseOdbcOptions(sdk::Options(std::move(values)));
}

TEST(OdbcOptionsSchema, DescribesAnOdbcConnectorWithEveryOptionDocumented) {
  const sdk::PluginDescription description = DescribeOdbcConnector();
  EXPECT_EQ(description.name, "odbc");
  EXPECT_EQ(description.kind, "connector");
  EXPECT_FALSE(description.version.empty());
  ASSERT_EQ(description.options.size(), 7u);
  for (const sdk::OptionSpec& option : description.options) {
    EXPECT_FALSE(option.description.empty()) << option.name;
    EXPECT_EQ(option.required, option.name == "connection" || option.name == "query") << option.name;
  }
  EXPECT_EQ(description.options[0].type, sdk::OptionType::kSecret);
}

TEST(OdbcOptionsSchema, DeclaredDefaultsParseToTheBuiltInDefaults) {
  Values defaults{{"id_column", "id"}};
  for (const sdk::OptionSpec& option : DescribeOdbcConnector().options) {
    if (option.default_value) defaults[option.name] = *option.default_value;
  }
  sdk::Result<OdbcOptions> parsed = Parse(defaults);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const OdbcOptions expected;
  EXPECT_EQ(parsed->overlap, expected.overlap);
  EXPECT_EQ(parsed->entity, expected.entity);
}

TEST(OdbcOptionsParsing, ReadsEveryOptionAndChoosesTheMode) {
  sdk::Result<OdbcOptions> parsed = Parse({{"query", "  SELECT * FROM crm.customers ;\n; "},
                                           {"timestamp_column", "updated_at"},
                                           {"id_column", "customer_no"},
                                           {"overlap", "90s"},
                                           {"entity", "customer"}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->query, "SELECT * FROM crm.customers");
  EXPECT_EQ(parsed->mode(), ReadMode::kTimestampId);
  EXPECT_EQ(parsed->overlap, std::chrono::seconds(90));
  EXPECT_EQ(parsed->id_field, "customer_no");
  EXPECT_EQ(parsed->entity, "customer");

  EXPECT_EQ(Parse({{"id_column", "id"}})->mode(), ReadMode::kId);
  sdk::Result<OdbcOptions> full = Parse({{"id_field", "Customer No"}});
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full->mode(), ReadMode::kFull);
  EXPECT_EQ(full->id_field, "Customer No");
}

struct BadOption {
  const char* name;
  Values values;
  std::string message;
};

class OdbcOptionsErrors : public ::testing::TestWithParam<BadOption> {};

TEST_P(OdbcOptionsErrors, NameTheOption) {
  sdk::Result<OdbcOptions> parsed = ParseOdbcOptions(sdk::Options(GetParam().values));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, OdbcOptionsErrors,
    ::testing::Values(
        BadOption{"MissingConnection",
                  {{"query", "SELECT 1"}},
                  "option 'connection' is required: the source's ODBC connection string"},
        BadOption{"EmptyQuery",
                  {{"connection", "DSN=x"}, {"query", " ; "}},
                  "option 'query' is required: the SELECT to read"},
        BadOption{"TimestampWithoutId",
                  {{"connection", "DSN=x"}, {"query", "SELECT 1"}, {"timestamp_column", "ts"}},
                  "option 'timestamp_column' needs 'id_column' too: rows sharing a timestamp are told apart and "
                  "paged by (timestamp, id)"},
        BadOption{"NoIdAtAll",
                  {{"connection", "DSN=x"}, {"query", "SELECT 1"}},
                  "option 'id_field' is required when 'id_column' is not set: it names the column holding each "
                  "record's source id"},
        BadOption{"QuotedColumn",
                  {{"connection", "DSN=x"}, {"query", "SELECT 1"}, {"id_column", "id; DROP TABLE x"}},
                  "option 'id_column': 'id; DROP TABLE x' is not a plain column name (letters, digits, _); alias "
                  "the column in the query, e.g. SELECT \"Last Change\" AS updated_at"},
        BadOption{"Overlap",
                  {{"connection", "DSN=x"}, {"query", "SELECT 1"}, {"id_column", "id"}, {"overlap", "soon"}},
                  "option 'overlap': 'soon' is not a duration (e.g. 30s, 5m, 2h)"},
        BadOption{"EmptyEntity",
                  {{"connection", "DSN=x"}, {"query", "SELECT 1"}, {"id_column", "id"}, {"entity", ""}},
                  "option 'entity' must not be empty"}),
    [](const ::testing::TestParamInfo<BadOption>& info) { return info.param.name; });

TEST(OdbcConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/odbc/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/odbc/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeOdbcConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/odbc/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::odbc_source
