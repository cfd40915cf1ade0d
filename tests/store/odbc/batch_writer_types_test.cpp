// What BatchWriter stores, value for value, on both drivers: text that needs escaping in an array literal,
// NULL against empty text, and every column type the store uses, compared with the same rows written by a
// single-row INSERT with bound parameters.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hub/odbc/transaction.hpp"
#include "store/odbc/batch_writer.hpp"
#include "support/store_fixture.hpp"

namespace hub::odbc::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using sdk::Value;

// Text that an array literal must quote or escape, and text that must come back exactly as it went in.
const std::vector<std::string>& TrickyTexts() {
  static const std::vector<std::string> texts = {"He said \"hi\"",
                                                 "back\\slash",
                                                 "\\\"",
                                                 "\\\\",
                                                 "a,b",
                                                 "{braces}",
                                                 "{",
                                                 "}",
                                                 "(1,2)",
                                                 "'single'",
                                                 "\"\"",
                                                 "NULL",
                                                 "null",
                                                 "",
                                                 " leading and trailing ",
                                                 "line\nbreak\ttab",
                                                 "上海华腾贸易有限公司",
                                                 "emoji 😀",
                                                 "{\"a\":1}",
                                                 std::string(20000, 'x') + "\\\"{,}"};
  return texts;
}

class BatchWriterTypesTest : public StoreTest {
 protected:
  bool postgres() const { return GetParam() == Backend::kPostgres; }

  // A table with a column of each type the store's schema uses.
  std::string CreateTypedTable(const std::string& stem) {
    return CreateTable(stem, std::string("id BIGINT PRIMARY KEY, label TEXT, code VARCHAR(5), doc ") +
                                 (postgres() ? "JSONB" : "TEXT") + ", amount NUMERIC(12,2), flag BOOLEAN, at " +
                                 (postgres() ? "TIMESTAMPTZ" : "TIMESTAMP") +
                                 ", day DATE, ratio DOUBLE PRECISION, n INTEGER");
  }

  static std::vector<std::string> TypedColumns() {
    return {"id", "label", "code", "doc", "amount", "flag", "at", "day", "ratio", "n"};
  }

  // Rows of every kind of value in every column, NULLs included.
  static std::vector<std::vector<Value>> TypedRows() {
    const std::vector<std::string> docs = {"{\"name\": \"上海 \\\"q\\\" \\\\ ,{}\", \"n\": [1, 2]}", "[]", "\"text\"",
                                           "null", "{}"};
    const std::vector<Value> amounts = {Value::Decimal("1234567.89"), Value::Decimal("-0.10"), Value::Decimal("0"),
                                        Value::Null()};
    const std::vector<Value> flags = {Value::Bool(true), Value::Bool(false), Value::Null()};
    const std::vector<Value> times = {Value::Timestamp(0), Value::Timestamp(1764547200123), Value::Timestamp(-1000),
                                      Value::Null()};
    const std::vector<Value> ratios = {Value::Double(1.5), Value::Double(-2.25e10), Value::Double(0.1), Value::Null()};
    const std::vector<std::string> codes = {"abcde", "上海华腾贸", "", "a\"b\\"};
    std::vector<std::vector<Value>> rows;
    for (std::size_t i = 0; i < 60; ++i) {
      const std::vector<std::string>& texts = TrickyTexts();
      rows.push_back({Value::Int64(static_cast<std::int64_t>(i)),
                      i % 7 == 6 ? Value::Null() : Value::String(texts[i % texts.size()]),
                      i % 5 == 4 ? Value::Null() : Value::String(codes[i % codes.size()]),
                      i % 6 == 5 ? Value::Null() : Value::String(docs[i % docs.size()]), amounts[i % amounts.size()],
                      flags[i % flags.size()], times[i % times.size()],
                      i % 3 == 2 ? Value::Null() : Value::Date("2026-12-0" + std::to_string(1 + i % 9)),
                      ratios[i % ratios.size()],
                      i % 4 == 3 ? Value::Null() : Value::Int64(static_cast<std::int64_t>(i) * -7)});
    }
    return rows;
  }

  sdk::Status WriteWithBatchWriter(const std::string& table, const std::vector<std::string>& columns,
                                   std::vector<std::vector<Value>> rows, std::size_t rows_per_statement = 0) {
    auto writer = BatchWriter::Create(*connection_, BatchSpec{table, columns, "", rows_per_statement});
    if (!writer.ok()) return writer.status();
    auto tx = Transaction::Begin(*connection_);
    if (!tx.ok()) return tx.status();
    for (std::vector<Value>& row : rows) HUB_RETURN_IF_ERROR(writer->Add(std::move(row)));
    HUB_RETURN_IF_ERROR(writer->Flush());
    return tx->Commit();
  }

  // The same rows, one bound single-row INSERT each: what the batch writer must store too.
  sdk::Status WriteRowByRow(const std::string& table, const std::vector<std::string>& columns,
                            const std::vector<std::vector<Value>>& rows) {
    std::string sql = "INSERT INTO " + table + " (";
    std::string markers;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i == 0 ? "" : ", ") + columns[i];
      markers += i == 0 ? "?" : ", ?";
    }
    sql += ") VALUES (" + markers + ")";
    for (const std::vector<Value>& row : rows) {
      sdk::Result<std::int64_t> inserted = connection_->ExecuteUpdate(sql, row);
      if (!inserted.ok()) return inserted.status();
    }
    return sdk::Status::Ok();
  }

  // Every column as the server prints it, so that JSONB, NUMERIC and timestamps compare exactly.
  std::vector<Row> AsText(const std::string& table) {
    std::string select = "SELECT ";
    const std::vector<std::string> columns = TypedColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      select += (i == 0 ? "CAST(" : ", CAST(") + columns[i] + " AS TEXT)";
    }
    return QueryRows(select + " FROM " + table + " ORDER BY id");
  }
};

TEST_P(BatchWriterTypesTest, StoresEveryTypeAsBoundParametersDo) {
  const std::string batched = CreateTypedTable("batched");
  const std::string single = CreateTypedTable("single");
  const sdk::Status written = WriteWithBatchWriter(batched, TypedColumns(), TypedRows(), 16);  // a tail of 12
  ASSERT_TRUE(written.ok()) << written.ToString();
  const sdk::Status reference = WriteRowByRow(single, TypedColumns(), TypedRows());
  ASSERT_TRUE(reference.ok()) << reference.ToString();

  const std::vector<Row> expected = AsText(single);
  const std::vector<Row> got = AsText(batched);
  ASSERT_EQ(got.size(), TypedRows().size());
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], expected[i]) << "row " << i;
}

TEST_P(BatchWriterTypesTest, TextComesBackExactlyAndNullStaysApartFromEmpty) {
  const std::string table = CreateTable("texts", "id BIGINT PRIMARY KEY, label TEXT");
  std::vector<std::vector<Value>> rows;
  const std::vector<std::string>& texts = TrickyTexts();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    rows.push_back({Value::Int64(static_cast<std::int64_t>(i)), Value::String(texts[i])});
  }
  rows.push_back({Value::Int64(static_cast<std::int64_t>(texts.size())), Value::Null()});
  const sdk::Status written = WriteWithBatchWriter(table, {"id", "label"}, rows);
  ASSERT_TRUE(written.ok()) << written.ToString();

  const std::vector<Row> got = QueryRows("SELECT label FROM " + table + " ORDER BY id");
  ASSERT_EQ(got.size(), texts.size() + 1);
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(got[i][0], Value::String(texts[i])) << "row " << i;
  EXPECT_TRUE(got.back()[0].is_null());
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM " + table + " WHERE label = ''"), Value::Int64(1));
}

TEST_P(BatchWriterTypesTest, TextTooLongForItsColumnIsRefusedNotCut) {
  if (!postgres()) GTEST_SKIP() << "SQLite does not enforce VARCHAR lengths";
  const std::string table = CreateTable("short", "id BIGINT PRIMARY KEY, code VARCHAR(5)");
  const sdk::Status written = WriteWithBatchWriter(table, {"id", "code"}, {{Value::Int64(1), Value::String("abcdef")}});
  EXPECT_EQ(written.code(), sdk::StatusCode::kDataError) << written.ToString();
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM " + table), Value::Int64(0));
}

TEST_P(BatchWriterTypesTest, AColumnOfArraysIsWrittenAsValuesRows) {
  if (!postgres()) GTEST_SKIP() << "SQLite has no array columns";
  const std::string table = CreateTable("tags", "id BIGINT PRIMARY KEY, tags TEXT[]");
  auto writer = BatchWriter::Create(*connection_, BatchSpec{table, {"id", "tags"}, "", 0});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  EXPECT_FALSE(writer->uses_arrays());
  const sdk::Status written =
      WriteWithBatchWriter(table, {"id", "tags"}, {{Value::Int64(1), Value::String("{a,\"b c\"}")}});
  ASSERT_TRUE(written.ok()) << written.ToString();
  EXPECT_EQ(QueryValue("SELECT array_length(tags, 1) FROM " + table), Value::Int64(2));
}

TEST_P(BatchWriterTypesTest, AMissingColumnOrTableIsTheHubsOwnErrorNamingTheStatement) {
  const std::string table = CreateTable("missing", "id BIGINT PRIMARY KEY");
  const sdk::Status column = WriteWithBatchWriter(table, {"id", "nothing"}, {{Value::Int64(1), Value::Int64(2)}});
  EXPECT_EQ(column.code(), sdk::StatusCode::kInternal) << column.ToString();
  EXPECT_NE(column.message().find("nothing"), std::string::npos) << column.message();
  EXPECT_NE(column.message().find("INSERT INTO " + table), std::string::npos) << column.message();

  const sdk::Status missing = WriteWithBatchWriter(table + "_gone", {"id"}, {{Value::Int64(1)}});
  EXPECT_EQ(missing.code(), sdk::StatusCode::kInternal) << missing.ToString();
  EXPECT_NE(missing.message().find("INSERT INTO " + table + "_gone"), std::string::npos) << missing.message();
}

INSTANTIATE_TEST_SUITE_P(Drivers, BatchWriterTypesTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
