// Splitting migration scripts into statements.
#include "store/schema/sql_script.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::schema {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct SplitCase {
  std::string name;
  std::string script;
  std::vector<std::string> statements;
};

class SplitStatementsTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitStatementsTest, SplitsAtSemicolonsOutsideLiteralsAndComments) {
  sdk::Result<std::vector<std::string>> statements = SplitStatements(GetParam().script);
  ASSERT_TRUE(statements.ok()) << statements.status().ToString();
  EXPECT_EQ(*statements, GetParam().statements);
}

INSTANTIATE_TEST_SUITE_P(
    Scripts, SplitStatementsTest,
    ::testing::Values(
        SplitCase{"TwoStatements",
                  "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n",
                  {"CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"}},
        SplitCase{"LastWithoutSemicolon", "SELECT 1;\n  SELECT 2  ", {"SELECT 1", "SELECT 2"}},
        SplitCase{"SemicolonInString", "INSERT INTO t VALUES ('a;b');", {"INSERT INTO t VALUES ('a;b')"}},
        SplitCase{"DoubledQuoteInString", "SELECT 'it''s; fine';", {"SELECT 'it''s; fine'"}},
        SplitCase{"SemicolonInQuotedIdentifier", "SELECT 1 AS \"a;b\";", {"SELECT 1 AS \"a;b\""}},
        SplitCase{"LineCommentsRemoved", "-- header; not a statement\nSELECT 1; -- trailing; note\n", {"SELECT 1"}},
        SplitCase{"BlockCommentRemoved", "SELECT /* a; b */ 1;", {"SELECT   1"}},
        SplitCase{"DashesInStringKept", "SELECT '--not a comment';", {"SELECT '--not a comment'"}},
        SplitCase{"EmptyStatementsDropped", ";;\n;SELECT 1;;", {"SELECT 1"}},
        SplitCase{"OnlyComments", "-- nothing here\n", {}}),
    [](const ::testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

TEST(SplitStatements, RefusesAnUnterminatedStringLiteral) {
  sdk::Result<std::vector<std::string>> statements = SplitStatements("SELECT 'oops;\nSELECT 2;");
  ASSERT_FALSE(statements.ok());
  EXPECT_EQ(statements.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(statements.status().message(), HasSubstr("unterminated string literal"));
}

TEST(SplitStatements, RefusesAnUnterminatedBlockComment) {
  sdk::Result<std::vector<std::string>> statements = SplitStatements("SELECT 1; /* never closed");
  ASSERT_FALSE(statements.ok());
  EXPECT_THAT(statements.status().message(), HasSubstr("unterminated block comment"));
}

TEST(SplitStatements, KeepsLineBreaksInsideAStatement) {
  sdk::Result<std::vector<std::string>> statements = SplitStatements("CREATE TABLE a (\n  x INT -- note\n);");
  ASSERT_TRUE(statements.ok());
  EXPECT_THAT(*statements, ElementsAre("CREATE TABLE a (\n  x INT \n)"));
}

}  // namespace
}  // namespace hub::schema
