// Creating and upgrading the store's schema: the versioned migrations, applied in order, each in its own
// transaction together with its row in schema_migrations(version, name, checksum, applied_at).
#ifndef HUB_STORE_SCHEMA_MIGRATOR_HPP_
#define HUB_STORE_SCHEMA_MIGRATOR_HPP_

#include <span>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"
#include "store/schema/embedded_migrations.hpp"

namespace hub::schema {

// What one Migrate call found and did. A plain value.
struct MigrationOutcome {
  int version_before = 0;            // the schema version found (0: an empty store)
  int version = 0;                   // the schema version now
  std::vector<std::string> applied;  // "migration 3 (parties)", ... applied by this call, in order

  // "schema at version 6 (applied 6 migrations)" or "schema at version 6 (up to date)".
  std::string Summary() const;
};

// Brings the store behind `connection` to the latest version of `sources` (by default the migrations
// compiled into this binary). Idempotent: migrations already applied are skipped, so a second run applies
// nothing. Each migration runs in its own transaction with the row that records it, so a failure leaves
// the store at the previous version; two hubs migrating at once take turns (a lock taken in each
// transaction) and each migration is applied once.
//
// Before applying anything it checks the recorded history and refuses (DataError, nothing changed):
//   - a version newer than this binary knows ("run a hub at least as new as the one that migrated it");
//   - an applied migration whose checksum differs from this binary's (someone edited history);
//   - a gap (a version missing below an applied one).
// Errors also: Unimplemented for an engine without a schema (see sql_dialect.hpp); InvalidArgument for
// malformed sources; a failing statement as the driver's Status, prefixed with the migration and the
// statement number. The connection must not be in a transaction. Threads: as the connection.
sdk::Result<MigrationOutcome> Migrate(odbc::Connection& connection,
                                      std::span<const MigrationSource> sources = EmbeddedMigrations());

// Migrate on a connection acquired from `database` (returned afterwards). Thread-safe.
sdk::Result<MigrationOutcome> Migrate(odbc::Database& database);

// The highest version recorded in schema_migrations; 0 when the store has no schema yet. Read-only.
sdk::Result<int> SchemaVersion(odbc::Connection& connection);

// The names of the tables in the connection's current schema (PostgreSQL: current_schema(); SQLite: the
// main database, without SQLite's own tables), sorted. Errors: Unimplemented for an unknown engine.
sdk::Result<std::vector<std::string>> ListTables(odbc::Connection& connection);

}  // namespace hub::schema

#endif  // HUB_STORE_SCHEMA_MIGRATOR_HPP_
