// The supply_chain connector's cursor: which file, where in it, and how to recognise the file again.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// A position between two records of one file. `offset`/`line` are where the next IDOC is looked for: the
// end of the last IDOC read whole. `skip` counts the records of the IDOC at `offset` already read (a batch
// may end inside an IDOC's records), `idoc_index` how many IDOCs lie before `offset`. `fingerprint` hashes
// the file's first bytes up to the offset (at most kFingerprintBytes), so a file replaced by other content
// is read again from its start. A plain value.
struct IdocCursor {
  std::string file_name;  // the name inside the folder
  std::uint64_t fingerprint = 0;
  std::uint64_t offset = 0;
  std::uint64_t line = 1;
  std::uint64_t idoc_index = 0;
  std::uint64_t skip = 0;
  bool done = false;  // the file's root is closed at `offset`: nothing more to read in it
  bool operator==(const IdocCursor& other) const = default;
};

inline constexpr std::uint64_t kFingerprintBytes = 4096;

// "idoc1|offset|line|idoc index|skip|done|fingerprint hex|file name" (the name last, so it may hold any character).
std::string EncodeCursor(const IdocCursor& cursor);
// The cursor EncodeCursor made, or InvalidArgument when the text is not one.
sdk::Result<IdocCursor> DecodeCursor(std::string_view text);

// The fingerprint of a cursor at `offset` in a file whose first bytes are `head` (at least
// min(offset, kFingerprintBytes) of them): FNV-1a over the first min(offset, kFingerprintBytes).
std::uint64_t Fingerprint(std::string_view head, std::uint64_t offset);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_CURSOR_HPP_
