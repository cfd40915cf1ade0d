// QueryCached on both engines: the statement is prepared once, answers each call's parameters, and sees
// what another connection wrote between two calls.
#include "store/odbc/cached_query.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/store_fixture.hpp"

namespace hub::odbc::test {
namespace {

using hub::test::BackendName;
using hub::test::StoreTest;
using sdk::Value;

class CachedQueryTest : public StoreTest {};

TEST_P(CachedQueryTest, PreparesOnceAndAnswersEachCallsParameters) {
  const std::string table = CreateTable("cached", "id BIGINT PRIMARY KEY, name TEXT");
  ASSERT_TRUE(connection_->ExecuteUpdate("INSERT INTO " + table + " VALUES (1, 'one'), (2, 'two'), (3, 'three')").ok());
  const std::string sql = "SELECT id, name FROM " + table + " WHERE id >= ? ORDER BY id";
  const std::size_t cached_before = connection_->cached_statements();

  sdk::Result<RowSet> first = QueryCached(*connection_, sql, {Value::Int64(2)});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->rows.size(), 2u);
  EXPECT_EQ(first->columns.at(1).name, "name");
  EXPECT_EQ(first->rows[0][1].text(), "two");

  sdk::Result<RowSet> second = QueryCached(*connection_, sql, {Value::Int64(3)});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_EQ(second->rows.size(), 1u);
  EXPECT_EQ(second->rows[0][1].text(), "three");
  EXPECT_EQ(connection_->cached_statements(), cached_before + 1);

  std::unique_ptr<Connection> other = OpenConnection();
  ASSERT_NE(other, nullptr);
  sdk::Result<std::int64_t> written = other->ExecuteUpdate("INSERT INTO " + table + " VALUES (4, 'four')");
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  sdk::Result<RowSet> third = QueryCached(*connection_, sql, {Value::Int64(3)});
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->rows.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CachedQueryTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
