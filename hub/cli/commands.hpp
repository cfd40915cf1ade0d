// The `hub` subcommands other than `run`, each answering the process exit status
// (0 success, 1 runtime failure, 2 bad usage or invalid configuration). Output goes to the given streams.
#ifndef HUB_CLI_COMMANDS_HPP_
#define HUB_CLI_COMMANDS_HPP_

#include <filesystem>
#include <ostream>
#include <string>

namespace hub::cli {

// `hub --version`: "hub <semver> (sdk abi <major>)".
std::string VersionLine();

// `hub check-config [--mappings]`: "ok", or every error as "file:line: message". With `show_mappings`, each
// sync job's mappings come first, as the hub applies them: "job NAME:" and its <mapping> elements (use= resolved,
// the job's fields in place of the set's; MappingXml).
int CheckConfig(const std::filesystem::path& config_file, bool show_mappings, std::ostream& out, std::ostream& err);

// `hub plugins`: one line a plugin file: name, version, kind, sdk abi, path, status, and for a loaded plugin that
// ships default mappings, " mappings: NAME, NAME" after its status.
int ListPlugins(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err);

// `hub plugins --mappings NAME`: the document of each loaded plugin's default mapping NAME, as it ships it, after a
// comment naming the plugin and saying what it maps; exit 2 when no plugin declares NAME (the names declared
// are listed).
int PrintDefaultMapping(const std::filesystem::path& config_file, const std::string& name, std::ostream& out,
                        std::ostream& err);

// `hub sync JOB [--full]`: runs one job once and prints "read=N inserted=N updated=N merged=N quarantined=N".
// SIGINT/SIGTERM stop it between batches (exit 1, counts still printed). With `progress` (a terminal),
// a progress line is kept up to date on `err`.
int SyncOnce(const std::string& job, const std::filesystem::path& config_file, bool full, bool progress,
             std::ostream& out, std::ostream& err);

}  // namespace hub::cli

#endif  // HUB_CLI_COMMANDS_HPP_
