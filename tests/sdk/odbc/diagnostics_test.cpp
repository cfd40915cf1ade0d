// How diagnostic records become Statuses: codes by SQLSTATE class, messages, SQLite normalisation.
#include <gtest/gtest.h>

#include "hub/odbc/diagnostics.hpp"

namespace hub::odbc {
namespace {

struct CodeCase {
  std::string sqlstate;
  sdk::StatusCode code;
  std::string kind;  // expected in the message; empty for none
};

class StatusFromDiagnosticsTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(StatusFromDiagnosticsTest, MapsSqlStateClassToCode) {
  const CodeCase& c = GetParam();
  const sdk::Status status = StatusFromDiagnostics({{c.sqlstate, 7, "boom"}}, "writing party");
  EXPECT_EQ(status.code(), c.code) << c.sqlstate;
  EXPECT_EQ(status.message(), "writing party: " + c.kind + "SQLSTATE " + c.sqlstate + " (native 7): boom");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StatusFromDiagnosticsTest,
    ::testing::Values(
        CodeCase{"08001", sdk::StatusCode::kUnavailable, ""}, CodeCase{"08S01", sdk::StatusCode::kUnavailable, ""},
        CodeCase{"40001", sdk::StatusCode::kUnavailable, ""}, CodeCase{"40P01", sdk::StatusCode::kUnavailable, ""},
        CodeCase{"23505", sdk::StatusCode::kDataError, "unique violation: "},
        CodeCase{"23503", sdk::StatusCode::kDataError, "foreign key violation: "},
        CodeCase{"23502", sdk::StatusCode::kDataError, "not-null violation: "},
        CodeCase{"23514", sdk::StatusCode::kDataError, "check violation: "},
        CodeCase{"23000", sdk::StatusCode::kDataError, "integrity constraint violation: "},
        CodeCase{"22001", sdk::StatusCode::kDataError, "invalid data: "},
        CodeCase{"54000", sdk::StatusCode::kDataError, "value too large for the store: "},
        CodeCase{"54001", sdk::StatusCode::kIoError, ""}, CodeCase{"42601", sdk::StatusCode::kInternal, ""},
        CodeCase{"42P01", sdk::StatusCode::kInternal, ""}, CodeCase{"0A000", sdk::StatusCode::kInternal, ""},
        CodeCase{"3F000", sdk::StatusCode::kInternal, ""}, CodeCase{"25P02", sdk::StatusCode::kInternal, ""},
        CodeCase{"HY000", sdk::StatusCode::kIoError, ""}, CodeCase{"HYT00", sdk::StatusCode::kIoError, ""}));

TEST(StatusFromDiagnostics, JoinsEveryRecordInOrder) {
  const sdk::Status status = StatusFromDiagnostics({{"23505", 7, "first"}, {"01000", 0, "second"}}, "ctx");
  EXPECT_EQ(status.message(),
            "ctx: unique violation: SQLSTATE 23505 (native 7): first; SQLSTATE 01000 (native 0): second");
}

TEST(StatusFromDiagnostics, UsesTheFallbackWithoutRecords) {
  const sdk::Status status = StatusFromDiagnostics({}, "ctx");
  EXPECT_EQ(status.code(), sdk::StatusCode::kIoError);
  EXPECT_EQ(status.message(), "ctx: the driver returned no diagnostic");
}

struct SqliteCase {
  std::int64_t native;
  std::string message;
  std::string sqlstate;
};

class NormalizeSqliteTest : public ::testing::TestWithParam<SqliteCase> {};

TEST_P(NormalizeSqliteTest, GivesSqliteErrorsTheirStandardState) {
  const SqliteCase& c = GetParam();
  auto records = NormalizeDiagnostics(Dialect::kSqlite, {{"HY000", c.native, c.message}});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].sqlstate, c.sqlstate) << c.message;
  EXPECT_EQ(records[0].message, c.message + " [driver state HY000]");
}

INSTANTIATE_TEST_SUITE_P(Cases, NormalizeSqliteTest,
                         ::testing::Values(SqliteCase{19, "UNIQUE constraint failed: t.b (19)", "23505"},
                                           SqliteCase{19, "PRIMARY KEY must be unique (19)", "23505"},
                                           SqliteCase{19, "NOT NULL constraint failed: t.b (19)", "23502"},
                                           SqliteCase{19, "FOREIGN KEY constraint failed (19)", "23503"},
                                           SqliteCase{19, "CHECK constraint failed: positive (19)", "23514"},
                                           SqliteCase{19, "constraint failed (19)", "23000"},
                                           SqliteCase{1, "near \"SELEC\": syntax error (1)", "42601"},
                                           SqliteCase{1, "no such table: missing (1)", "42P01"},
                                           SqliteCase{1, "no such column: nope (1)", "42703"},
                                           SqliteCase{1, "table t already exists (1)", "42000"},
                                           SqliteCase{5, "database is locked (5)", "40001"},
                                           SqliteCase{14, "unable to open database file (14)", "08001"},
                                           SqliteCase{18, "string or blob too big (18)", "22001"},
                                           SqliteCase{20, "datatype mismatch (20)", "22000"}));

TEST(NormalizeDiagnostics, LeavesOtherDialectsAndUnknownCodesAlone) {
  const std::vector<DiagnosticRecord> records = {{"HY000", 19, "UNIQUE constraint failed"}};
  EXPECT_EQ(NormalizeDiagnostics(Dialect::kPostgres, records)[0].sqlstate, "HY000");
  EXPECT_EQ(NormalizeDiagnostics(Dialect::kSqlite, {{"HY000", 21, "misuse"}})[0].sqlstate, "HY000");
}

TEST(IsConnectionFailure, IsTrueForClass08Only) {
  EXPECT_TRUE(IsConnectionFailure("08S01"));
  EXPECT_TRUE(IsConnectionFailure("08001"));
  EXPECT_FALSE(IsConnectionFailure("40001"));
  EXPECT_FALSE(IsConnectionFailure("HY000"));
}

}  // namespace
}  // namespace hub::odbc
