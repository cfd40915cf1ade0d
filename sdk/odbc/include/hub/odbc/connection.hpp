// One open ODBC connection: its dialect, direct and prepared execution, and transaction control.
#ifndef HUB_ODBC_CONNECTION_HPP_
#define HUB_ODBC_CONNECTION_HPP_

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <sql.h>

#include "hub/odbc/dialect.hpp"
#include "hub/odbc/handles.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// How a connection is opened.
struct ConnectOptions {
  // SQL_ATTR_LOGIN_TIMEOUT: how long connecting to an unreachable server may take.
  std::chrono::seconds login_timeout{5};
  // SQLite busy timeout: how long a statement waits for another connection's write lock. Added to the
  // connection string as the SQLite driver's Timeout= (ms) unless the string sets one.
  std::chrono::milliseconds sqlite_busy_timeout{10000};
};

// An open connection (SQLDriverConnect), in autocommit mode unless a transaction is open.
//
// After connecting it detects the dialect (SQLGetInfo SQL_DBMS_NAME) and prepares the session:
//   SQLite:     PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL (safe in WAL:
//               a power cut may lose the last commits, never consistency); busy timeout as above.
//   PostgreSQL: SET TIME ZONE 'UTC' (timestamps bind as UTC); the "PostgreSQL Unicode" driver already
//               sets client_encoding UTF8. Unless the connection string says otherwise, psqlODBC gets
//               BoolsAsChar=0 (booleans read back as Bool) and Protocol=7.4-2 (see below).
// On both shipped drivers a statement that fails inside a transaction undoes only itself and the
// transaction goes on (psqlODBC sets an implicit savepoint before each statement; SQLite statements are
// atomic): a bad row can be retried or skipped without losing the batch.
//
// Threads: one thread at a time (the store hands connections out through its Database's leases). Lifetime:
// Statements it prepared must not outlive it; statements from PrepareCached are owned by it. Once a call reports a
// connection failure — SQLSTATE class 08 (see IsConnectionFailure), or the driver finding the link dead
// (SQL_ATTR_CONNECTION_DEAD, as psqlODBC does after the server terminated the session with "FATAL:
// terminating connection due to administrator command") — that call's Status is Unavailable ("connection
// lost: ...") and broken() turns true for good: discard the connection and open another.
// Errors: Statuses as in diagnostics.hpp, messages masked of secrets.
class Connection {
 public:
  // Connects with `connection_string`. Errors as StatusFromDiagnostics (Unavailable when the server
  // cannot be reached: SQLSTATE 08xxx), each message naming the masked connection string with every
  // diagnostic record; the password never appears, even where a driver echoes it.
  static sdk::Result<std::unique_ptr<Connection>> Open(std::shared_ptr<Environment> environment,
                                                       std::string_view connection_string,
                                                       const ConnectOptions& options = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Dialect dialect() const { return dialect_; }
  // SQL_DBMS_NAME and SQL_DBMS_VER as the driver reports them ("PostgreSQL", "15.18").
  const std::string& dbms_name() const { return dbms_name_; }
  const std::string& dbms_version() const { return dbms_version_; }
  // The connection string with secrets masked: safe to log.
  const std::string& masked_connection_string() const { return masked_connection_string_; }
  // True once a call reported that the connection is lost; every later call fails.
  bool broken() const { return broken_; }
  // True between BeginTransaction and Commit/Rollback.
  bool in_transaction() const { return in_transaction_; }

  // Runs one SQL statement without parameters or results (DDL, PRAGMA, SET) with SQLExecDirect.
  sdk::Status ExecuteDirect(std::string_view sql);

  // Prepares, binds `params`, executes once; returns the rows affected (-1 when unknown).
  sdk::Result<std::int64_t> ExecuteUpdate(std::string_view sql, const std::vector<sdk::Value>& params = {});

  // Prepares, binds `params`, executes and reads the whole result into memory.
  sdk::Result<RowSet> Query(std::string_view sql, const std::vector<sdk::Value>& params = {});

  // Prepares `sql` (SQLPrepare); the Statement is the caller's.
  sdk::Result<Statement> Prepare(std::string_view sql);

  // The statement for `sql`, prepared on first use and kept (owned by this connection) until it closes:
  // for statements run again and again (upserts, look-ups). The pointer stays valid while the connection
  // lives; its cursor is closed before it is returned.
  sdk::Result<Statement*> PrepareCached(std::string_view sql);

  // How many statements PrepareCached holds (for tests and metrics).
  std::size_t cached_statements() const { return cached_.size(); }

  // Transaction control (prefer the RAII Transaction in transaction.hpp). BeginTransaction turns
  // autocommit off; Commit and Rollback end the transaction (SQLEndTran) and turn autocommit back on.
  // Errors: Internal (a caller's mistake) when a transaction is already open / none is open; driver errors.
  sdk::Status BeginTransaction();
  sdk::Status Commit();
  sdk::Status Rollback();

  // The Status for a failed call on `handle` (this connection's or one of its statements'): reads and
  // normalises the diagnostics, marks the connection broken on a connection failure, and adds `context`.
  // For Statement, and for code that calls ODBC directly on this connection's handles.
  sdk::Status Diagnose(SQLSMALLINT handle_type, SQLHANDLE handle, std::string_view context);

  SQLHDBC handle() const { return handle_.get(); }

 private:
  Connection(std::shared_ptr<Environment> environment, ConnectionHandle handle, std::string masked);

  sdk::Status Connect(const std::string& connection_string, const ConnectOptions& options);
  sdk::Status DetectDialect();
  sdk::Status PrepareSession();
  sdk::Status EndTransaction(SQLSMALLINT completion);

  std::shared_ptr<Environment> environment_;  // declared first: freed after the connection handle
  ConnectionHandle handle_;
  std::string masked_connection_string_;
  Dialect dialect_ = Dialect::kOther;
  std::string dbms_name_;
  std::string dbms_version_;
  bool connected_ = false;
  bool broken_ = false;
  bool in_transaction_ = false;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cached_;  // by SQL text
};

}  // namespace hub::odbc

#endif  // HUB_ODBC_CONNECTION_HPP_
