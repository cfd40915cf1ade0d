// The store's database: the contract's ordered connection strings with failover, and a small pool of
// connections leased to worker threads.
#ifndef HUB_STORE_ODBC_DATABASE_HPP_
#define HUB_STORE_ODBC_DATABASE_HPP_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/logging.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/odbc/dialect.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

struct DatabaseOptions {
  // In priority order: the first reachable is used, the next on failure (secrets already resolved;
  // SQLite paths already absolute, see ResolveSqlitePath).
  std::vector<std::string> connection_strings;
  // Most connections open at once; Acquire waits when all are leased.
  std::size_t pool_size = 4;
  // How long Acquire waits for a leased connection to come back before failing with Unavailable.
  std::chrono::milliseconds acquire_timeout{30000};
  ConnectOptions connect;
  // Optional: failovers and discarded connections are logged here (connection strings masked).
  Logger logger;
};

class ConnectionPool;

// A connection borrowed from a Database. Returned to the pool when the lease goes away: rolled back
// first if a transaction was left open, and discarded instead if it is broken (so the next Acquire
// reconnects). Threads: use it on one thread at a time; it may be handed to another thread. Move-only.
class ConnectionLease {
 public:
  ConnectionLease(ConnectionLease&& other) noexcept;
  ConnectionLease& operator=(ConnectionLease&& other) noexcept;
  ConnectionLease(const ConnectionLease&) = delete;
  ConnectionLease& operator=(const ConnectionLease&) = delete;
  ~ConnectionLease();

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }
  Connection& get() const { return *connection_; }

 private:
  friend class ConnectionPool;
  ConnectionLease(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> connection);
  void Return();

  std::shared_ptr<ConnectionPool> pool_;  // keeps the pool alive while leased
  std::unique_ptr<Connection> connection_;
};

// The store's database behind the contract's list of connection strings, with a thread-safe pool.
//
// Every new connection tries the strings in order and takes the first that connects; if none does, the
// error lists every attempt (masked). A connection that fails with a connection error is discarded when
// its lease ends, so the next Acquire reconnects — again from the first string, so new connections go
// back to the primary once it is reachable (connections already open to a later string stay in use
// until they fail). While the primary is down, each new connection first waits for it to fail (at most
// the login timeout; a refused port fails at once). Idle connections are not probed: the first use of a
// connection the server dropped fails (Unavailable) and the next Acquire gets a working one.
// On SQLite every connection reads the store through a memory map of up to 1 GiB (PRAGMA mmap_size): pages
// come from the kernel's page cache without a read call and a copy each (the screen pop reads a few index pages
// of a large store per statement).
//
// Threads: every member is thread-safe. Lifetime: leases may outlive the Database (they keep the pool).
class Database {
 public:
  // Opens one connection right away (so a wrong configuration fails at start-up) and keeps it idle.
  // Errors: InvalidArgument without connection strings or with pool_size 0; Unavailable when no string
  // connects, naming each attempt (secrets masked):
  //   "no store connection could be opened: [1] connecting to Driver=...;Pwd=***;: SQLSTATE ...; [2] ..."
  static sdk::Result<std::unique_ptr<Database>> Open(DatabaseOptions options);
  ~Database();

  // A connection for the caller's exclusive use: an idle one, a new one while fewer than pool_size are
  // open, or the first returned within acquire_timeout. Errors: Unavailable on timeout or when no
  // connection string connects.
  sdk::Result<ConnectionLease> Acquire();

  // The dialect of the most recently opened connection (after failover it may differ from the first
  // string's).
  Dialect dialect() const;

  // Connections open now (leased + idle), for metrics and tests.
  std::size_t open_connections() const;

 private:
  explicit Database(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}
  std::shared_ptr<ConnectionPool> pool_;
};

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_DATABASE_HPP_
