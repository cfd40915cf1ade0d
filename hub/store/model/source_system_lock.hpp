// Writers of one source system taking turns: two transactions that could both find a source record new must
// not both insert it (two jobs reading one system, `hub sync` beside `hub run`, two posts of one call).
#ifndef HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_
#define HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_

#include <string>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// On PostgreSQL, takes the transaction-scoped advisory lock of `system` (keyed by the store's schema and the
// system, so that stores in different schemas of one database never wait for each other), waiting for the
// transaction that holds it; held until the caller's transaction ends. Callers taking several take them in
// name order. SQLite needs none (a writing transaction holds the database's one write lock): nothing is
// asked. Threads: as the connection. Errors: the driver's Status, naming the system.
sdk::Status LockSourceSystem(odbc::Connection& connection, const std::string& system);

// LockSourceSystem without waiting: false when another transaction holds the lock. Always true on SQLite.
sdk::Result<bool> TryLockSourceSystem(odbc::Connection& connection, const std::string& system);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_
