// The file connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_FILE_FILE_OPTIONS_HPP_
#define HUB_CONNECTORS_FILE_FILE_OPTIONS_HPP_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/files/file_completeness.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::file {

enum class FileFormat { kCsv, kTsv, kJsonl };

// Validated options of one file connector instance. A plain value.
struct FileOptions {
  std::filesystem::path path;        // a file, or a folder of files; empty: the connector does not read
  std::string pattern = "*.csv";     // folder mode: which files
  std::optional<FileFormat> format;  // nullopt: from each file's extension
  std::optional<char> delimiter;     // nullopt: ',' for CSV, tab for TSV
  std::optional<char> quote = '"';   // nullopt: no quoting
  std::string encoding = "auto";     // "auto" or an ICU converter name
  bool header = true;
  std::vector<std::string> columns;
  std::string entity = "party";
  std::string id_field;               // empty: the source id is "<file name>:<line>"
  std::filesystem::path archive_dir;  // empty: consumed files stay where they are
  std::filesystem::path error_dir;    // empty: an unreadable file fails the read
  bool skip_empty_lines = true;
  files::CompletenessRule completeness;  // when a last line without its line end may be read
  std::filesystem::path events_dir;      // the drop folder for outbound events; empty: none accepted
  std::string events_prefix = "events";  // how the names of the event files start
};

// The plugin's self-description: name "file", kind "connector", every option with type, default,
// whether it is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeFileConnector();

// Parses the values the host validated against DescribeFileConnector() (absent options take their
// defaults). InvalidArgument naming the option for values the schema cannot express as invalid: neither
// path nor events_dir given, an unknown format or encoding, an events_prefix that is empty, starts with a
// dot or holds a '/', a delimiter or quote that is not one ASCII character, a delimiter equal to
// the quote, a settle_time that is not a duration.
sdk::Result<FileOptions> ParseFileOptions(const sdk::Options& options);

// The format of a file called `file_name`: `configured` when set, else from its extension (.csv, .tsv,
// .tab, .jsonl, .ndjson; any case). DataError when neither tells.
sdk::Result<FileFormat> FormatOf(std::string_view file_name, std::optional<FileFormat> configured);

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_FILE_OPTIONS_HPP_
