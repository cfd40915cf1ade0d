// A file, or a watched folder of files, read as batches of row records: the whole read side of a file
// connector, given its row format.
#ifndef HUB_FILES_ROW_SOURCE_HPP_
#define HUB_FILES_ROW_SOURCE_HPP_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <filesystem>

#include "hub/files/file_cursor.hpp"
#include "hub/files/row_file_reader.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// Which files a RowSource reads and where they go once read. A plain value.
struct SourceFiles {
  std::filesystem::path path;         // a file, or a folder of files
  std::string pattern = "*";          // folder mode: which files (ListFiles)
  std::filesystem::path archive_dir;  // empty: consumed files stay where they are
  std::filesystem::path error_dir;    // empty: an unreadable file fails the read
};

// Where a RowSource reports what it did to files (archived, set aside, read again). May be empty.
using LogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;

// Reads files.path as batches of records, with the semantics of Connector::ReadBatch:
//  - a file: its records after the cursor; end_of_data once the end of the file is reached (a file that
//    grows later gives more on a later read; one replaced by other content is read again from its start).
//    A last line still being written (no line end yet, the file not known complete: see RowFileReader) is
//    not read and the cursor stays before it, until its line end arrives or the file is complete.
//  - a folder: the files matching the pattern, one at a time in name order; a batch never spans two files.
//    A file is archived (moved to archive_dir) only when a read starts from a cursor at its end, i.e. once
//    the hub has stored its last records; without archive_dir it stays and only later names are read next.
//    A file that cannot be read at all is moved to error_dir with a sidecar note (MoveToErrorFolder: the
//    reason, and where reading stood in it: its first line with no records read before, or the cursor's
//    line), or fails the read when error_dir is unset. A file not known to be complete (still being written in place:
//    see RowFileReader) is neither archived nor left for the next once its records are read: the read ends there for
//    now (end_of_data). end_of_data when no file has anything left; files dropped later are read by later calls.
// Idempotent for a given cursor as long as the files are not changed in between. Not thread-safe: one call
// at a time, as the hub does with a connector.
class RowSource {
 public:
  // `clock` tells the time for options.completeness.settle; empty: the system clock. `parsers` and `check`
  // as for RowFileReader.
  RowSource(SourceFiles files, RowFileOptions options, ParserFactory parsers, RecordCheck check = {}, LogSink log = {},
            Clock clock = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor this
  // connector did not make; NotFound, IoError or DataError (naming the file) when the file cannot be read.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // OK when the path exists and can be read (a file opened, a folder listed); Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  sdk::Result<sdk::Batch> ReadSingleFile(std::string_view cursor_text, const FileCursor* cursor,
                                         std::size_t max_records);
  sdk::Result<sdk::Batch> ReadFolder(std::string_view cursor_text, const FileCursor* cursor, std::size_t max_records);
  sdk::Result<std::optional<std::string>> NextFile(const std::optional<std::string>& after) const;
  sdk::Status Archive(const std::string& name);
  sdk::Status SetAside(const std::string& name, const FileCursor* cursor, const sdk::Status& why);
  void NoteRestart(const FileRead& read) const;
  void Log(sdk::LogLevel level, const std::string& message) const;

  SourceFiles files_;
  RowFileReader reader_;
  LogSink log_;
};

}  // namespace hub::files

#endif  // HUB_FILES_ROW_SOURCE_HPP_
