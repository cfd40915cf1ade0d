// Prepared statements on both drivers: every value type in and out, text encodings, errors as Statuses.
#include <gtest/gtest.h>

// Through the umbrella header, as a connector includes the ODBC client.
#include "hub/odbc/odbc.hpp"
#include "support/store_fixture.hpp"

namespace hub::odbc::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using sdk::Value;

constexpr const char* kChinese = "上海华腾贸易有限公司";
constexpr const char* kEmoji = "客户 😀 ok";
constexpr std::int64_t kTimestampMs = 1714567890123;  // 2024-05-01T12:51:30.123Z

const char* kAllTypesColumns =
    "id BIGINT PRIMARY KEY, s TEXT, i BIGINT, d DOUBLE PRECISION, b BOOLEAN, n NUMERIC(20,4), dt DATE, "
    "ts TIMESTAMP";

std::string InsertAllTypes(const std::string& table) {
  return "INSERT INTO " + table + " (id, s, i, d, b, n, dt, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
}

std::string SelectAllTypes(const std::string& table) {
  return "SELECT s, i, d, b, n, dt, ts FROM " + table + " WHERE id = ?";
}

using StatementTest = StoreTest;

TEST_P(StatementTest, RoundTripsEveryValueType) {
  const std::string table = CreateTable("all_types", kAllTypesColumns);
  const std::vector<Value> row = {
      Value::String(kChinese),      Value::Int64(-9007199254740993), Value::Double(3.25),           Value::Bool(true),
      Value::Decimal("12345.6789"), Value::Date("2024-02-29"),       Value::Timestamp(kTimestampMs)};
  std::vector<Value> params = {Value::Int64(1)};
  params.insert(params.end(), row.begin(), row.end());
  auto inserted = connection_->ExecuteUpdate(InsertAllTypes(table), params);
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  EXPECT_EQ(*inserted, 1);

  auto result = connection_->Query(SelectAllTypes(table), {Value::Int64(1)});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0], row);
}

TEST_P(StatementTest, RoundTripsNullInEveryColumnType) {
  const std::string table = CreateTable("nulls", kAllTypesColumns);
  std::vector<Value> params(8, Value::Null());
  params[0] = Value::Int64(7);
  auto inserted = connection_->ExecuteUpdate(InsertAllTypes(table), params);
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();

  auto statement = connection_->Prepare(SelectAllTypes(table));
  ASSERT_TRUE(statement.ok()) << statement.status().ToString();
  ASSERT_TRUE(statement->Execute({Value::Int64(7)}).ok());
  auto next = statement->Next();
  ASSERT_TRUE(next.ok() && *next);
  auto row = statement->GetRow();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(*row, std::vector<Value>(7, Value::Null()));
}

TEST_P(StatementTest, TypedGettersConvertAndReportNull) {
  auto statement = connection_->Prepare("SELECT 42, '17', 2.5, NULL");
  ASSERT_TRUE(statement.ok()) << statement.status().ToString();
  ASSERT_TRUE(statement->Execute().ok());
  ASSERT_TRUE(*statement->Next());
  EXPECT_EQ(*statement->GetInt64(0), std::optional<std::int64_t>(42));
  EXPECT_EQ(*statement->GetInt64(1), std::optional<std::int64_t>(17));
  EXPECT_EQ(*statement->GetDouble(2), std::optional<double>(2.5));
  EXPECT_EQ(*statement->GetString(3), std::nullopt);
  EXPECT_EQ(statement->GetInt64(4).status().code(), sdk::StatusCode::kInternal);
  EXPECT_FALSE(*statement->Next());
}

TEST_P(StatementTest, RoundTripsChineseEmojiAndLongText) {
  const std::string table = CreateTable("texts", "id BIGINT PRIMARY KEY, s TEXT");
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += kChinese;  // 30 000 bytes: past every chunk and size limit
  const std::vector<std::string> texts = {kChinese, kEmoji, long_text, ""};
  auto insert = connection_->Prepare("INSERT INTO " + table + " (id, s) VALUES (?, ?)");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto done = insert->Execute({Value::Int64(static_cast<std::int64_t>(i)), Value::String(texts[i])});
    ASSERT_TRUE(done.ok()) << done.status().ToString();
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(QueryValue("SELECT s FROM " + table + " WHERE id = ?", {Value::Int64(static_cast<std::int64_t>(i))}),
              Value::String(texts[i]))
        << "text " << i;
  }
  // The server sees characters, not bytes: the Chinese name is 10 characters long.
  const std::string length_sql =
      GetParam() == Backend::kSqlite ? "SELECT length(s) FROM " : "SELECT char_length(s) FROM ";
  EXPECT_EQ(QueryValue(length_sql + table + " WHERE id = 0"), Value::Int64(10));
}

TEST_P(StatementTest, ReportsColumnNamesAndTypes) {
  const std::string table = CreateTable("columns", kAllTypesColumns);
  auto result = connection_->Query(SelectAllTypes(table), {Value::Int64(1)});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::vector<std::string> names;
  std::vector<sdk::ValueType> types;
  for (const ColumnInfo& column : result->columns) {
    names.push_back(column.name);
    types.push_back(column.type);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"s", "i", "d", "b", "n", "dt", "ts"}));
  EXPECT_EQ(types, (std::vector<sdk::ValueType>{
                       sdk::ValueType::kString, sdk::ValueType::kInt64, sdk::ValueType::kDouble, sdk::ValueType::kBool,
                       sdk::ValueType::kDecimal, sdk::ValueType::kDate, sdk::ValueType::kTimestamp}));
  EXPECT_EQ(result->ColumnIndex("TS"), std::optional<std::size_t>(6));
  EXPECT_EQ(result->ColumnIndex("missing"), std::nullopt);
}

TEST_P(StatementTest, ReusesAPreparedStatementWithNewParameters) {
  const std::string table = CreateTable("reuse", "id BIGINT PRIMARY KEY, s TEXT");
  const std::string sql = "INSERT INTO " + table + " (id, s) VALUES (?, ?)";
  auto first = connection_->PrepareCached(sql);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  for (int i = 0; i < 3; ++i) {
    auto cached = connection_->PrepareCached(sql);
    ASSERT_TRUE(cached.ok());
    EXPECT_EQ(*cached, *first);
    ASSERT_TRUE((*cached)->Execute({Value::Int64(i), Value::String("row " + std::to_string(i))}).ok());
  }
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM " + table), Value::Int64(3));
}

TEST_P(StatementTest, ReusedStatementReadsEachExecutionsValuesWhateverTheirTypes) {
  const std::string table = CreateTable("rebind", kAllTypesColumns);
  auto insert = connection_->Prepare(InsertAllTypes(table));
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  // Each row after the first keeps some parameters' types (not bound again, only their buffers updated)
  // and changes others (NULL <-> value): every execution must store its own values.
  const std::vector<std::vector<Value>> rows = {
      {Value::String("a"), Value::Int64(1), Value::Double(1.5), Value::Bool(true), Value::Decimal("1.2345"),
       Value::Date("2024-01-01"), Value::Timestamp(kTimestampMs)},
      {Value::Null(), Value::Int64(2), Value::Null(), Value::Bool(false), Value::Null(), Value::Date("2024-01-02"),
       Value::Timestamp(kTimestampMs + 1000)},
      {Value::String(kChinese), Value::Null(), Value::Double(-2.5), Value::Null(), Value::Decimal("-7.5432"),
       Value::Null(), Value::Null()},
      {Value::String("d"), Value::Int64(4), Value::Double(4.5), Value::Bool(true), Value::Decimal("4.7531"),
       Value::Date("2024-01-04"), Value::Timestamp(kTimestampMs + 3000)},
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<Value> params = {Value::Int64(static_cast<std::int64_t>(i))};
    params.insert(params.end(), rows[i].begin(), rows[i].end());
    auto inserted = insert->Execute(params);
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto result = connection_->Query(SelectAllTypes(table), {Value::Int64(static_cast<std::int64_t>(i))});
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    ASSERT_EQ(result->rows.size(), 1u);
    EXPECT_EQ(result->rows[0], rows[i]) << "row " << i;
  }
}

TEST_P(StatementTest, UniqueViolationIsDataErrorWithSqlState23505) {
  const std::string table = CreateTable("unique", "id BIGINT PRIMARY KEY, s TEXT NOT NULL");
  const std::string sql = "INSERT INTO " + table + " (id, s) VALUES (?, ?)";
  ASSERT_TRUE(connection_->ExecuteUpdate(sql, {Value::Int64(1), Value::String("a")}).ok());
  auto duplicate = connection_->ExecuteUpdate(sql, {Value::Int64(1), Value::String("b")});
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(duplicate.status().message().find("unique violation: SQLSTATE 23505 (native "), std::string::npos)
      << duplicate.status().message();
  EXPECT_NE(duplicate.status().message().find("INSERT INTO " + table), std::string::npos);
  EXPECT_FALSE(connection_->broken());
}

TEST_P(StatementTest, NotNullViolationIsDataErrorWithSqlState23502) {
  const std::string table = CreateTable("not_null", "id BIGINT PRIMARY KEY, s TEXT NOT NULL");
  auto missing =
      connection_->ExecuteUpdate("INSERT INTO " + table + " (id, s) VALUES (?, ?)", {Value::Int64(1), Value::Null()});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("not-null violation: SQLSTATE 23502"), std::string::npos)
      << missing.status().message();
}

TEST_P(StatementTest, SyntaxErrorIsStatusWithSqlState42) {
  auto result = connection_->Query("SELEC 1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), sdk::StatusCode::kInternal);
  EXPECT_NE(result.status().message().find("SQLSTATE 42"), std::string::npos) << result.status().message();
  EXPECT_FALSE(connection_->broken());
  EXPECT_EQ(QueryValue("SELECT 1"), Value::Int64(1)) << "the connection stays usable";
}

TEST_P(StatementTest, RefusesTheWrongNumberOfParameters) {
  auto statement = connection_->Prepare("SELECT ?, ?");
  ASSERT_TRUE(statement.ok()) << statement.status().ToString();
  EXPECT_EQ(statement->parameter_count(), 2u);
  auto executed = statement->Execute({Value::Int64(1)});
  EXPECT_EQ(executed.status().code(), sdk::StatusCode::kInternal);
}

TEST_P(StatementTest, ReportsTheDialectOfTheConnection) {
  EXPECT_EQ(connection_->dialect(), GetParam() == Backend::kSqlite ? Dialect::kSqlite : Dialect::kPostgres);
  EXPECT_FALSE(connection_->dbms_version().empty());
}

INSTANTIATE_TEST_SUITE_P(Drivers, StatementTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
