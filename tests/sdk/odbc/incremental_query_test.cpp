// The SQL sent to the source: the wrapped query, the keyset predicate, the order and the row limit.
#include <string>

#include <gtest/gtest.h>

#include "hub/odbc/incremental_query.hpp"
#include "hub/odbc/sql_identifier.hpp"

namespace hub::odbc {
namespace {

IncrementalQuerySpec Options(std::string timestamp_column, std::string id_column) {
  IncrementalQuerySpec options;
  options.query = "SELECT * FROM customers WHERE active = 1";
  options.timestamp_column = std::move(timestamp_column);
  options.id_column = std::move(id_column);
  options.overlap = std::chrono::minutes(5);
  return options;
}

IncrementalCursor At(IncrementalCursor::Phase phase, std::string timestamp, std::int64_t id) {
  return IncrementalCursor{phase, KeyPosition{std::move(timestamp), sdk::Value::Int64(id)}, 0};
}

TEST(KeysetRead, TheFirstReadTakesEveryRowWithCursorValues) {
  std::string warning;
  const IncrementalQuerySpec options = Options("updated_at", "id");
  const SqlText sql = BuildKeysetSql(options, PlanKeysetRead(options, IncrementalCursor{}, &warning), "LIMIT 101");
  EXPECT_EQ(sql.sql,
            "SELECT * FROM (SELECT * FROM customers WHERE active = 1) src WHERE src.updated_at IS NOT NULL AND src.id "
            "IS NOT NULL ORDER BY src.updated_at, src.id LIMIT 101");
  EXPECT_TRUE(sql.params.empty());
  EXPECT_TRUE(warning.empty());
}

TEST(KeysetRead, ARunStartsAtTheWatermarkLessTheOverlap) {
  std::string warning;
  const IncrementalQuerySpec options = Options("updated_at", "id");
  const KeysetRead read =
      PlanKeysetRead(options, At(IncrementalCursor::Phase::kStart, "2024-05-01 08:30:00.25", 9), &warning);
  EXPECT_EQ(read.from, KeysetRead::From::kTimestamp);
  const SqlText sql = BuildKeysetSql(options, read, "LIMIT 11");
  EXPECT_EQ(sql.sql,
            "SELECT * FROM (SELECT * FROM customers WHERE active = 1) src WHERE src.updated_at >= ? AND src.id IS NOT "
            "NULL ORDER BY src.updated_at, src.id LIMIT 11");
  ASSERT_EQ(sql.params.size(), 1u);
  EXPECT_EQ(sql.params[0], sdk::Value::String("2024-05-01 08:25:00.25"));
}

TEST(KeysetRead, PagingContinuesStrictlyAfterTheLastRow) {
  std::string warning;
  const IncrementalQuerySpec options = Options("updated_at", "id");
  const SqlText sql = BuildKeysetSql(
      options, PlanKeysetRead(options, At(IncrementalCursor::Phase::kPage, "2024-05-01 08:30:00", 9), &warning),
      "LIMIT 11");
  EXPECT_EQ(sql.sql,
            "SELECT * FROM (SELECT * FROM customers WHERE active = 1) src WHERE src.updated_at >= ? AND "
            "(src.updated_at > ? OR src.id > ?) ORDER BY src.updated_at, src.id LIMIT 11");
  EXPECT_EQ(sql.params, (std::vector<sdk::Value>{sdk::Value::String("2024-05-01 08:30:00"),
                                                 sdk::Value::String("2024-05-01 08:30:00"), sdk::Value::Int64(9)}));
}

TEST(KeysetRead, ByIdHasNoOverlap) {
  std::string warning;
  const IncrementalQuerySpec options = Options("", "id");
  const SqlText sql = BuildKeysetSql(
      options, PlanKeysetRead(options, At(IncrementalCursor::Phase::kStart, "", 41), &warning), "LIMIT 3");
  EXPECT_EQ(sql.sql,
            "SELECT * FROM (SELECT * FROM customers WHERE active = 1) src WHERE src.id > ? ORDER BY src.id LIMIT 3");
  EXPECT_EQ(sql.params, (std::vector<sdk::Value>{sdk::Value::Int64(41)}));
}

TEST(KeysetRead, AWatermarkThatIsNotADateTimeStartsTheRunAtItWithAWarning) {
  std::string warning;
  const KeysetRead read =
      PlanKeysetRead(Options("version", "id"), At(IncrementalCursor::Phase::kStart, "v-2024.7", 3), &warning);
  EXPECT_EQ(read.from, KeysetRead::From::kTimestamp);
  EXPECT_EQ(read.timestamp, "v-2024.7");
  EXPECT_EQ(warning,
            "timestamp_column value 'v-2024.7' is not a date/time this connector can move back by the overlap; this "
            "run starts at it");
}

TEST(RowLimit, FollowsTheDbms) {
  EXPECT_EQ(RowLimitClause("SQLite", 5), "LIMIT 5");
  EXPECT_EQ(RowLimitClause("PostgreSQL", 5), "LIMIT 5");
  EXPECT_EQ(RowLimitClause("MySQL", 5), "LIMIT 5");
  EXPECT_EQ(RowLimitClause("Microsoft SQL Server", 5), "OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY");
  EXPECT_EQ(RowLimitClause("Oracle", 5), "FETCH FIRST 5 ROWS ONLY");
  EXPECT_EQ(PingSql("Oracle"), "SELECT 1 FROM DUAL");
  EXPECT_EQ(PingSql("DB2/LINUXX8664"), "SELECT 1 FROM SYSIBM.SYSDUMMY1");
  EXPECT_EQ(PingSql("PostgreSQL"), "SELECT 1");
}

TEST(PlainIdentifiers, AreLettersDigitsAndUnderscoresNotStartingWithADigit) {
  EXPECT_TRUE(IsTableName("hr.employees"));
  EXPECT_FALSE(IsTableName("a.b.c"));
  EXPECT_FALSE(IsTableName("t; DROP TABLE t"));
  EXPECT_TRUE(IsPlainIdentifier("updated_at"));
  EXPECT_TRUE(IsPlainIdentifier("_Id2"));
  EXPECT_FALSE(IsPlainIdentifier("2id"));
  EXPECT_FALSE(IsPlainIdentifier("a.b"));
  EXPECT_FALSE(IsPlainIdentifier("\"id\""));
  EXPECT_FALSE(IsPlainIdentifier(""));
}

TEST(TrimmedQuery, DropsTheSpacesAroundAndTheTrailingSemicolons) {
  EXPECT_EQ(TrimmedQuery("\n  SELECT id FROM t ; \n;"), "SELECT id FROM t");
  EXPECT_EQ(TrimmedQuery("SELECT ';' AS x"), "SELECT ';' AS x");
  EXPECT_EQ(TrimmedQuery(" ;; "), "");
}

}  // namespace
}  // namespace hub::odbc
