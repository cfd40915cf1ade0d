#include "hr/hr_options.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "hr/default_mappings.hpp"
#include "hr/hr_row.hpp"
#include "hub/files/encoding.hpp"
#include "hub/files/text_decoder.hpp"
#include "hub/files/utc_offset.hpp"
#include "hub/odbc/incremental_options.hpp"
#include "hub/odbc/sql_identifier.hpp"

#ifndef HUB_HR_CONNECTOR_VERSION
#error "HUB_HR_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::hr {
namespace {

using sdk::OptionType;

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string DefaultMarkersText() {
  std::string text;
  for (const std::string& marker : DefaultHeaderMarkers()) text += (text.empty() ? "" : ",") + marker;
  return text;
}

sdk::Result<std::string> ParseEncoding(std::string_view value) {
  const std::string lower = Lower(value);
  if (lower == files::kAutoEncoding) return lower;
  sdk::Result<std::unique_ptr<files::TextDecoder>> decoder = files::TextDecoder::Create(lower);
  if (!decoder.ok()) return decoder.status().WithContext("option 'encoding'");
  return lower;
}

sdk::Result<char> ParseDelimiter(std::string_view value) {
  if (Lower(value) == "tab" || value == "\t") return '\t';
  if (value.size() != 1 || static_cast<unsigned char>(value[0]) >= 0x80 || value[0] == '"' || value[0] == '\n' ||
      value[0] == '\r') {
    return sdk::InvalidOptionValue("delimiter", value, "is not one ASCII character (other than a quote) or tab");
  }
  return value[0];
}

sdk::Result<std::vector<std::string>> ParseMarkers(std::string_view value) {
  std::vector<std::string> markers;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = value.find(',', start);
    std::string_view name = value.substr(start, comma == std::string_view::npos ? comma : comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) markers.emplace_back(name);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (markers.empty()) return sdk::InvalidOptionValue("header_row", value, "names no column");
  return markers;
}

// The table's options, read when `connection` is given.
sdk::Status ParseTableOptions(const sdk::Options& options, HrOptions* parsed) {
  const std::string table = options.GetString("table");
  const std::string query = odbc::TrimmedQuery(options.GetString("query"));
  if (table.empty() == query.empty()) {
    return sdk::Status::InvalidArgument(
        "with option 'connection' give one of 'table' (the HR system's employee table) and 'query' (a SELECT)");
  }
  if (!table.empty() && !odbc::IsTableName(table)) {
    return sdk::InvalidOptionValue(
        "table", table,
        "is not a table name (letters, digits and _, after at most one schema name and a dot); use 'query'");
  }
  parsed->table.query = table.empty() ? query : "SELECT * FROM " + table;
  parsed->table_label = table.empty() ? "query" : table;
  HUB_RETURN_IF_ERROR(odbc::ParseCursorOptions(options, &parsed->table));
  if (parsed->table.id_column.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'id_column' is required with 'connection': the column, unique per row, that the table is read by");
  }
  return sdk::Status::Ok();
}

sdk::Status ParseSource(const sdk::Options& options, HrOptions* parsed) {
  parsed->path = options.GetString("path");
  parsed->connection = options.GetString("connection");
  if (parsed->path.empty() == parsed->connection.empty()) {
    return sdk::Status::InvalidArgument(
        "give one of option 'path' (the roster export or its folder) and option 'connection' (the HR database's "
        "ODBC connection string, with 'table' or 'query')");
  }
  if (!parsed->connection.empty()) return ParseTableOptions(options, parsed);
  return sdk::Status::Ok();
}

}  // namespace

sdk::PluginDescription DescribeHrConnector() {
  sdk::PluginDescription description;
  description.name = "hr";
  description.version = HUB_HR_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads the employee roster (花名册) that Chinese HR systems export as CSV: GBK/GB18030 or UTF-8, title "
      "rows before the header, Chinese headers (工号, 姓名, 部门, 职务, 区域, 入职日期, 离职日期, 状态, 上级工号, "
      "专长, 产能, ...), dates as 2023年3月15日 or 2023/3/15; or the same columns from the HR system's table "
      "over ODBC, incrementally by (timestamp, id) with an overlap window; emits each team, territory and "
      "speciality a row names before the employee.";
  description.options = {
      {"path", OptionType::kPath, std::nullopt, false,
       "The roster export to read, or a folder: then every file in it matching `pattern` is read, one after "
       "another in name order; exports dropped there later are picked up by later reads. Give `path` or "
       "`connection`."},
      {"connection", OptionType::kSecret, std::nullopt, false,
       "Instead of `path`: the HR database's ODBC connection string (`Driver=PostgreSQL Unicode;Server=...;"
       "Database=hr;Uid=...;Pwd=${env:...}`), whose `table` or `query` is read. Never logged: errors show it "
       "with passwords masked. A relative SQLite `Database=` is taken from the configuration file's folder."},
      {"table", OptionType::kString, std::nullopt, false,
       "With `connection`: the employee table (or view) read, `employees` or `hr.employees`; its columns are "
       "named as the export's headers are (工号, 姓名, 部门, ... or employee_number, name, department, ...)."},
      {"query", OptionType::kString, std::nullopt, false,
       "With `connection`, instead of `table`: the SELECT giving one row per employee, its columns named as the "
       "export's headers (alias them: `SELECT emp_no AS 工号, ...`). No ORDER BY: it is wrapped and paged by "
       "`(timestamp_column, id_column)`."},
      {"timestamp_column", OptionType::kString, std::nullopt, false,
       "With `connection`: the column holding when the row last changed (TIMESTAMP, DATE, or ISO text). Each "
       "run reads the rows changed since the last one's newest, less `overlap`. Unset: rows are read by "
       "increasing `id_column` only, so updates are not seen."},
      {"id_column", OptionType::kString, std::nullopt, false,
       "With `connection` (required there): a plain column name (letters, digits, _), unique per row, that "
       "breaks timestamp ties; alias a Chinese column in `query` (`工号 AS emp_id`)."},
      {"overlap", OptionType::kDuration, "5m", false,
       "With `timestamp_column`: each run starts this long before the newest timestamp read so far, so rows "
       "committed late with an older timestamp are still read (those read already store nothing new). Longer "
       "than the HR system's longest write transaction."},
      {"pattern", OptionType::kString, "*.csv", false,
       "Folder mode: glob (`*`, `?`, `[...]`) for the names of the files to read; names starting with a dot are "
       "ignored."},
      {"encoding", OptionType::kString, "auto", false,
       "`auto`, `gbk`, `gb18030`, `utf-8`, ... any ICU converter name. `auto`: a byte-order mark decides; "
       "without one, UTF-8 when the text is valid UTF-8, else GB18030 (which reads GBK too)."},
      {"delimiter", OptionType::kString, ",", false, "The field separator: one ASCII character, or `tab`."},
      {"header_row", OptionType::kString, DefaultMarkersText(), false,
       "Comma-separated column names, one of which the header row holds: the rows before it (a title such as "
       "\"员工花名册 2026年11月\", an export date) are skipped. A file without such a row is set aside."},
      {"archive_dir", OptionType::kPath, std::nullopt, false,
       "Folder mode: where an export moves once the hub has stored all of its rows. Unset: files stay, and only "
       "names sorting after the last file read are picked up."},
      {"error_dir", OptionType::kPath, std::nullopt, false,
       "Folder mode: where an export that cannot be read at all (no header row, binary, UTF-16 without a mark) "
       "moves, with `<name>.error.txt` beside it giving the reason and where reading stood. Unset: such a file "
       "fails the read until it is fixed or removed."},
      {"settle_time", OptionType::kDuration, "1m", false,
       "A last line without its line end is not read while the file may still be written: only once its line "
       "end arrives, or once the file has not changed for this long. A file moved into the folder after it was "
       "written, or declared `final`, need not settle."},
      {"final", OptionType::kBoolean, "false", false,
       "Every export is written whole before the hub reads it: its last line is read at once."},
      {"utc_offset", OptionType::kString, "+08:00", false,
       "The time zone \"today\" is taken in when 状态 is derived from 离职日期 (a row without 状态, from the export "
       "or the table): "
       "an employee whose 离职日期 is today or earlier has left."},
  };
  description.capabilities.reads = true;
  description.capabilities.writes_events = false;
  description.default_mappings = DefaultMappings();
  return description;
}

sdk::Result<HrOptions> ParseHrOptions(const sdk::Options& options) {
  HrOptions parsed;
  HUB_RETURN_IF_ERROR(ParseSource(options, &parsed));
  parsed.pattern = options.GetString("pattern", parsed.pattern);
  sdk::Result<std::string> encoding = ParseEncoding(options.GetString("encoding", parsed.encoding));
  if (!encoding.ok()) return encoding.status();
  parsed.encoding = *encoding;
  sdk::Result<char> delimiter = ParseDelimiter(options.GetString("delimiter", ","));
  if (!delimiter.ok()) return delimiter.status();
  parsed.delimiter = *delimiter;
  sdk::Result<std::vector<std::string>> markers = ParseMarkers(options.GetString("header_row", DefaultMarkersText()));
  if (!markers.ok()) return markers.status();
  parsed.header_markers = std::move(markers).value();
  parsed.archive_dir = options.GetString("archive_dir");
  parsed.error_dir = options.GetString("error_dir");
  sdk::Result<bool> declared_final = options.GetBool("final", false);
  if (!declared_final.ok()) return declared_final.status().WithContext("option 'final'");
  sdk::Result<std::chrono::milliseconds> settle = options.GetDuration("settle_time", parsed.completeness.settle);
  if (!settle.ok()) return settle.status().WithContext("option 'settle_time'");
  parsed.completeness = files::CompletenessRule{*declared_final, *settle};
  const std::string offset_text = options.GetString("utc_offset", "+08:00");
  const std::optional<std::chrono::minutes> offset = files::ParseUtcOffset(offset_text);
  if (!offset) return sdk::InvalidOptionValue("utc_offset", offset_text, "is not an offset from UTC such as +08:00");
  parsed.utc_offset = *offset;
  return parsed;
}

}  // namespace hub::hr
