// Reading the rows of one text file as records, from the start or from a cursor, with the row format
// (CSV, JSON Lines, ...) supplied by the connector.
#ifndef HUB_FILES_ROW_FILE_READER_HPP_
#define HUB_FILES_ROW_FILE_READER_HPP_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/files/file_completeness.hpp"
#include "hub/files/file_cursor.hpp"
#include "hub/files/row_parser.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// Memory bounds of a read.
struct ReaderLimits {
  std::size_t buffer_bytes = std::size_t{64} << 10;      // the read buffer; tests make it tiny to split characters
  std::size_t max_record_bytes = std::size_t{16} << 20;  // the longest line or record held in memory
};

// How the rows of a file are read, whatever their format. A plain value.
struct RowFileOptions {
  std::string encoding = "auto";                   // "auto" (see ResolveEncoding) or an ICU converter name
  bool skip_empty_lines = true;                    // lines holding nothing between rows are passed over
  CompletenessRule completeness;                   // when a last line without its line end may be read
  std::string required_field;                      // a field every row must be able to have (the id field); empty: none
  std::string required_field_option = "id_field";  // what errors about it call it
  ReaderLimits limits;
};

// The row parser for one file, made fresh for every read of it. `file_name` is the name inside its folder
// (so a connector can choose the format by extension); DataError when the file cannot be read as any
// format the connector knows.
using ParserFactory = std::function<sdk::Result<std::unique_ptr<RowParser>>(std::string_view file_name)>;

// What a connector does to each record before it is returned: it may set the record's entity and source id,
// and answers a rejection reason (without position) or "" when the record is fine. Called on rejected
// records too (with no fields), whose answer is ignored. Called on one thread at a time per reader.
using RecordCheck = std::function<std::string(sdk::Record& record)>;

// What one read of a file gave.
struct FileRead {
  std::vector<sdk::Record> records;
  FileCursor end;          // after the last record and any empty lines after it
  bool at_end = false;     // nothing more in the file for now
  bool complete = false;   // the file is known to be written to its end (IsKnownComplete)
  bool restarted = false;  // a cursor was given, but the file no longer matches it: read from its start
};

// Reads a file's records: each with its fields (or a rejection "<file name>:<line>: <reason>" and a field
// `raw` holding the row's text), position ("<file name>:<line>"), source id (the position unless `check`
// set one) and the cursor (EncodeCursor) to continue after it. A file not known to be complete
// (IsKnownComplete, with `clock` for now) ends for now before its last line when that line has no line end
// yet, and before a record the parser leaves open at its end (a quoted CSV field): such a tail is neither
// read nor passed by the cursor. Stateless between calls (each call opens the file again), so reading from
// a given cursor always gives the same records while the file keeps its bytes. Thread-safe for concurrent
// calls when `clock`, `parsers` and `check` are.
class RowFileReader {
 public:
  RowFileReader(RowFileOptions options, ParserFactory parsers, RecordCheck check, Clock clock)
      : options_(std::move(options)),
        parsers_(std::move(parsers)),
        check_(std::move(check)),
        clock_(std::move(clock)) {}

  // Up to max_records records of `path`, after `cursor` when it belongs to this very file (same name, same
  // first bytes, same line before its offset), else from the start. `in_folder`: the file is one of a
  // watched folder's (moved in once written counts as complete). Errors, with the file's name in front:
  // NotFound when the file is gone; IoError when it cannot be read; DataError when it cannot be read as
  // text of its format at all (UTF-16 without a byte-order mark under encoding=auto, an unreadable
  // preamble, no parser for it, a required_field the parser says rows cannot have).
  sdk::Result<FileRead> Read(const std::filesystem::path& path, const FileCursor* cursor, std::size_t max_records,
                             bool in_folder) const;

 private:
  RowFileOptions options_;
  ParserFactory parsers_;
  RecordCheck check_;
  Clock clock_;
};

}  // namespace hub::files

#endif  // HUB_FILES_ROW_FILE_READER_HPP_
