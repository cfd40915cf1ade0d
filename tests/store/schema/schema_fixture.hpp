// Runs a schema test against both shipped drivers: SQLite (a file in a temporary folder) and the
// PostgreSQL that scripts/test.sh starts (HUB_TEST_PG_ODBC), each test in its own PostgreSQL schema
// because tests run in parallel against one database. Without HUB_TEST_PG_ODBC, PostgreSQL tests fail.
#ifndef HUB_TESTS_STORE_SCHEMA_SCHEMA_FIXTURE_HPP_
#define HUB_TESTS_STORE_SCHEMA_SCHEMA_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/odbc/connection.hpp"
#include "store/odbc/handles.hpp"
#include "support/temp_dir.hpp"

namespace hub::schema::test {

enum class Backend { kSqlite, kPostgres };

// "sqlite" / "postgresql", for test names.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// Per test: an empty store (an SQLite file, or a fresh PostgreSQL schema dropped at the end) and one open
// connection to it.
class SchemaTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens another connection to the test's store. Fails the test and answers nullptr on error.
  std::unique_ptr<odbc::Connection> OpenConnection();
  // The rows of `sql`; fails the test on error.
  std::vector<odbc::Row> QueryRows(const std::string& sql, const std::vector<sdk::Value>& params = {});

  std::shared_ptr<odbc::Environment> environment_;
  std::string connection_string_;
  std::unique_ptr<odbc::Connection> connection_;

 private:
  std::unique_ptr<hub::test::TempDir> temp_dir_;
  std::string postgres_base_;    // the connection string without the schema setting
  std::string postgres_schema_;  // dropped in TearDown
};

}  // namespace hub::schema::test

#endif  // HUB_TESTS_STORE_SCHEMA_SCHEMA_FIXTURE_HPP_
