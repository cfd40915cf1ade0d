// The cursor of a watched folder of documents (DocumentSource): which file, where in it, and how to recognise
// the file again.
#ifndef HUB_FILES_DOCUMENT_CURSOR_HPP_
#define HUB_FILES_DOCUMENT_CURSOR_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::files {

// A position between two records of one file. `offset`/`line` are where the file's reader looks for its next
// document: the end of the last document read whole (a reader of whole files puts the file's size there).
// `document_index` counts the documents before `offset`, `skip` the records after `offset` already read (a
// batch may end inside a document's records, or inside a whole file's). `fingerprint` hashes the file's first
// bytes up to `offset` (at most kDocumentFingerprintBytes), so a file replaced by other content is read again
// from its start. A plain value.
struct DocumentCursor {
  std::string file_name;  // the name inside the folder
  std::uint64_t fingerprint = 0;
  std::uint64_t offset = 0;
  std::uint64_t line = 1;
  std::uint64_t document_index = 0;
  std::uint64_t skip = 0;
  bool done = false;  // nothing more to read in the file: it is archived once a read starts here
  bool operator==(const DocumentCursor& other) const = default;
};

inline constexpr std::uint64_t kDocumentFingerprintBytes = 4096;

// "<tag>|offset|line|document index|skip|done|fingerprint hex|file name" (the name last, so it may hold any
// character). `tag` names the connector's cursor kind ("idoc1"), so a cursor of another kind is refused.
std::string EncodeDocumentCursor(const DocumentCursor& cursor, std::string_view tag);
// The cursor EncodeDocumentCursor made with `tag`, or InvalidArgument when the text is not one.
sdk::Result<DocumentCursor> DecodeDocumentCursor(std::string_view text, std::string_view tag);

// The fingerprint of a cursor at `offset` in a file whose first bytes are `head` (at least
// min(offset, kDocumentFingerprintBytes) of them): FNV-1a over the first min(offset, kDocumentFingerprintBytes).
std::uint64_t DocumentFingerprint(std::string_view head, std::uint64_t offset);

}  // namespace hub::files

#endif  // HUB_FILES_DOCUMENT_CURSOR_HPP_
