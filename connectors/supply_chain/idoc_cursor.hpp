// The supply_chain connector's cursor: the watched folder's DocumentCursor (which file, where in it, and how
// to recognise the file again), tagged "idoc1"; for IDoc-XML its offset is the end of the last IDOC read whole.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/files/document_cursor.hpp"
#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// A position between two records of one file (files::DocumentCursor): for IDoc-XML, `document_index` counts
// the IDOCs before `offset` and `skip` the records of the IDOC at `offset` already read.
using IdocCursor = files::DocumentCursor;

// The tag of the connector's cursors: "idoc1|offset|line|IDOC index|skip|done|fingerprint hex|file name".
inline constexpr std::string_view kCursorTag = "idoc1";
inline constexpr std::uint64_t kFingerprintBytes = files::kDocumentFingerprintBytes;

inline std::string EncodeCursor(const IdocCursor& cursor) { return files::EncodeDocumentCursor(cursor, kCursorTag); }
// The cursor EncodeCursor made, or InvalidArgument when the text is not one.
inline sdk::Result<IdocCursor> DecodeCursor(std::string_view text) {
  return files::DecodeDocumentCursor(text, kCursorTag);
}
// files::DocumentFingerprint.
inline std::uint64_t Fingerprint(std::string_view head, std::uint64_t offset) {
  return files::DocumentFingerprint(head, offset);
}

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_
