// The `hub db` subcommands, answering the process exit status (0 success, 1 runtime failure, 2 bad usage
// or invalid configuration). Output goes to the given streams.
#ifndef HUB_CLI_DB_COMMANDS_HPP_
#define HUB_CLI_DB_COMMANDS_HPP_

#include <filesystem>
#include <ostream>

namespace hub::cli {

// `hub db migrate`: creates or upgrades the schema of the configuration's store (the first of its
// connection strings that connects; SQLite paths relative to the file, their folder created if missing).
// Idempotent. Prints "schema at version N (applied K migrations)" or "schema at version N (up to date)";
// errors as one line on `err`: 2 for an invalid configuration, 1 when the store cannot be reached or
// refuses (e.g. a schema newer than this hub, an edited migration).
int MigrateStore(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err);

}  // namespace hub::cli

#endif  // HUB_CLI_DB_COMMANDS_HPP_
