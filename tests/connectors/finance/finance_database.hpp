// A real Odoo-shaped finance database for the finance connector's tests: the demo SQL loaded into the shared
// source database (tests/support/source_database.hpp), an SQLite file or a PostgreSQL schema of its own.
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
#include "support/source_database.hpp"

namespace hub::finance::test {

using hub::test::Backend;

// One finance database (the shared source database) holding config/demo/finance/odoo17_demo.sql.
class FinanceDatabase : public hub::test::SourceDatabase {
 public:
  explicit FinanceDatabase(Backend backend);
};

using hub::test::DriverName;
using hub::test::ReadRun;
using hub::test::RunResult;

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

}  // namespace hub::finance::test

#endif  // HUB_TESTS_CONNECTORS_FINANCE_FINANCE_DATABASE_HPP_
