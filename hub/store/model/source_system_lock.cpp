#include "store/model/source_system_lock.hpp"

#include <string_view>

namespace hub::store_model {
namespace {

// The key of a source system's lock (the system is the parameter).
constexpr std::string_view kLockKey = "hashtext(current_schema()), hashtext(?)";

}  // namespace

// A statement that writes nothing but takes SQLite's write lock (any UPDATE takes it as it starts).
constexpr std::string_view kSqliteWriteLock = "UPDATE schema_migrations SET version = version WHERE version < 0";

sdk::Status LockSourceSystem(odbc::Connection& connection, const std::string& system) {
  if (connection.dialect() == odbc::Dialect::kSqlite) {
    auto locked = connection.ExecuteUpdate(kSqliteWriteLock);
    return locked.ok() ? sdk::Status::Ok() : locked.status().WithContext("locking source system " + system);
  }
  if (connection.dialect() != odbc::Dialect::kPostgres) return sdk::Status::Ok();
  auto locked =
      connection.Query("SELECT pg_advisory_xact_lock(" + std::string(kLockKey) + ")", {sdk::Value::String(system)});
  return locked.ok() ? sdk::Status::Ok() : locked.status().WithContext("locking source system " + system);
}

sdk::Status LockSourceRecord(odbc::Connection& connection, const std::string& system, std::string_view entity,
                             const std::string& source_id) {
  if (connection.dialect() != odbc::Dialect::kPostgres) return LockSourceSystem(connection, system);
  const std::string record = system + "/" + std::string(entity) + "/" + source_id;
  auto locked = connection.Query("SELECT pg_advisory_xact_lock_shared(" + std::string(kLockKey) +
                                     "), pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0))",
                                 {sdk::Value::String(system), sdk::Value::String(record)});
  return locked.ok() ? sdk::Status::Ok() : locked.status().WithContext("locking source record " + record);
}

sdk::Result<bool> TryLockSourceSystem(odbc::Connection& connection, const std::string& system) {
  if (connection.dialect() != odbc::Dialect::kPostgres) return true;
  auto locked =
      connection.Query("SELECT CASE WHEN pg_try_advisory_xact_lock(" + std::string(kLockKey) + ") THEN 1 ELSE 0 END",
                       {sdk::Value::String(system)});
  if (!locked.ok()) return locked.status().WithContext("locking source system " + system);
  return locked->rows.at(0).at(0).integer() == 1;
}

}  // namespace hub::store_model
