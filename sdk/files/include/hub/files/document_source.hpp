// A watched folder of documents (IDoc-XML, EDIFACT, UBL, ...) read as batches of records: the whole read side
// of a connector that takes files dropped into a folder, given a DocumentReader for its formats.
#ifndef HUB_FILES_DOCUMENT_SOURCE_HPP_
#define HUB_FILES_DOCUMENT_SOURCE_HPP_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "hub/files/document_cursor.hpp"
#include "hub/files/document_reader.hpp"
#include "hub/files/file_completeness.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// The folder and what happens to its files. A plain value.
struct DocumentFolderOptions {
  std::filesystem::path folder;
  std::string pattern = "*";
  std::filesystem::path archive_dir;  // empty: read files stay, and the cursor moves past their names
  std::filesystem::path error_dir;    // empty: a bad file fails the read
  CompletenessRule completeness;
  std::uint64_t max_file_bytes = std::uint64_t{64} << 20;  // for readers of whole files
};

// Where a DocumentSource reports what it did to files (archived, set aside, read again). May be empty.
using DocumentLogSink = std::function<void(sdk::LogLevel level, std::string_view message)>;

// Where a DocumentSource counts what it did, for the hub's /metrics (Context::Count): "files_archived",
// "files_failed", `documents_counter` (the documents read, from the cursors' document_index) and "bytes_read"
// (how far the cursor's offset moved). May be empty.
using DocumentCountSink = std::function<void(std::string_view counter, std::int64_t delta)>;

// Reads the folder with the semantics of Connector::ReadBatch. Files are read in name order, one at a time,
// with `reader`; a batch never spans two files. A file not known complete (files::IsKnownComplete: settle
// time, moved in, `final`) is not read, and the read ends there for now (end_of_data), so a file still being
// copied is never parsed. A file is archived only when a read starts from a cursor at its end, i.e. once the
// hub has stored its last records. A file whose read fails with DataError goes to error_dir with the reader's
// sidecar note (after the records before the fault were returned), or fails the read when error_dir is unset.
// A file replaced under the cursor (its first bytes differ) is read again from its start. Cursors are
// EncodeDocumentCursor's with `tag`. Idempotent for a cursor while the files do not change. Not thread-safe:
// one call at a time, as the hub does with a connector.
class DocumentSource {
 public:
  // `clock` tells the time for the settle time; empty: the system clock.
  DocumentSource(DocumentFolderOptions options, std::unique_ptr<DocumentReader> reader, std::string tag,
                 std::string documents_counter, Clock clock = {}, DocumentLogSink log = {},
                 DocumentCountSink count = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor of
  // another tag; IoError when the folder or a file cannot be read or moved; DataError (naming the file) for
  // a bad file when error_dir is unset.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // OK when the folder can be listed; Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  sdk::Result<bool> Recognised(const DocumentCursor& cursor) const;
  sdk::Status SetAside(const InputFile& file, const DocumentCursor& at, const sdk::Status& fault) const;
  void Log(sdk::LogLevel level, const std::string& message) const;
  void Count(std::string_view counter, std::int64_t delta) const;

  DocumentFolderOptions options_;
  std::unique_ptr<DocumentReader> reader_;
  std::string tag_;
  std::string documents_counter_;
  Clock clock_;
  DocumentLogSink log_;
  DocumentCountSink count_;
};

}  // namespace hub::files

#endif  // HUB_FILES_DOCUMENT_SOURCE_HPP_
