// Runs a test against both shipped drivers: SQLite (a temporary file) and the PostgreSQL that
// scripts/test.sh starts (HUB_TEST_PG_ODBC). Tests needing PostgreSQL fail, never skip, without it.
#ifndef HUB_TESTS_STORE_ODBC_ODBC_FIXTURE_HPP_
#define HUB_TESTS_STORE_ODBC_ODBC_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/odbc/connection.hpp"
#include "store/odbc/handles.hpp"
#include "support/temp_dir.hpp"

namespace hub::sdk {
// Lets GoogleTest print Values in failure messages: "Int64(42)", "String(\"abc\")", "Null".
void PrintTo(const Value& value, std::ostream* out);
}  // namespace hub::sdk

namespace hub::odbc::test {

enum class Backend { kSqlite, kPostgres };

// "sqlite" / "postgresql", for test names and failure messages.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

// The PostgreSQL connection string from HUB_TEST_PG_ODBC, or nullopt when unset.
std::optional<std::string> PostgresConnectionString();

// A fresh name ("<stem>_<pid>_<n>") so that tests running in parallel against one PostgreSQL database
// never share a table.
std::string UniqueName(const std::string& stem);

// Per test: a connection string for the backend, one open connection, and tables dropped at the end.
class OdbcTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens another connection to the same database. Fails the test on error.
  std::unique_ptr<Connection> OpenConnection();
  // Creates a table with a unique name from `columns_sql` ("id BIGINT PRIMARY KEY, name TEXT"), to be
  // dropped in TearDown; returns its name.
  std::string CreateTable(const std::string& stem, const std::string& columns_sql);
  // The single value of a one-row, one-column query.
  sdk::Value QueryValue(const std::string& sql, const std::vector<sdk::Value>& params = {});

  std::shared_ptr<Environment> environment_;
  std::string connection_string_;
  std::unique_ptr<Connection> connection_;

 private:
  std::unique_ptr<hub::test::TempDir> temp_dir_;
  std::vector<std::string> tables_;
};

}  // namespace hub::odbc::test

#endif  // HUB_TESTS_STORE_ODBC_ODBC_FIXTURE_HPP_
