// Scoped transactions and savepoints: rolled back unless committed / released.
#ifndef HUB_ODBC_TRANSACTION_HPP_
#define HUB_ODBC_TRANSACTION_HPP_

#include <string>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// An open transaction on one Connection. Commit() makes it durable; if the object goes away without a
// successful Commit() or Rollback() (early return, error), it rolls back. A failed Commit() leaves the
// transaction to be rolled back by the destructor.
//
// Threads: as the Connection. Lifetime: must not outlive the Connection. Move-only.
//
// Usage:
//     auto tx = Transaction::Begin(connection);
//     if (!tx.ok()) return tx.status();
//     HUB_RETURN_IF_ERROR(writer.Flush());
//     return tx->Commit();
class Transaction {
 public:
  // Turns autocommit off on `connection`. Errors: Internal (a caller's mistake) when a transaction is already open.
  static sdk::Result<Transaction> Begin(Connection& connection);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  sdk::Status Commit();
  sdk::Status Rollback();
  bool active() const { return connection_ != nullptr; }
  Connection& connection() const { return *connection_; }

 private:
  explicit Transaction(Connection* connection) : connection_(connection) {}
  Connection* connection_;  // null once committed, rolled back or moved from
};

// A savepoint inside an open transaction (SAVEPOINT / RELEASE / ROLLBACK TO, the same SQL on SQLite and
// PostgreSQL): lets one failing statement be undone without losing the rest of the transaction — on
// PostgreSQL a failed statement otherwise aborts the whole transaction. Released by Release(); rolled
// back to (and released) by RollbackTo() or when destroyed without either.
//
// Threads and lifetime: as Transaction; nest them in LIFO order. Move-only.
class Savepoint {
 public:
  // Creates a savepoint with a name unique on this connection. Errors: Internal (a caller's mistake) outside a
  // transaction; driver errors.
  static sdk::Result<Savepoint> Create(Connection& connection);

  Savepoint(Savepoint&& other) noexcept;
  Savepoint& operator=(Savepoint&&) = delete;
  Savepoint(const Savepoint&) = delete;
  ~Savepoint();

  // Keeps the work done since the savepoint.
  sdk::Status Release();
  // Undoes the work done since the savepoint; the transaction stays open and usable.
  sdk::Status RollbackTo();

 private:
  Savepoint(Connection* connection, std::string name) : connection_(connection), name_(std::move(name)) {}
  Connection* connection_;  // null once released, rolled back or moved from
  std::string name_;
};

}  // namespace hub::odbc

#endif  // HUB_ODBC_TRANSACTION_HPP_
