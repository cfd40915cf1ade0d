// Reading records from one file, from the start or from a cursor.
#ifndef HUB_CONNECTORS_FILE_FILE_READER_HPP_
#define HUB_CONNECTORS_FILE_FILE_READER_HPP_

#include <cstddef>
#include <filesystem>
#include <utility>
#include <vector>

#include "file/file_completeness.hpp"
#include "file/file_cursor.hpp"
#include "file/file_options.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::file {

// Memory bounds of a read.
struct ReaderLimits {
  std::size_t buffer_bytes = std::size_t{64} << 10;      // the read buffer; tests make it tiny to split characters
  std::size_t max_record_bytes = std::size_t{16} << 20;  // the longest line or record held in memory
};

// What one read of a file gave.
struct FileRead {
  std::vector<sdk::Record> records;
  FileCursor end;          // after the last record and any empty lines after it
  bool at_end = false;     // nothing more in the file for now
  bool complete = false;   // the file is known to be written to its end (IsKnownComplete)
  bool restarted = false;  // a cursor was given, but the file no longer matches it: read from its start
};

// Reads a file's records: each with its fields (or a rejection and its raw text), entity, source id,
// position ("<file name>:<line>") and the cursor to continue after it. A file not known to be complete
// (IsKnownComplete, with `clock` for now) ends for now before its last line when that line has no line end
// yet, and before a CSV record whose quoted field is still open at its end: such a tail is neither read nor
// passed by the cursor. Stateless between calls (each call opens the file again), so reading from a given
// cursor always gives the same records while the file keeps its bytes. Thread-safe for concurrent calls
// when `clock` is.
class FileReader {
 public:
  FileReader(FileOptions options, ReaderLimits limits, Clock clock)
      : options_(std::move(options)), limits_(limits), clock_(std::move(clock)) {}

  // Up to max_records records of `path`, after `cursor` when it belongs to this very file (same name, same
  // first bytes, same line before its offset), else from the start. `in_folder`: the file is one of a
  // watched folder's (moved in once written counts as complete). Errors, with the file's name in front:
  // NotFound when the file is gone; IoError when it cannot be read; DataError when it cannot be read as
  // text of its format at all (UTF-16 without a byte-order mark under encoding=auto, an unreadable header,
  // an unknown extension, id_field not a column).
  sdk::Result<FileRead> Read(const std::filesystem::path& path, const FileCursor* cursor, std::size_t max_records,
                             bool in_folder) const;

 private:
  FileOptions options_;
  ReaderLimits limits_;
  Clock clock_;
};

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_FILE_READER_HPP_
