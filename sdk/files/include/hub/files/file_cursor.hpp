// The file connector's cursor: which file, where in it, and how to recognise it again.
#ifndef HUB_FILES_FILE_CURSOR_HPP_
#define HUB_FILES_FILE_CURSOR_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/files/line_reader.hpp"
#include "hub/sdk/status.hpp"

namespace hub::files {

// A position after a record. Resuming there is only right if the bytes before it are still those that
// were read, so the cursor carries fingerprints of the file's first bytes and of the line ending at the
// position: a file replaced (not only appended to) no longer matches and is read again from its start.
// A plain value.
struct FileCursor {
  std::string file_name;         // the name inside its folder, not the whole path
  std::string encoding;          // ResolvedEncoding::resume_as: how to decode the rest (detection is not repeated)
  std::uint64_t head_bytes = 0;  // how many leading bytes head_hash covers: min(offset, kFingerprintBytes)
  std::uint64_t head_hash = 0;
  LineEnd end;  // the offset and line number to continue at, and the line before it
  bool operator==(const FileCursor& other) const = default;
};

// The opaque text handed to the hub: "file1|offset|next line|line bytes|line hash|head bytes|head hash|
// encoding|file name" (hashes in hex; the name last, so it may hold any character).
std::string EncodeCursor(const FileCursor& cursor);
// The cursor EncodeCursor made, or InvalidArgument when the text is not one.
sdk::Result<FileCursor> DecodeCursor(std::string_view text);

}  // namespace hub::files

#endif  // HUB_FILES_FILE_CURSOR_HPP_
