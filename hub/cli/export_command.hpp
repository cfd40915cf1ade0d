// `hub export KIND --config F [--format csv|json] [--out FILE]`.
#ifndef HUB_CLI_EXPORT_COMMAND_HPP_
#define HUB_CLI_EXPORT_COMMAND_HPP_

#include <filesystem>
#include <ostream>
#include <string>

namespace hub::cli {

// The export kinds for `hub export --help`: "customers, leads, ...".
std::string ExportKindList();

// Writes the export KIND of the configuration's store as `format` ("csv" or "json") to `out_file`, or to
// `out` when it is empty. A file is written under a temporary name and renamed when complete, so it is
// never seen half-written. Exit status: 0; 2 for an unknown kind or format or an invalid configuration;
// 1 when the store or the file fails. Errors as one line on `err`.
int ExportData(const std::string& kind, const std::filesystem::path& config_file, const std::string& format,
               const std::filesystem::path& out_file, std::ostream& out, std::ostream& err);

}  // namespace hub::cli

#endif  // HUB_CLI_EXPORT_COMMAND_HPP_
