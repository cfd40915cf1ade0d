// Tests against both shipped store engines: SQLite (a file in a temporary folder) and the PostgreSQL that
// scripts/test.sh starts (HUB_TEST_PG_ODBC). Each test gets an empty store of its own: a new SQLite file,
// or a new PostgreSQL schema dropped at the end (tests run in parallel against one database). Without
// HUB_TEST_PG_ODBC a PostgreSQL test fails, never skips: CI always sets it.
#ifndef HUB_TESTS_SUPPORT_STORE_FIXTURE_HPP_
#define HUB_TESTS_SUPPORT_STORE_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/handles.hpp"
#include "support/temp_dir.hpp"

namespace hub::sdk {
// Lets GoogleTest print Values in failure messages: "Int64(42)", "Value(type 1, \"abc\")", "Null".
void PrintTo(const Value& value, std::ostream* out);
}  // namespace hub::sdk

namespace hub::test {

enum class Backend { kSqlite, kPostgres };

// "sqlite" / "postgresql", for test names and failure messages.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

// Both engines, for INSTANTIATE_TEST_SUITE_P(Engines, Fixture, kBothBackends, BackendName).
inline const auto kBothBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);

// The PostgreSQL connection string from HUB_TEST_PG_ODBC, or nullopt when unset.
std::optional<std::string> PostgresConnectionString();

// What to do when HUB_TEST_PG_ODBC is unset, for failure messages.
inline constexpr const char* kPostgresMissing =
    "HUB_TEST_PG_ODBC is not set: run scripts/test.sh, or `source scripts/lib/test_servers.sh && start_postgres` "
    "before ctest";

// A fresh name ("<stem>_<pid>_<n>"), unique within the test process and across parallel test processes.
std::string UniqueName(const std::string& stem);

// Per test: an empty store of the parameter's engine and one open connection to it (`connection_`).
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens another connection to the test's store. Fails the test and answers nullptr on error.
  std::unique_ptr<odbc::Connection> OpenConnection();
  // The rows of `sql`; fails the test on error.
  std::vector<odbc::Row> QueryRows(const std::string& sql, const std::vector<sdk::Value>& params = {});
  // The single value of a one-row, one-column query; fails the test otherwise.
  sdk::Value QueryValue(const std::string& sql, const std::vector<sdk::Value>& params = {});
  // Creates a table named after `stem` from `columns_sql` ("id BIGINT PRIMARY KEY, name TEXT"); its name.
  std::string CreateTable(const std::string& stem, const std::string& columns_sql);

  std::shared_ptr<odbc::Environment> environment_;
  std::string connection_string_;
  std::unique_ptr<odbc::Connection> connection_;

 private:
  std::unique_ptr<TempDir> temp_dir_;
  std::string postgres_base_;    // the connection string without the schema setting
  std::string postgres_schema_;  // dropped in TearDown
};

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_STORE_FIXTURE_HPP_
