#include "service/store_access.hpp"

#include <system_error>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/connection_string.hpp"
#include "store/schema/migrator.hpp"

namespace hub::service {
namespace {

// SQLite creates the database file but not its folder (the demo's var/ does not exist before the first run).
sdk::Status CreateSqliteFolder(const std::string& connection_string) {
  if (!odbc::IsSqliteConnectionString(connection_string)) return sdk::Status::Ok();
  std::optional<std::string> database = odbc::FindAttribute(connection_string, "Database");
  if (!database || database->empty() || *database == ":memory:") return sdk::Status::Ok();
  const std::filesystem::path folder = std::filesystem::path(*database).parent_path();
  std::error_code error;
  if (folder.empty() || std::filesystem::is_directory(folder, error)) return sdk::Status::Ok();
  std::filesystem::create_directories(folder, error);
  if (error) return sdk::Status::IoError("creating the store's folder " + folder.string() + ": " + error.message());
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<std::unique_ptr<odbc::Database>> OpenStore(const config::HubConfig& config, std::size_t pool_size) {
  odbc::DatabaseOptions options;
  options.pool_size = pool_size;
  options.logger = MakeLogger("store");
  for (const std::string& connection_string : config.store.connection_strings) {
    std::string resolved = odbc::ResolveSqlitePath(connection_string, config.base_dir);
    HUB_RETURN_IF_ERROR(CreateSqliteFolder(resolved));
    options.connection_strings.push_back(std::move(resolved));
  }
  return odbc::Database::Open(std::move(options));
}

sdk::Result<std::unique_ptr<odbc::Database>> OpenAndMigrateStore(const config::HubConfig& config, std::size_t pool_size,
                                                                 const Logger& log) {
  sdk::Result<std::unique_ptr<odbc::Database>> database = OpenStore(config, pool_size);
  if (!database.ok()) return database.status();
  sdk::Result<schema::MigrationOutcome> migrated = schema::Migrate(**database);
  if (!migrated.ok()) return migrated.status().WithContext("migrating the store");
  log->info("store ({}): {}", odbc::DialectName((*database)->dialect()), migrated->Summary());
  return database;
}

sdk::Status PingStore(odbc::Database& database) {
  sdk::Result<odbc::ConnectionLease> lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<odbc::RowSet> answer = (*lease)->Query("SELECT 1");
  return answer.ok() ? sdk::Status::Ok() : answer.status();
}

}  // namespace hub::service
