// LockSourceRecord on both engines: on PostgreSQL the writers of different records of one system hold their
// locks at once, a second writer of the same record and a batch of the system (LockSourceSystem) must wait
// until the transaction ends. On SQLite it is LockSourceSystem (the database's one write lock), tested with the
// writers.
#include "store/model/source_system_lock.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "hub/odbc/transaction.hpp"
#include "support/store_fixture.hpp"

namespace hub::store_model {
namespace {

using hub::test::Backend;

class SourceRecordLockTest : public hub::test::StoreTest {
 protected:
  // Whether `connection` could take the record's lock now (its own transaction, rolled back at once).
  bool RecordFree(odbc::Connection& connection, const std::string& record) {
    auto tx = odbc::Transaction::Begin(connection);
    EXPECT_TRUE(tx.ok());
    auto free = connection.Query(
        "SELECT CASE WHEN pg_try_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0)) THEN 1 ELSE 0 "
        "END",
        {sdk::Value::String(record)});
    EXPECT_TRUE(free.ok()) << free.status().ToString();
    return free.ok() && free->rows.at(0).at(0).integer() == 1;
  }

  bool SystemFree(odbc::Connection& connection, const std::string& system) {
    auto tx = odbc::Transaction::Begin(connection);
    EXPECT_TRUE(tx.ok());
    sdk::Result<bool> free = TryLockSourceSystem(connection, system);
    EXPECT_TRUE(free.ok()) << free.status().ToString();
    return free.ok() && *free;
  }
};

TEST_P(SourceRecordLockTest, WritersOfOtherRecordsGoOnWhileTheSameRecordAndTheSystemsBatchesWait) {
  if (GetParam() == Backend::kSqlite) GTEST_SKIP() << "one writer at a time: the lock is LockSourceSystem's";
  auto held = odbc::Transaction::Begin(*connection_);
  ASSERT_TRUE(held.ok());
  ASSERT_TRUE(LockSourceRecord(*connection_, "lead_intake_api", "lead", "k1").ok());

  std::unique_ptr<odbc::Connection> other = OpenConnection();
  ASSERT_NE(other, nullptr);
  {
    auto tx = odbc::Transaction::Begin(*other);
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(LockSourceRecord(*other, "lead_intake_api", "lead", "k2").ok()) << "another record: no wait";
  }
  std::unique_ptr<odbc::Connection> third = OpenConnection();
  ASSERT_NE(third, nullptr);
  EXPECT_FALSE(RecordFree(*third, "lead_intake_api/lead/k1"));
  EXPECT_TRUE(RecordFree(*third, "lead_intake_api/lead/k2"));
  EXPECT_FALSE(SystemFree(*third, "lead_intake_api")) << "a batch of the system waits for the record's writer";
  EXPECT_TRUE(SystemFree(*third, "crm")) << "other systems are not concerned";

  ASSERT_TRUE(held->Commit().ok());
  EXPECT_TRUE(RecordFree(*third, "lead_intake_api/lead/k1"));
  EXPECT_TRUE(SystemFree(*third, "lead_intake_api"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SourceRecordLockTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
