// A real Odoo-shaped finance database for the finance connector's tests: the demo SQL loaded into an SQLite
// file in a temporary folder, or into a schema of its own in the PostgreSQL that scripts/test.sh starts
// (HUB_TEST_PG_ODBC).
#ifndef HUB_TESTS_CONNECTORS_FINANCE_FINANCE_DATABASE_HPP_
#define HUB_TESTS_CONNECTORS_FINANCE_FINANCE_DATABASE_HPP_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "finance/finance_options.hpp"
#include "finance/finance_source.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::finance::test {

using hub::test::Backend;

// One finance database holding config/demo/finance/odoo17_demo.sql, with a connection the test writes
// through. The PostgreSQL schema is dropped when it goes away. Failures are reported with ADD_FAILURE and
// leave ok() false; PostgreSQL without HUB_TEST_PG_ODBC is such a failure.
class FinanceDatabase {
 public:
  explicit FinanceDatabase(Backend backend);
  ~FinanceDatabase();

  bool ok() const { return connection_ != nullptr; }
  const std::string& connection_string() const { return connection_string_; }

  // Runs one statement on the test's connection; ADD_FAILURE with the error when it fails.
  void Execute(std::string_view sql);
  // A second connection to the same database (for a transaction committed late).
  std::unique_ptr<odbc::Connection> Connect();

 private:
  Backend backend_;
  std::unique_ptr<hub::test::TempDir> folder_;
  std::string schema_;
  std::string connection_string_;
  std::shared_ptr<odbc::Environment> environment_;
  std::unique_ptr<odbc::Connection> connection_;
};

// The statements of config/demo/finance/odoo17_demo.sql, comments removed.
std::vector<std::string> DemoStatements();

// What reading from one cursor to end_of_data gave.
struct RunResult {
  std::vector<sdk::Record> records;
  std::string final_cursor;
  bool ok = false;
  sdk::Status status;
};

// Reads batches of `batch_size` from `cursor` until end_of_data (at most 10,000 batches).
RunResult ReadRun(FinanceSource& source, std::string cursor, std::size_t batch_size);

// "<entity>:<source id>" of each record, in order.
std::vector<std::string> Keys(const std::vector<sdk::Record>& records);
// How many records of each entity.
std::map<std::string, std::size_t> CountByEntity(const std::vector<sdk::Record>& records);
// The record "<entity>:<source id>", or nullptr.
const sdk::Record* FindRecord(const std::vector<sdk::Record>& records, std::string_view key);

// Parsed options for the database, with `overrides` on top of the connection.
FinanceOptions MakeOptions(const FinanceDatabase& database, std::map<std::string, std::string> overrides = {});

// A test run once per driver: SQLite and PostgreSQL, with the demo loaded.
class FinanceDriverTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  FinanceDatabase& db() { return *database_; }

 private:
  std::unique_ptr<FinanceDatabase> database_;
};

// The test name suffix for a backend.
std::string DriverName(const ::testing::TestParamInfo<Backend>& info);

}  // namespace hub::finance::test

#endif  // HUB_TESTS_CONNECTORS_FINANCE_FINANCE_DATABASE_HPP_
