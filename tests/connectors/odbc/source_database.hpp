// The odbc connector's tests on the shared source database (tests/support/source_database.hpp): a table
// of people, and options for a query on it.
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
#include "support/source_database.hpp"

namespace hub::odbc_source::test {

using hub::test::Backend;

using hub::test::DriverName;
using hub::test::ReadRun;
using hub::test::RunResult;
using hub::test::SourceDatabase;
// A test run once per driver: SQLite and PostgreSQL.
using DriverTest = hub::test::SourceDatabaseTest;

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

}  // namespace hub::odbc_source::test

#endif  // HUB_TESTS_CONNECTORS_ODBC_SOURCE_DATABASE_HPP_
