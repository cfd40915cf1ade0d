// A real source database for the odbc connector's tests: an SQLite file in a temporary folder, or the
// PostgreSQL that scripts/test.sh starts (HUB_TEST_PG_ODBC), with table names unique to the test process.
#ifndef HUB_TESTS_CONNECTORS_ODBC_SOURCE_DATABASE_HPP_
#define HUB_TESTS_CONNECTORS_ODBC_SOURCE_DATABASE_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "odbc/odbc_options.hpp"
#include "odbc/odbc_source.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::odbc_source::test {

using hub::test::Backend;

// "SQLite" or "PostgreSQL": for test names.
std::string BackendName(Backend backend);

// One source database, with a connection the test writes through. Tables made by Table() are dropped
// when it goes away. Failures are reported with ADD_FAILURE and leave ok() false; PostgreSQL without
// HUB_TEST_PG_ODBC is such a failure (CI always sets it).
class SourceDatabase {
 public:
  explicit SourceDatabase(Backend backend);
  ~SourceDatabase();

  bool ok() const { return connection_ != nullptr; }
  Backend backend() const { return backend_; }
  const std::string& connection_string() const { return connection_string_; }

  // `base` made unique to this process (ctest runs tests in parallel against one PostgreSQL); dropped at
  // the end.
  std::string Table(std::string_view base);

  // Runs one statement; ADD_FAILURE with the error when it fails.
  void Execute(std::string_view sql);

 private:
  Backend backend_;
  std::unique_ptr<hub::test::TempDir> folder_;
  std::string connection_string_;
  std::shared_ptr<odbc::Environment> environment_;
  std::unique_ptr<odbc::Connection> connection_;
  std::vector<std::string> tables_;
};

// What reading from one cursor to end_of_data gave.
struct RunResult {
  std::vector<sdk::Record> records;
  std::vector<std::string> batch_cursors;  // next_cursor of every batch, in order
  std::string final_cursor;
  bool ok = false;
  sdk::Status status;
};

// Reads batches of `batch_size` from `cursor` until end_of_data (at most 10,000 batches).
RunResult ReadRun(OdbcSource& source, std::string cursor, std::size_t batch_size);

// The source ids of `records`, in order.
std::vector<std::string> SourceIds(const std::vector<sdk::Record>& records);

// A table of people with an id, a change timestamp and a name.
struct Person {
  std::int64_t id;
  std::string updated_at;  // "YYYY-MM-DD HH:MM:SS"
  std::string name;
};

// Creates a table (id BIGINT, updated_at TIMESTAMP, name VARCHAR) named after `base`; answers its name.
std::string CreatePeople(SourceDatabase& database, std::string_view base);

// Inserts `people` into `table` with one statement.
void InsertPeople(SourceDatabase& database, const std::string& table, const std::vector<Person>& people);

// Options for `query` against `database` with the given cursor columns.
OdbcOptions MakeOptions(const SourceDatabase& database, std::string query, std::string timestamp_column,
                        std::string id_column);

// A test run once per driver: SQLite and PostgreSQL.
class DriverTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  SourceDatabase& db() { return *database_; }

 private:
  std::unique_ptr<SourceDatabase> database_;
};

// The test name suffix for a backend.
std::string DriverName(const ::testing::TestParamInfo<Backend>& info);

}  // namespace hub::odbc_source::test

#endif  // HUB_TESTS_CONNECTORS_ODBC_SOURCE_DATABASE_HPP_
