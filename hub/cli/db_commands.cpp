#include "cli/db_commands.hpp"

#include "config/config_loader.hpp"
#include "service/store_access.hpp"
#include "store/schema/migrator.hpp"

namespace hub::cli {

int MigrateStore(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err) {
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return 2;
  }
  const std::string prefix = "hub db migrate: " + config_file.string() + ": store: ";
  sdk::Result<std::unique_ptr<odbc::Database>> database = service::OpenStore(*loaded.config, 1);
  if (!database.ok()) {
    err << prefix << database.status().message() << "\n";
    return 1;
  }
  sdk::Result<schema::MigrationOutcome> outcome = schema::Migrate(**database);
  if (!outcome.ok()) {
    err << prefix << outcome.status().ToString() << "\n";
    return 1;
  }
  out << outcome->Summary() << "\n";
  return 0;
}

}  // namespace hub::cli
