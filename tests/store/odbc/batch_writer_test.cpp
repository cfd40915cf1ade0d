// Multi-row batch writes on both drivers: chunking, the tail, upserts, errors.
#include <gtest/gtest.h>

#include "hub/odbc/transaction.hpp"
#include "store/odbc/batch_writer.hpp"
#include "support/store_fixture.hpp"

namespace hub::odbc::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using sdk::Value;

constexpr int kRows = 10000;

class BatchWriterTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    table_ = CreateTable("batch",
                         "source_system TEXT NOT NULL, source_id TEXT NOT NULL, name TEXT, amount BIGINT, "
                         "PRIMARY KEY (source_system, source_id)");
  }

  BatchSpec Spec(std::string conflict_clause = {}) {
    return BatchSpec{table_, {"source_system", "source_id", "name", "amount"}, std::move(conflict_clause), 0};
  }

  // Writes rows 0..count-1 named "<prefix> i" in one transaction.
  sdk::Status WriteRows(BatchSpec spec, int count, const std::string& prefix, std::int64_t* affected) {
    auto writer = BatchWriter::Create(*connection_, std::move(spec));
    if (!writer.ok()) return writer.status();
    auto tx = Transaction::Begin(*connection_);
    if (!tx.ok()) return tx.status();
    for (int i = 0; i < count; ++i) {
      HUB_RETURN_IF_ERROR(writer->Add({Value::String("crm"), Value::String("C" + std::to_string(i)),
                                       Value::String(prefix + " " + std::to_string(i)), Value::Int64(i)}));
    }
    HUB_RETURN_IF_ERROR(writer->Flush());
    *affected = writer->rows_affected();
    return tx->Commit();
  }

  std::string Scalar(const std::string& sql) {
    const Value value = QueryValue(sql);
    return value.type() == sdk::ValueType::kInt64 ? std::to_string(value.integer()) : value.text();
  }

  std::string table_;
};

TEST_P(BatchWriterTest, InsertsTenThousandRowsInChunksAndATail) {
  std::int64_t affected = 0;
  const sdk::Status status = WriteRows(Spec(), kRows, "名称", &affected);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(affected, kRows);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM " + table_), std::to_string(kRows));
  EXPECT_EQ(Scalar("SELECT SUM(amount) FROM " + table_), std::to_string(std::int64_t{kRows} * (kRows - 1) / 2));
  EXPECT_EQ(QueryValue("SELECT name FROM " + table_ + " WHERE source_id = 'C9999'"), Value::String("名称 9999"));
}

TEST_P(BatchWriterTest, UpsertClauseUpdatesInsteadOfDuplicating) {
  const std::string upsert = "ON CONFLICT (source_system, source_id) DO UPDATE SET name = excluded.name";
  std::int64_t affected = 0;
  ASSERT_TRUE(WriteRows(Spec(upsert), kRows, "first", &affected).ok());
  const sdk::Status second = WriteRows(Spec(upsert), kRows, "second", &affected);
  ASSERT_TRUE(second.ok()) << second.ToString();
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM " + table_), std::to_string(kRows));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM " + table_ + " WHERE name LIKE 'second %'"), std::to_string(kRows));
}

TEST_P(BatchWriterTest, WritesArraysOnPostgresAndValuesRowsOnSqlite) {
  auto writer = BatchWriter::Create(*connection_, Spec());
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  if (GetParam() == Backend::kPostgres) {
    EXPECT_TRUE(writer->uses_arrays());
    EXPECT_EQ(writer->rows_per_statement(), BatchWriter::kDefaultArrayRows);
    EXPECT_EQ(writer->InsertSql(2), "INSERT INTO " + table_ +
                                        " (source_system, source_id, name, amount) SELECT * FROM "
                                        "unnest(?::text[], ?::text[], ?::text[], ?::bigint[])");
  } else {
    EXPECT_FALSE(writer->uses_arrays());
    EXPECT_EQ(writer->rows_per_statement(), BatchWriter::kDefaultRowsPerStatement);
    EXPECT_EQ(writer->InsertSql(2),
              "INSERT INTO " + table_ + " (source_system, source_id, name, amount) VALUES (?,?,?,?),(?,?,?,?)");
  }
}

TEST_P(BatchWriterTest, RowsOfValuesStayWithinTheParameterLimit) {
  BatchSpec too_many = Spec();
  too_many.rows_per_statement = MaxParameters(connection_->dialect()) / 4 + 1;
  auto writer = BatchWriter::Create(*connection_, too_many);
  if (GetParam() == Backend::kPostgres) {  // one parameter per column, whatever the rows
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    std::int64_t affected = 0;
    const sdk::Status written = WriteRows(too_many, static_cast<int>(too_many.rows_per_statement) * 2, "x", &affected);
    ASSERT_TRUE(written.ok()) << written.ToString();
    EXPECT_EQ(affected, static_cast<std::int64_t>(too_many.rows_per_statement) * 2);
  } else {
    EXPECT_EQ(writer.status().code(), sdk::StatusCode::kInvalidArgument);
  }
}

TEST_P(BatchWriterTest, WritesStatementsOfExactlyTheDialectsParameterLimit) {
  const std::string table = CreateTable("limit", "n BIGINT");
  auto writer = BatchWriter::Create(*connection_, BatchSpec{table, {"n"}, "", 0});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  const std::size_t limit = MaxParameters(connection_->dialect());
  EXPECT_EQ(writer->rows_per_statement(),
            writer->uses_arrays() ? BatchWriter::kDefaultArrayRows : BatchWriter::kDefaultRowsPerStatement);
  auto at_limit = BatchWriter::Create(*connection_, BatchSpec{table, {"n"}, "", limit});
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  for (std::size_t i = 0; i <= limit; ++i) {  // one full statement and a tail of one row
    ASSERT_TRUE(at_limit->Add({Value::Int64(static_cast<std::int64_t>(i))}).ok());
  }
  const sdk::Status flushed = at_limit->Flush();
  ASSERT_TRUE(flushed.ok()) << flushed.ToString();
  EXPECT_EQ(at_limit->rows_affected(), static_cast<std::int64_t>(limit + 1));
  EXPECT_FALSE(connection_->broken());
}

TEST_P(BatchWriterTest, RefusesBadIdentifiersAndRowSizes) {
  BatchSpec bad_table = Spec();
  bad_table.table = "t; DROP TABLE x";
  EXPECT_EQ(BatchWriter::Create(*connection_, bad_table).status().code(), sdk::StatusCode::kInvalidArgument);
  BatchSpec bad_column = Spec();
  bad_column.columns.push_back("name)");
  EXPECT_EQ(BatchWriter::Create(*connection_, bad_column).status().code(), sdk::StatusCode::kInvalidArgument);
  auto writer = BatchWriter::Create(*connection_, Spec());
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(writer->Add({Value::String("crm")}).code(), sdk::StatusCode::kInvalidArgument);
}

TEST_P(BatchWriterTest, ConstraintViolationInAChunkIsADataError) {
  auto writer = BatchWriter::Create(*connection_, Spec());
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(writer->Add({Value::String("crm"), Value::String("same"), Value::Null(), Value::Int64(i)}).ok());
  }
  const sdk::Status status = writer->Flush();
  EXPECT_EQ(status.code(), sdk::StatusCode::kDataError) << status.ToString();
  EXPECT_NE(status.message().find("SQLSTATE 23505"), std::string::npos) << status.message();
  EXPECT_EQ(writer->buffered_rows(), 0u);
}

TEST_P(BatchWriterTest, WritersOfOneSpecShareTheConnectionsPreparedStatements) {
  std::int64_t affected = 0;
  ASSERT_TRUE(WriteRows(Spec(), 600, "first", &affected).ok());  // two full statements and a tail of 100
  const std::size_t prepared = connection_->cached_statements();
  ASSERT_TRUE(connection_->Query("DELETE FROM " + table_).ok());
  const sdk::Status again = WriteRows(Spec(), 600, "second", &affected);  // a new writer, same statements
  ASSERT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(connection_->cached_statements(), prepared);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM " + table_ + " WHERE name LIKE 'second %'"), "600");
}

TEST_P(BatchWriterTest, TailsOfAnySizeNeedOneStatementPerPowerOfTwoOnlyOrOneForArrays) {
  BatchSpec spec = Spec();
  spec.rows_per_statement = 16;  // tails of 1..15 rows: as 8, 4, 2 and 1 rows of values, or one of arrays
  const std::size_t before = connection_->cached_statements();
  int written = 0;
  for (int rows = 1; rows <= 40; ++rows) {
    ASSERT_TRUE(connection_->Query("DELETE FROM " + table_).ok());
    std::int64_t affected = 0;
    const sdk::Status status = WriteRows(spec, rows, "tail", &affected);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(affected, rows);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM " + table_), std::to_string(rows));
    written += rows;
  }
  EXPECT_EQ(written, 820);
  EXPECT_EQ(connection_->cached_statements() - before, GetParam() == Backend::kPostgres ? 1u : 5u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, BatchWriterTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
