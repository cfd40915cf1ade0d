#include "store/schema/migrator.hpp"

#include <algorithm>
#include <charconv>

#include "hub/odbc/transaction.hpp"
#include "store/schema/migration.hpp"
#include "store/schema/sql_dialect.hpp"

namespace hub::schema {
namespace {

// The table that records the history; created outside the migrations, which it versions.
constexpr std::string_view kCreateHistory =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at {{timestamp}} NOT NULL DEFAULT {{now}})";

// One row of schema_migrations.
struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
};

sdk::Result<const SchemaDialect*> DialectOf(const odbc::Connection& connection) {
  const SchemaDialect* dialect = FindSchemaDialect(connection.dialect());
  if (dialect == nullptr) {
    return sdk::Status::Unimplemented("the store's database engine (" + connection.dbms_name() +
                                      ") has no hub schema; supported engines: " + SupportedDialectNames());
  }
  return dialect;
}

std::int64_t IntegerOf(const sdk::Value& value) {
  if (value.type() == sdk::ValueType::kInt64) return value.integer();
  std::int64_t number = 0;
  std::from_chars(value.text().data(), value.text().data() + value.text().size(), number);
  return number;
}

sdk::Result<std::vector<AppliedMigration>> ReadHistory(odbc::Connection& connection) {
  sdk::Result<odbc::RowSet> rows =
      connection.Query("SELECT version, name, checksum FROM schema_migrations ORDER BY version");
  if (!rows.ok()) return rows.status().WithContext("reading schema_migrations");
  std::vector<AppliedMigration> history;
  for (const odbc::Row& row : rows->rows) {
    history.push_back({static_cast<int>(IntegerOf(row[0])), row[1].text(), row[2].text()});
  }
  return history;
}

sdk::Status Tampered(const Migration& migration, const std::string& recorded_checksum) {
  return sdk::Status::DataError(migration.Label() + " was changed after it was applied: the store recorded checksum " +
                                recorded_checksum + ", this hub has " + migration.checksum +
                                "; applied migrations must never be edited: restore the original SQL, or restore the "
                                "store from a backup");
}

// Refuses a history this binary cannot continue from (see Migrate's contract).
sdk::Status CheckHistory(const std::vector<AppliedMigration>& history, const std::vector<Migration>& known) {
  const int latest = static_cast<int>(known.size());
  if (!history.empty() && history.back().version > latest) {
    return sdk::Status::DataError("the store's schema is at version " + std::to_string(history.back().version) +
                                  ", newer than this hub knows (" + std::to_string(latest) +
                                  "): run a hub at least as new as the one that migrated it");
  }
  for (std::size_t i = 0; i < history.size(); ++i) {
    const AppliedMigration& applied = history[i];
    if (applied.version != static_cast<int>(i) + 1) {
      return sdk::Status::DataError("migration " + std::to_string(i + 1) +
                                    " is not recorded as applied although migration " +
                                    std::to_string(applied.version) +
                                    " is: the store's schema history is inconsistent; restore it from a backup");
    }
    if (applied.checksum != known[i].checksum) return Tampered(known[i], applied.checksum);
  }
  return sdk::Status::Ok();
}

sdk::Status RunStatements(odbc::Connection& connection, const Migration& migration) {
  const std::size_t count = migration.statements.size();
  for (std::size_t i = 0; i < count; ++i) {
    sdk::Status status = connection.ExecuteDirect(migration.statements[i]);
    if (!status.ok()) {
      return status.WithContext(migration.Label() + ", statement " + std::to_string(i + 1) + " of " +
                                std::to_string(count));
    }
  }
  return sdk::Status::Ok();
}

// Applies `migration` in one transaction with its history row. False when another hub applied it since
// the history was read (seen under the lock).
sdk::Result<bool> ApplyOne(odbc::Connection& connection, const SchemaDialect& dialect, const Migration& migration) {
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  HUB_RETURN_IF_ERROR(connection.ExecuteDirect(dialect.lock_migrations).WithContext("locking schema_migrations"));
  sdk::Result<odbc::RowSet> existing = connection.Query("SELECT checksum FROM schema_migrations WHERE version = ?",
                                                        {sdk::Value::Int64(migration.version)});
  if (!existing.ok()) return existing.status().WithContext("reading schema_migrations");
  if (!existing->rows.empty()) {
    if (existing->rows[0][0].text() != migration.checksum) return Tampered(migration, existing->rows[0][0].text());
    return false;
  }
  HUB_RETURN_IF_ERROR(RunStatements(connection, migration));
  sdk::Result<std::int64_t> recorded =
      connection.ExecuteUpdate("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                               {sdk::Value::Int64(migration.version), sdk::Value::String(migration.name),
                                sdk::Value::String(migration.checksum)});
  if (!recorded.ok()) return recorded.status().WithContext(migration.Label() + ": recording it");
  HUB_RETURN_IF_ERROR(transaction->Commit().WithContext(migration.Label() + ": commit"));
  return true;
}

bool HasHistoryTable(odbc::Connection& connection) {
  sdk::Result<std::vector<std::string>> tables = ListTables(connection);
  return tables.ok() && std::find(tables->begin(), tables->end(), "schema_migrations") != tables->end();
}

sdk::Status CreateHistoryTable(odbc::Connection& connection, const SchemaDialect& dialect) {
  sdk::Result<std::string> sql = ExpandTokens(kCreateHistory, dialect);
  if (!sql.ok()) return sql.status();
  sdk::Status created = connection.ExecuteDirect(*sql);
  // Two hubs creating it at the same moment: on PostgreSQL the loser's IF NOT EXISTS can still fail.
  if (!created.ok() && HasHistoryTable(connection)) return sdk::Status::Ok();
  return created.WithContext("creating schema_migrations");
}

}  // namespace

std::string MigrationOutcome::Summary() const {
  std::string line = "schema at version " + std::to_string(version);
  if (applied.empty()) return line + " (up to date)";
  return line + " (applied " + std::to_string(applied.size()) + (applied.size() == 1 ? " migration)" : " migrations)");
}

sdk::Result<MigrationOutcome> Migrate(odbc::Connection& connection, std::span<const MigrationSource> sources) {
  sdk::Result<const SchemaDialect*> dialect = DialectOf(connection);
  if (!dialect.ok()) return dialect.status();
  sdk::Result<std::vector<Migration>> known = CompileMigrations(sources, **dialect);
  if (!known.ok()) return known.status();
  HUB_RETURN_IF_ERROR(CreateHistoryTable(connection, **dialect));
  sdk::Result<std::vector<AppliedMigration>> history = ReadHistory(connection);
  if (!history.ok()) return history.status();
  HUB_RETURN_IF_ERROR(CheckHistory(*history, *known));

  MigrationOutcome outcome;
  outcome.version_before = static_cast<int>(history->size());
  for (std::size_t i = history->size(); i < known->size(); ++i) {
    sdk::Result<bool> applied = ApplyOne(connection, **dialect, (*known)[i]);
    if (!applied.ok()) return applied.status();
    if (*applied) outcome.applied.push_back((*known)[i].Label());
  }
  outcome.version = static_cast<int>(std::max(known->size(), history->size()));
  return outcome;
}

sdk::Result<MigrationOutcome> Migrate(odbc::Database& database) {
  sdk::Result<odbc::ConnectionLease> lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  return Migrate(lease->get());
}

sdk::Result<int> SchemaVersion(odbc::Connection& connection) {
  sdk::Result<std::vector<std::string>> tables = ListTables(connection);
  if (!tables.ok()) return tables.status();
  if (std::find(tables->begin(), tables->end(), "schema_migrations") == tables->end()) return 0;
  sdk::Result<odbc::RowSet> rows = connection.Query("SELECT MAX(version) FROM schema_migrations");
  if (!rows.ok()) return rows.status().WithContext("reading schema_migrations");
  if (rows->rows.empty() || rows->rows[0][0].is_null()) return 0;
  return static_cast<int>(IntegerOf(rows->rows[0][0]));
}

sdk::Result<std::vector<std::string>> ListTables(odbc::Connection& connection) {
  sdk::Result<const SchemaDialect*> dialect = DialectOf(connection);
  if (!dialect.ok()) return dialect.status();
  sdk::Result<odbc::RowSet> rows = connection.Query((*dialect)->list_tables);
  if (!rows.ok()) return rows.status().WithContext("listing tables");
  std::vector<std::string> names;
  for (const odbc::Row& row : rows->rows) names.push_back(row[0].text());
  return names;
}

}  // namespace hub::schema
