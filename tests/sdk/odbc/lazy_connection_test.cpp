// LazyConnection on both drivers: opened once when first needed, kept while healthy, and opened anew after
// the server dropped it (PostgreSQL: its backend terminated).
#include "hub/odbc/lazy_connection.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "support/store_fixture.hpp"

namespace hub::odbc::test {
namespace {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;
using ::testing::HasSubstr;

class LazyConnectionTest : public StoreTest {};

TEST_P(LazyConnectionTest, OpensOnceAndKeepsAHealthyConnectionThroughAFailedStatement) {
  LazyConnection connection(connection_string_, "the test database");
  EXPECT_FALSE(connection.is_open());
  bool opened = false;
  ASSERT_TRUE(connection.Open(&opened).ok());
  EXPECT_TRUE(opened);
  ASSERT_TRUE(connection.Open(&opened).ok());
  EXPECT_FALSE(opened);

  sdk::Result<RowSet> refused = connection->Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(refused.ok());
  EXPECT_FALSE(connection.DropIfBroken(refused.status()));
  EXPECT_FALSE(connection.DropIfBroken(sdk::Status::Ok()));
  EXPECT_TRUE(connection.is_open());
  EXPECT_TRUE(connection->Query("SELECT 1").ok());
}

TEST_P(LazyConnectionTest, AConnectionTheServerDroppedIsClosedAndTheNextOpenConnectsAgain) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "an SQLite file is never dropped by a server";
  LazyConnection connection(connection_string_, "the test database");
  ASSERT_TRUE(connection.Open().ok());
  sdk::Result<RowSet> pid = connection->Query("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok()) << pid.status().ToString();
  auto killed = connection_->Query("SELECT pg_terminate_backend(?)", {pid->rows[0][0]});
  ASSERT_TRUE(killed.ok()) << killed.status().ToString();
  // The backend exits a moment after it is told to.
  sdk::Status lost = sdk::Status::Ok();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (lost.ok() && std::chrono::steady_clock::now() < deadline) lost = connection->Query("SELECT 1").status();
  ASSERT_FALSE(lost.ok()) << "the terminated backend still answered";

  EXPECT_TRUE(connection.DropIfBroken(lost)) << lost.ToString();
  EXPECT_FALSE(connection.is_open());
  bool opened = false;
  ASSERT_TRUE(connection.Open(&opened).ok());
  EXPECT_TRUE(opened);
  EXPECT_TRUE(connection->Query("SELECT 1").ok());
}

TEST(LazyConnection, AnUnreachableDatabaseIsAnErrorNamingIt) {
  LazyConnection connection("Driver=NoSuchDriver;Database=x", "the test database");
  sdk::Status opened = connection.Open();
  ASSERT_FALSE(opened.ok());
  EXPECT_THAT(opened.message(), HasSubstr("connecting to the test database"));
  EXPECT_FALSE(connection.is_open());
}

INSTANTIATE_TEST_SUITE_P(Drivers, LazyConnectionTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
