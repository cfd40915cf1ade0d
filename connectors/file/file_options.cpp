#include "file/file_options.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "hub/files/encoding.hpp"
#include "hub/files/text_decoder.hpp"

#ifndef HUB_FILE_CONNECTOR_VERSION
#error "HUB_FILE_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::file {
namespace {

using sdk::OptionType;

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

sdk::Result<FileFormat> ParseFormat(std::string_view value) {
  const std::string lower = Lower(value);
  if (lower == "csv") return FileFormat::kCsv;
  if (lower == "tsv") return FileFormat::kTsv;
  if (lower == "jsonl") return FileFormat::kJsonl;
  return sdk::InvalidOptionValue("format", value, "is not csv, tsv or jsonl");
}

// One ASCII separator character; "tab" (or \t) for a tab since XML trims the value; "none" (or nothing)
// for no character at all where that is allowed.
sdk::Result<std::optional<char>> ParseCharacter(std::string_view option, std::string_view value, bool may_be_none) {
  const std::string lower = Lower(value);
  if (lower == "tab" || lower == "\\t" || lower == "\t") return std::optional<char>('\t');
  if (may_be_none && (lower.empty() || lower == "none")) return std::optional<char>();
  const bool ascii = value.size() == 1 && static_cast<unsigned char>(value[0]) < 0x80;
  if (!ascii || value[0] == '\n' || value[0] == '\r') {
    return sdk::InvalidOptionValue(
        option, value, may_be_none ? "is not one ASCII character, tab or none" : "is not one ASCII character or tab");
  }
  return std::optional<char>(value[0]);
}

sdk::Result<std::vector<std::string>> ParseColumns(std::string_view value) {
  std::vector<std::string> columns;
  if (value.find_first_not_of(" \t") == std::string_view::npos) return columns;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = value.find(',', start);
    std::string_view name = value.substr(start, comma == std::string_view::npos ? comma : comma - start);
    name.remove_prefix(std::min(name.size(), name.find_first_not_of(" \t")));
    name.remove_suffix(name.size() - std::min(name.size(), name.find_last_not_of(" \t") + 1));
    if (name.empty()) return sdk::InvalidOptionValue("columns", value, "has an empty column name");
    columns.emplace_back(name);
    if (comma == std::string_view::npos) return columns;
    start = comma + 1;
  }
}

sdk::Status CheckEncoding(std::string_view value) {
  if (value == files::kAutoEncoding) return sdk::Status::Ok();
  sdk::Result<std::string> canonical = files::CanonicalEncodingName(value);
  if (!canonical.ok()) return canonical.status().WithContext("option 'encoding'");
  // UTF-16 and UTF-32 without a byte order are resolved per file from the byte-order mark.
  if (*canonical == "UTF-16" || *canonical == "UTF-32") return sdk::Status::Ok();
  sdk::Result<std::unique_ptr<files::TextDecoder>> decoder = files::TextDecoder::Create(value);
  return decoder.ok() ? sdk::Status::Ok() : decoder.status().WithContext("option 'encoding'");
}

sdk::Status ParseSeparators(const sdk::Options& options, FileOptions* parsed) {
  if (options.Has("delimiter")) {
    auto delimiter = ParseCharacter("delimiter", options.GetString("delimiter"), false);
    if (!delimiter.ok()) return delimiter.status();
    parsed->delimiter = *delimiter;
  }
  auto quote = ParseCharacter("quote", options.GetString("quote", "\""), true);
  if (!quote.ok()) return quote.status();
  parsed->quote = *quote;
  if (parsed->quote && parsed->delimiter == parsed->quote) {
    return sdk::Status::InvalidArgument("options 'delimiter' and 'quote' must differ");
  }
  return sdk::Status::Ok();
}

sdk::Status ParseFlags(const sdk::Options& options, FileOptions* parsed) {
  sdk::Result<bool> header = options.GetBool("header", true);
  if (!header.ok()) return header.status();
  sdk::Result<bool> skip = options.GetBool("skip_empty_lines", true);
  if (!skip.ok()) return skip.status();
  sdk::Result<bool> declared_final = options.GetBool("final", false);
  if (!declared_final.ok()) return declared_final.status();
  sdk::Result<std::chrono::milliseconds> settle = options.GetDuration("settle_time", parsed->completeness.settle);
  if (!settle.ok()) return settle.status().WithContext("option 'settle_time'");
  parsed->header = *header;
  parsed->skip_empty_lines = *skip;
  parsed->completeness = files::CompletenessRule{*declared_final, *settle};
  return sdk::Status::Ok();
}

// The prefix starts every event file's name: it must not hide the file (a dot) or leave the folder.
sdk::Status CheckEventsPrefix(std::string_view prefix) {
  if (prefix.empty()) return sdk::Status::InvalidArgument("option 'events_prefix' must not be empty");
  if (prefix.front() == '.' || prefix.find('/') != std::string_view::npos) {
    return sdk::InvalidOptionValue("events_prefix", prefix, "must not start with a dot or hold a '/'");
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::PluginDescription DescribeFileConnector() {
  sdk::PluginDescription description;
  description.name = "file";
  description.version = HUB_FILE_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads CSV/TSV (RFC 4180 quoting, header or positional columns) and JSON Lines in any encoding "
      "(GBK/GB18030 and UTF-16 included) from a file or a watched folder with archive and error folders; "
      "delivers events as JSON Lines files dropped atomically into a folder.";
  description.options = {
      {"path", OptionType::kPath, std::nullopt, false,
       "The file to read, or a folder: then every file in it matching `pattern` is read, one after another in "
       "name order; files dropped there later are picked up by later reads. Unset: the connector only delivers "
       "events (give `path`, `events_dir` or both)."},
      {"pattern", OptionType::kString, "*.csv", false,
       "Folder mode: glob (`*`, `?`, `[...]`) for the names of the files to read. Names starting with a dot are "
       "ignored: write a file under such a name, then rename it."},
      {"format", OptionType::kString, std::nullopt, false,
       "`csv`, `tsv` or `jsonl`. Unset: from each file's extension (`.csv`; `.tsv`, `.tab`; `.jsonl`, "
       "`.ndjson`)."},
      {"delimiter", OptionType::kString, std::nullopt, false,
       "CSV/TSV field separator: one ASCII character, or `tab`. Unset: `,` for csv, a tab for tsv."},
      {"quote", OptionType::kString, "\"", false,
       "CSV/TSV quote character (RFC 4180: a quote inside a quoted field is written twice); `none` turns "
       "quoting off."},
      {"encoding", OptionType::kString, "auto", false,
       "`auto`, `utf-8`, `gbk`, `gb18030`, `big5`, `shift_jis`, `utf-16le`, `utf-16be`, `latin1`, ... any ICU "
       "converter name. `auto`: a byte-order mark decides; without one, UTF-8 when the text is valid UTF-8, "
       "else GB18030."},
      {"header", OptionType::kBoolean, "true", false, "CSV/TSV: the first record names the columns."},
      {"columns", OptionType::kString, std::nullopt, false,
       "CSV/TSV, comma-separated: the column names when `header` is false; with a header, new names for its "
       "columns (as many, in order)."},
      {"entity", OptionType::kString, "party", false, "The entity type of the records."},
      {"id_field", OptionType::kString, std::nullopt, false,
       "The column (or JSON key) holding each record's source id; a record where it is empty is rejected. "
       "Unset: the source id is `<file name>:<line>`."},
      {"archive_dir", OptionType::kPath, std::nullopt, false,
       "Folder mode: where a file moves once the hub has stored all of its records. Unset: files stay, and "
       "only names sorting after the last file read are picked up."},
      {"error_dir", OptionType::kPath, std::nullopt, false,
       "Folder mode: where a file that cannot be read at all (unopenable, binary, bad header) moves, with "
       "`<name>.error.txt` beside it giving the reason and where reading stood. Unset: such a file fails the "
       "read until it is fixed or removed."},
      {"skip_empty_lines", OptionType::kBoolean, "true", false,
       "Ignore empty lines between records (with `false`, an empty line is a record, usually rejected)."},
      {"settle_time", OptionType::kDuration, "1m", false,
       "A last line without its line end is not read (nor passed by the cursor) while the file may still be "
       "written: only once its line end arrives, or once the file has not changed for this long (`0s`: at "
       "once). A file moved into a watched folder after it was written, or declared `final`, need not "
       "settle."},
      {"final", OptionType::kBoolean, "false", false,
       "Every file is written whole before the hub reads it (an export that replaces the file in one move, "
       "a file copied in before the job runs): its last line is read at once, with or without its line end."},
      {"events_dir", OptionType::kPath, std::nullopt, false,
       "The drop folder for events delivered to this connector: each batch becomes one JSON Lines file, "
       "written under a temporary dot name and renamed when whole (see Delivering events). Unset: the "
       "connector takes no events."},
      {"events_prefix", OptionType::kString, "events", false,
       "How the names of the event files start: `<events_prefix>-<first event id>-<count>.jsonl`."},
  };
  description.record_id_option = "id_field";
  description.capabilities.reads = true;
  description.capabilities.writes_events = true;
  return description;
}

sdk::Result<FileOptions> ParseFileOptions(const sdk::Options& options) {
  FileOptions parsed;
  parsed.path = options.GetString("path");
  parsed.events_dir = options.GetString("events_dir");
  if (parsed.path.empty() && parsed.events_dir.empty()) {
    return sdk::Status::InvalidArgument("give path (to read) or events_dir (to deliver events), or both");
  }
  parsed.events_prefix = options.GetString("events_prefix", parsed.events_prefix);
  HUB_RETURN_IF_ERROR(CheckEventsPrefix(parsed.events_prefix));
  parsed.pattern = options.GetString("pattern", parsed.pattern);
  if (options.Has("format")) {
    sdk::Result<FileFormat> format = ParseFormat(options.GetString("format"));
    if (!format.ok()) return format.status();
    parsed.format = *format;
  }
  HUB_RETURN_IF_ERROR(ParseSeparators(options, &parsed));
  parsed.encoding = Lower(options.GetString("encoding", parsed.encoding));
  HUB_RETURN_IF_ERROR(CheckEncoding(parsed.encoding));
  HUB_RETURN_IF_ERROR(ParseFlags(options, &parsed));
  sdk::Result<std::vector<std::string>> columns = ParseColumns(options.GetString("columns"));
  if (!columns.ok()) return columns.status();
  parsed.columns = std::move(columns).value();
  parsed.entity = options.GetString("entity", parsed.entity);
  if (parsed.entity.empty()) return sdk::Status::InvalidArgument("option 'entity' must not be empty");
  parsed.id_field = options.GetString("id_field");
  parsed.archive_dir = options.GetString("archive_dir");
  parsed.error_dir = options.GetString("error_dir");
  return parsed;
}

sdk::Result<FileFormat> FormatOf(std::string_view file_name, std::optional<FileFormat> configured) {
  if (configured) return *configured;
  const std::string extension = Lower(std::filesystem::path(file_name).extension().string());
  if (extension == ".csv") return FileFormat::kCsv;
  if (extension == ".tsv" || extension == ".tab") return FileFormat::kTsv;
  if (extension == ".jsonl" || extension == ".ndjson") return FileFormat::kJsonl;
  return sdk::Status::DataError("cannot tell the format of " + std::string(file_name) +
                                " from its extension; set the format option (csv, tsv or jsonl)");
}

}  // namespace hub::file
