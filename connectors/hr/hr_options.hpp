// The hr connector's options: their schema (the one table the host validates and the README shows) and
// their parsed form.
#ifndef HUB_CONNECTORS_HR_HR_OPTIONS_HPP_
#define HUB_CONNECTORS_HR_HR_OPTIONS_HPP_

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "hub/files/file_completeness.hpp"
#include "hub/odbc/incremental_query.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::hr {

// Validated options of one hr connector instance: the CSV export (`path` and the options after it) or the
// HR system's table over ODBC (`connection` and `table`). A plain value.
struct HrOptions {
  std::filesystem::path path;  // a roster export, or a folder of them; empty: the table is read
  std::string connection;      // the HR database's ODBC connection string (a secret: never print it)
  // The table's rows: its SELECT (`query`, or SELECT * FROM `table`), cursor columns and overlap.
  odbc::IncrementalQuerySpec table;
  std::string table_label;        // how positions name the rows' origin: the table, or "query"
  std::string pattern = "*.csv";  // folder mode: which files
  std::string encoding = "auto";  // "auto" (UTF-8, else GB18030) or an ICU converter name
  char delimiter = ',';
  std::vector<std::string> header_markers;  // a header row holds one of these column names
  std::filesystem::path archive_dir;        // empty: read files stay
  std::filesystem::path error_dir;          // empty: an unreadable file fails the read
  files::CompletenessRule completeness;
  std::chrono::minutes utc_offset = std::chrono::hours(8);  // the zone "today" is taken in, for 离职日期
};

// The plugin's self-description: name "hr", kind "connector", every option with type, default, whether it
// is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeHrConnector();

// Parses the values the host validated against DescribeHrConnector() (absent options take their defaults).
// InvalidArgument naming the option for what the schema cannot express: neither or both of `path` and
// `connection`; with `connection`, neither or both of `table` and `query`, a table name that is not one,
// no `id_column`, a cursor column that is not a plain name; an unknown encoding, a delimiter that is not
// one ASCII character (or `tab`), an empty header_row, a settle_time or overlap that is not a duration, a
// utc_offset not of the form +08:00.
sdk::Result<HrOptions> ParseHrOptions(const sdk::Options& options);

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_OPTIONS_HPP_
