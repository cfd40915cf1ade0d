// The file connector's read side: its options made into a row source of CSV/TSV or JSON Lines rows.
#ifndef HUB_CONNECTORS_FILE_FILE_SOURCE_HPP_
#define HUB_CONNECTORS_FILE_FILE_SOURCE_HPP_

#include <cstddef>
#include <string_view>

#include "file/file_options.hpp"
#include "hub/files/row_source.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::file {

using files::ReaderLimits;

// options.path read as batches, with the semantics of files::RowSource (a file, or a watched folder with
// archive_dir and error_dir): each file's format from options.format or its extension, CSV/TSV with the
// configured dialect and columns, JSON Lines; every record of entity options.entity, its source id the
// id_field's value (a record whose id_field is empty or not text/integer is rejected) or "<file>:<line>".
// Not thread-safe: one call at a time, as the hub does with a connector.
class FileSource {
 public:
  // `clock` tells the time for options.completeness.settle; empty: the system clock.
  explicit FileSource(const FileOptions& options, ReaderLimits limits = {}, files::LogSink log = {},
                      files::Clock clock = {});

  // As files::RowSource::ReadBatch.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) {
    return source_.ReadBatch(cursor, max_records);
  }
  // OK when the path exists and can be read (a file opened, a folder listed); Unavailable otherwise.
  sdk::Status CheckHealth() const { return source_.CheckHealth(); }

 private:
  files::RowSource source_;
};

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_FILE_SOURCE_HPP_
