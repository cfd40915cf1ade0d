// Transactions and savepoints on both drivers: commit keeps, rollback and scope exit undo.
#include <gtest/gtest.h>

#include "hub/odbc/transaction.hpp"
#include "support/store_fixture.hpp"

namespace hub::odbc::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using sdk::Value;

class TransactionTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    table_ = CreateTable("tx", "id BIGINT PRIMARY KEY, s TEXT");
  }

  sdk::Status Insert(std::int64_t id) {
    auto done = connection_->ExecuteUpdate("INSERT INTO " + table_ + " (id, s) VALUES (?, ?)",
                                           {Value::Int64(id), Value::String("x")});
    return done.ok() ? sdk::Status::Ok() : done.status();
  }

  // Counted on a second connection: sees only committed rows.
  std::string CommittedRows() {
    auto other = OpenConnection();
    if (other == nullptr) return "no connection";
    auto result = other->Query("SELECT COUNT(*) FROM " + table_);
    if (!result.ok()) return result.status().ToString();
    return std::to_string(result->rows[0][0].integer());
  }

  std::string table_;
};

TEST_P(TransactionTest, CommitMakesRowsVisibleToOtherConnections) {
  auto tx = Transaction::Begin(*connection_);
  ASSERT_TRUE(tx.ok()) << tx.status().ToString();
  ASSERT_TRUE(Insert(1).ok());
  ASSERT_TRUE(Insert(2).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_FALSE(connection_->in_transaction());
  EXPECT_EQ(CommittedRows(), "2");
}

TEST_P(TransactionTest, RollbackDiscardsRows) {
  auto tx = Transaction::Begin(*connection_);
  ASSERT_TRUE(tx.ok()) << tx.status().ToString();
  ASSERT_TRUE(Insert(1).ok());
  ASSERT_TRUE(tx->Rollback().ok());
  EXPECT_EQ(CommittedRows(), "0");
  ASSERT_TRUE(Insert(3).ok());  // autocommit is back on
  EXPECT_EQ(CommittedRows(), "1");
}

TEST_P(TransactionTest, LeavingTheScopeWithoutCommitRollsBack) {
  {
    auto tx = Transaction::Begin(*connection_);
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    ASSERT_TRUE(Insert(1).ok());
  }
  EXPECT_FALSE(connection_->in_transaction());
  EXPECT_EQ(CommittedRows(), "0");
}

TEST_P(TransactionTest, RefusesASecondTransactionOnTheSameConnection) {
  auto tx = Transaction::Begin(*connection_);
  ASSERT_TRUE(tx.ok());
  auto second = Transaction::Begin(*connection_);
  EXPECT_EQ(second.status().code(), sdk::StatusCode::kInternal);
  EXPECT_EQ(tx->Commit().code(), sdk::StatusCode::kOk);
  EXPECT_EQ(tx->Commit().code(), sdk::StatusCode::kInternal);
}

TEST_P(TransactionTest, AFailedStatementUndoesOnlyItselfAndTheTransactionGoesOn) {
  auto tx = Transaction::Begin(*connection_);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(Insert(1).ok());
  EXPECT_EQ(Insert(1).code(), sdk::StatusCode::kDataError);
  const sdk::Status after = Insert(2);
  ASSERT_TRUE(after.ok()) << after.ToString();
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(CommittedRows(), "2");
}

TEST_P(TransactionTest, SavepointUndoesAFailedStatementAndKeepsTheRest) {
  auto tx = Transaction::Begin(*connection_);
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE(Insert(1).ok());
  {
    auto savepoint = Savepoint::Create(*connection_);
    ASSERT_TRUE(savepoint.ok()) << savepoint.status().ToString();
    const sdk::Status duplicate = Insert(1);
    EXPECT_EQ(duplicate.code(), sdk::StatusCode::kDataError) << duplicate.ToString();
    ASSERT_TRUE(savepoint->RollbackTo().ok());
  }
  {
    auto savepoint = Savepoint::Create(*connection_);
    ASSERT_TRUE(savepoint.ok());
    ASSERT_TRUE(Insert(2).ok());
    ASSERT_TRUE(savepoint->Release().ok());
  }
  {
    auto savepoint = Savepoint::Create(*connection_);
    ASSERT_TRUE(savepoint.ok());
    ASSERT_TRUE(Insert(3).ok());  // undone when the savepoint goes out of scope
  }
  ASSERT_TRUE(tx->Commit().ok()) << "the transaction must survive the failed statement";
  EXPECT_EQ(CommittedRows(), "2");
}

TEST_P(TransactionTest, SavepointNeedsATransaction) {
  EXPECT_EQ(Savepoint::Create(*connection_).status().code(), sdk::StatusCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Drivers, TransactionTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::odbc::test
