// Writers of one source system taking turns: two transactions that could both find a source record new must
// not both insert it (two jobs reading one system, `hub sync` beside `hub run`, two posts of one call).
#ifndef HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_
#define HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_

#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// On PostgreSQL, takes the transaction-scoped advisory lock of `system` (keyed by the store's schema and the
// system, so that stores in different schemas of one database never wait for each other), waiting for the
// transaction that holds it; held until the caller's transaction ends. Callers taking several take them in
// name order. On SQLite a writing transaction holds the database's one write lock, which covers every
// system: this takes it now (a write that changes nothing), waiting for the busy timeout, so that what the
// transaction reads next cannot be made stale by another connection's commit — two transactions that both
// read first would otherwise find that neither can write. Threads: as the connection. Errors: the driver's
// Status, naming the system.
sdk::Status LockSourceSystem(odbc::Connection& connection, const std::string& system);

// For a writer of one record (the API's posts of a lead, a call): the turn of that record alone. On
// PostgreSQL, takes `system`'s lock in shared mode — a batch of the system, which takes it exclusively, waits
// for the record's writers and they for it — and the record's own lock (keyed by the schema, the system, the
// entity and the source id, in the one-key space of advisory locks, which never meets the systems' two-key
// one) exclusively: two posts of the same record take turns, posts of different records of one system never
// wait for each other. On SQLite as LockSourceSystem. Held until the caller's transaction ends.
// Threads: as the connection. Errors: the driver's Status, naming the record.
sdk::Status LockSourceRecord(odbc::Connection& connection, const std::string& system, std::string_view entity,
                             const std::string& source_id);

// LockSourceSystem without waiting: false when another transaction holds the lock. Always true on SQLite.
sdk::Result<bool> TryLockSourceSystem(odbc::Connection& connection, const std::string& system);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_SOURCE_SYSTEM_LOCK_HPP_
