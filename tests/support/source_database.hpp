// A real source database for the tests of connectors that read one over ODBC (odbc, finance, hr): an
// SQLite file in a temporary folder, or a schema of its own in the PostgreSQL that scripts/test.sh starts
// (HUB_TEST_PG_ODBC), with the connection string the connector under test is given. And reading a
// connector's source from one cursor to the end of its run.
#ifndef HUB_TESTS_SUPPORT_SOURCE_DATABASE_HPP_
#define HUB_TESTS_SUPPORT_SOURCE_DATABASE_HPP_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/handles.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {

// One source database with a connection the test writes through. On PostgreSQL its schema (the connection
// string's search_path) is dropped when it goes away, with every table in it. Failures are reported with
// ADD_FAILURE and leave ok() false; PostgreSQL without HUB_TEST_PG_ODBC is such a failure (CI always sets
// it). Not thread-safe.
class SourceDatabase {
 public:
  explicit SourceDatabase(Backend backend);
  ~SourceDatabase();
  SourceDatabase(const SourceDatabase&) = delete;
  SourceDatabase& operator=(const SourceDatabase&) = delete;

  bool ok() const { return connection_ != nullptr; }
  Backend backend() const { return backend_; }
  const std::string& connection_string() const { return connection_string_; }

  // `base` made unique to this process, for a test that makes several tables.
  std::string Table(std::string_view base) const { return UniqueName(std::string(base)); }

  // Runs one statement on the test's connection; ADD_FAILURE with the error when it fails.
  void Execute(std::string_view sql);
  // Runs every statement of the SQL file `path` (SqlFileStatements), in order.
  void ExecuteFile(const std::filesystem::path& path);
  // A second connection to the same database (for a transaction committed late); nullptr after ADD_FAILURE.
  std::unique_ptr<odbc::Connection> Connect();

 private:
  Backend backend_;
  std::unique_ptr<TempDir> folder_;
  std::string schema_;
  std::string connection_string_;
  std::shared_ptr<odbc::Environment> environment_;
  std::unique_ptr<odbc::Connection> connection_;
};

// The statements of an SQL file such as config/demo/*/*.sql: lines starting with "--" left out, a statement
// ending with the line that ends with ';'. Empty when the file cannot be read.
std::vector<std::string> SqlFileStatements(const std::filesystem::path& path);

// A test run once per driver (INSTANTIATE_TEST_SUITE_P(Drivers, Fixture, kBothBackends, DriverName)), with
// an empty source database.
class SourceDatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  SourceDatabase& db() { return *database_; }

 private:
  std::unique_ptr<SourceDatabase> database_;
};

// "SQLite" or "PostgreSQL": the test name suffix for a backend.
std::string DriverName(const ::testing::TestParamInfo<Backend>& info);

// What reading from one cursor to end_of_data gave.
struct RunResult {
  std::vector<sdk::Record> records;
  std::vector<std::string> batch_cursors;  // next_cursor of every batch, in order
  std::string final_cursor;
  bool ok = false;
  sdk::Status status;
};

// Reads batches of `batch_size` from `cursor` through source.ReadBatch until end_of_data (at most 10,000
// batches).
template <typename Source>
RunResult ReadRun(Source& source, std::string cursor, std::size_t batch_size) {
  RunResult run;
  for (int i = 0; i < 10000; ++i) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, batch_size);
    if (!batch.ok()) {
      run.status = batch.status();
      return run;
    }
    for (sdk::Record& record : batch->records) run.records.push_back(std::move(record));
    run.batch_cursors.push_back(batch->next_cursor);
    cursor = batch->next_cursor;
    if (batch->end_of_data) {
      run.final_cursor = cursor;
      run.ok = true;
      return run;
    }
  }
  run.status = sdk::Status::Internal("no end of data after 10000 batches");
  return run;
}

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_SOURCE_DATABASE_HPP_
