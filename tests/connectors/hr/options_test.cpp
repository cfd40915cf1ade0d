// The option schema, its parsing, and the README table generated from it.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/options_doc.hpp"
#include "hr/hr_options.hpp"

namespace hub::hr {
namespace {

sdk::Result<HrOptions> Parse(std::map<std::string, std::string, std::less<>> values) {
  return ParseHrOptions(sdk::Options(std::move(values)));
}

TEST(HrOptions, DefaultsReadAutoDetectedCsvWithTheChineseHeaderInChinaTime) {
  auto options = Parse({{"path", "/srv/hr/花名册.csv"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->encoding, "auto");
  EXPECT_EQ(options->delimiter, ',');
  EXPECT_EQ(options->header_markers, (std::vector<std::string>{"工号", "员工编号", "员工工号", "employee_number"}));
  EXPECT_EQ(options->utc_offset, std::chrono::hours(8));
  EXPECT_FALSE(options->completeness.declared_final);
}

TEST(HrOptions, ParsesWhatIsGiven) {
  auto options = Parse({{"path", "/in"},
                        {"encoding", "GBK"},
                        {"delimiter", "tab"},
                        {"header_row", "人员编号, 工号"},
                        {"final", "true"},
                        {"settle_time", "10s"},
                        {"utc_offset", "-05:30"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->encoding, "gbk");
  EXPECT_EQ(options->delimiter, '\t');
  EXPECT_EQ(options->header_markers, (std::vector<std::string>{"人员编号", "工号"}));
  EXPECT_TRUE(options->completeness.declared_final);
  EXPECT_EQ(options->completeness.settle, std::chrono::seconds(10));
  EXPECT_EQ(options->utc_offset, -std::chrono::minutes(330));
}

TEST(HrOptions, RefusesValuesTheSchemaCannotExpressNamingTheOption) {
  EXPECT_NE(Parse({{"path", "/in"}, {"encoding", "klingon"}}).status().message().find("option 'encoding'"),
            std::string::npos);
  EXPECT_NE(Parse({{"path", "/in"}, {"delimiter", "，"}}).status().message().find("option 'delimiter'"),
            std::string::npos);
  EXPECT_NE(Parse({{"path", "/in"}, {"header_row", " , "}}).status().message().find("option 'header_row'"),
            std::string::npos);
  EXPECT_NE(Parse({{"path", "/in"}, {"utc_offset", "CST"}}).status().message().find("option 'utc_offset'"),
            std::string::npos);
  EXPECT_EQ(Parse({}).status().code(), sdk::StatusCode::kInvalidArgument);
}

TEST(HrOptions, TheTableFormReadsTheTableByItsCursorColumnsWithAFiveMinuteOverlap) {
  auto options = Parse({{"connection", "Driver=SQLite3;Database=/srv/hr.db"},
                        {"table", "hr.employees"},
                        {"timestamp_column", "updated_at"},
                        {"id_column", "id"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_TRUE(options->path.empty());
  EXPECT_EQ(options->connection, "Driver=SQLite3;Database=/srv/hr.db");
  EXPECT_EQ(options->table.query, "SELECT * FROM hr.employees");
  EXPECT_EQ(options->table.mode(), odbc::ReadMode::kTimestampId);
  EXPECT_EQ(options->table.overlap, std::chrono::minutes(5));
  EXPECT_EQ(options->table_label, "hr.employees");
  EXPECT_EQ(options->utc_offset, std::chrono::hours(8));
}

TEST(HrOptions, TheQueryFormTakesTheSelectWithoutItsTrailingSemicolon) {
  auto options = Parse({{"connection", "DSN=hr"},
                        {"query", " SELECT emp_no AS 工号, emp_no AS id FROM staff ;"},
                        {"id_column", "id"},
                        {"overlap", "10m"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->table.query, "SELECT emp_no AS 工号, emp_no AS id FROM staff");
  EXPECT_EQ(options->table.mode(), odbc::ReadMode::kId);
  EXPECT_EQ(options->table.overlap, std::chrono::minutes(10));
  EXPECT_EQ(options->table_label, "query");
}

TEST(HrOptions, RefusesAnUnclearSourceNamingTheOptions) {
  const auto message = [](std::map<std::string, std::string, std::less<>> values) {
    return Parse(std::move(values)).status().message();
  };
  EXPECT_NE(message({}).find("option 'path'"), std::string::npos);
  EXPECT_NE(message({{"path", "/in"}, {"connection", "DSN=hr"}}).find("option 'connection'"), std::string::npos);
  EXPECT_NE(message({{"connection", "DSN=hr"}, {"id_column", "id"}}).find("'table'"), std::string::npos);
  EXPECT_NE(
      message({{"connection", "DSN=hr"}, {"table", "t"}, {"query", "SELECT 1"}, {"id_column", "id"}}).find("'query'"),
      std::string::npos);
  EXPECT_NE(
      message({{"connection", "DSN=hr"}, {"table", "t; DROP TABLE t"}, {"id_column", "id"}}).find("option 'table'"),
      std::string::npos);
  EXPECT_NE(message({{"connection", "DSN=hr"}, {"table", "t"}}).find("option 'id_column' is required"),
            std::string::npos);
  EXPECT_NE(message({{"connection", "DSN=hr"}, {"table", "t"}, {"timestamp_column", "updated_at"}})
                .find("option 'timestamp_column' needs 'id_column'"),
            std::string::npos);
  EXPECT_NE(message({{"connection", "DSN=hr"}, {"table", "t"}, {"id_column", "工号"}}).find("option 'id_column'"),
            std::string::npos);
  EXPECT_NE(message({{"connection", "DSN=hr"}, {"table", "t"}, {"id_column", "id"}, {"overlap", "soon"}})
                .find("option 'overlap'"),
            std::string::npos);
}

TEST(HrConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/hr/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/hr/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeHrConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/hr/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::hr
