// How a DocumentSource reads one file of its folder: the interface a connector implements for its formats,
// and the reading of files parsed whole (a UBL document, an EDIFACT interchange) that most of them share.
#ifndef HUB_FILES_DOCUMENT_READER_HPP_
#define HUB_FILES_DOCUMENT_READER_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/files/document_cursor.hpp"
#include "hub/files/input_file.hpp"
#include "hub/files/watched_folder.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// What one read of a file gave. A plain value.
struct DocumentRead {
  std::vector<sdk::Record> records;  // each with its cursor (EncodeDocumentCursor) and position
  DocumentCursor next;               // where the next read of this file starts
  bool at_end = false;               // the file has nothing after `next` (next.done)
};

// Reads the files of one connector's folder. Implementations are stateless between calls, or guard their
// state: a DocumentSource calls them one at a time.
class DocumentReader {
 public:
  virtual ~DocumentReader() = default;

  // At most max_records records of `file` (complete, opened; its name is at.file_name) from `at` (a fresh
  // DocumentCursor{name} is its start), each with its cursor encoded with `tag`. A fault of the file as a
  // whole (it does not parse, is of a type this connector does not read, lacks what every document needs)
  // is DataError — after the records before it were returned by this or an earlier call, so that it comes
  // from a read starting at the fault. IoError when the file cannot be read.
  virtual sdk::Result<DocumentRead> Read(const InputFile& file, const DocumentCursor& at, std::size_t max_records,
                                         std::string_view tag) const = 0;

  // The note for `file`, set aside because a read from `at` failed with `fault` (ErrorNote: the reason, where
  // reading stood, the records read before).
  virtual ErrorNote NoteOf(const InputFile& file, const DocumentCursor& at, const sdk::Status& fault) const = 0;
};

// What parsing a file whole gave: its records in order (one a reader refuses carries `rejection`), and
// `fault`, non-OK when the file as a whole is bad; the records before the fault stay valid. A plain value.
struct WholeFileParse {
  std::vector<sdk::Record> records;
  sdk::Status fault;
};

// Parses the bytes of a whole file named `file_name`. Pure.
using WholeFileParser = std::function<WholeFileParse(std::string_view bytes, const std::string& file_name)>;

// Reads `file` whole (DataError naming `format` when it has more than max_file_bytes) with `parse`, and hands
// out its records after at.skip: a cursor at a whole file counts the records read, its offset is the file's
// size (so the fingerprint covers its first bytes and a replaced file is read again), its document_index 0.
// The parse's fault comes once the records before it are read. For DocumentReader::Read implementations.
sdk::Result<DocumentRead> ReadWholeFile(const InputFile& file, const DocumentCursor& at, std::size_t max_records,
                                        std::string_view tag, std::string_view format, std::uint64_t max_file_bytes,
                                        const WholeFileParser& parse);

// The note of a whole file set aside: "<format>: <fault>", at "<file> after record N (the records before it
// were stored)", N records before.
ErrorNote WholeFileNote(const DocumentCursor& at, const sdk::Status& fault, std::string_view format);

// A DocumentReader of files of one format read whole with `parse` (a UBL folder, an EDIFACT folder).
class WholeFileReader final : public DocumentReader {
 public:
  WholeFileReader(std::string format, std::uint64_t max_file_bytes, WholeFileParser parse)
      : format_(std::move(format)), max_file_bytes_(max_file_bytes), parse_(std::move(parse)) {}

  sdk::Result<DocumentRead> Read(const InputFile& file, const DocumentCursor& at, std::size_t max_records,
                                 std::string_view tag) const override {
    return ReadWholeFile(file, at, max_records, tag, format_, max_file_bytes_, parse_);
  }
  ErrorNote NoteOf(const InputFile&, const DocumentCursor& at, const sdk::Status& fault) const override {
    return WholeFileNote(at, fault, format_);
  }

 private:
  std::string format_;
  std::uint64_t max_file_bytes_;
  WholeFileParser parse_;
};

}  // namespace hub::files

#endif  // HUB_FILES_DOCUMENT_READER_HPP_
