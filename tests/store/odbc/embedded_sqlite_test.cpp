// ConfigureEmbeddedSqlite in a process of its own (the setting holds only before SQLite's first use, so this
// binary holds this one test): it takes, and the SQLite the ODBC driver runs is the library it configured —
// the driver's connections leave the memory statistics at zero.
#include "store/odbc/embedded_sqlite.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>

#include "hub/odbc/connection.hpp"
#include "support/temp_dir.hpp"

namespace hub::odbc::test {
namespace {

TEST(EmbeddedSqlite, TurnsOffTheMemoryStatisticsOfTheDriversSqlite) {
  ASSERT_TRUE(ConfigureEmbeddedSqlite());
  hub::test::TempDir folder;
  sdk::Result<std::shared_ptr<Environment>> environment = Environment::Create();
  ASSERT_TRUE(environment.ok()) << environment.status().ToString();
  sdk::Result<std::unique_ptr<Connection>> connection =
      Connection::Open(*environment, "Driver=SQLite3;Database=" + (folder.path() / "store.db").string());
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE((*connection)->ExecuteUpdate("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)").ok());
  ASSERT_TRUE((*connection)->ExecuteUpdate("INSERT INTO t VALUES (1, 'one'), (2, 'two')").ok());
  sdk::Result<RowSet> rows = (*connection)->Query("SELECT name FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 2u);

  EXPECT_EQ(sqlite3_memory_used(), 0);
  EXPECT_FALSE(ConfigureEmbeddedSqlite()) << "SQLite is initialized now: its settings are fixed";
}

}  // namespace
}  // namespace hub::odbc::test
