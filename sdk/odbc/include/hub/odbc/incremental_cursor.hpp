// An incremental query's cursor (see incremental_query.hpp): where a run stands, and whether the next read
// starts a run.
#ifndef HUB_ODBC_INCREMENTAL_CURSOR_HPP_
#define HUB_ODBC_INCREMENTAL_CURSOR_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// The keyset values of one row: its timestamp exactly as the source wrote it (empty without
// timestamp_column) and its id (Int64, String or Decimal). A plain value.
struct KeyPosition {
  std::string timestamp;
  sdk::Value id;
  bool operator==(const KeyPosition& other) const = default;
};

// Where the next read starts. The hub calls ReadBatch with the cursor of the batch before until a batch
// says end_of_data, and begins its next run with the last cursor it committed; the cursor itself says
// which of the two a read is:
//   kStart: the next read begins a run. With a position (the last row of the previous run: the
//           watermark) the (timestamp, id) mode reads from watermark timestamp - overlap; the id mode reads
//           after the id. Without one (the empty cursor) it reads everything.
//   kPage:  the next read continues a run strictly after `position` in (timestamp, id) order.
// The full mode (no cursor column) counts the rows delivered so far in the run instead. A plain value.
struct IncrementalCursor {
  enum class Phase { kStart, kPage };
  Phase phase = Phase::kStart;
  std::optional<KeyPosition> position;
  std::uint64_t rows = 0;  // full mode: rows of the run already delivered
  bool operator==(const IncrementalCursor& other) const = default;
};

// The opaque text handed to the hub, a JSON object: {"v":1,"phase":"start"|"page","ts":"...","id":42}
// (id a number, a string, or {"decimal":"..."}), or {"v":1,"rows":N}. The empty cursor is "".
std::string EncodeCursor(const IncrementalCursor& cursor);

// The cursor EncodeCursor made ("" is the start of everything), or InvalidArgument when the text is not one.
sdk::Result<IncrementalCursor> DecodeCursor(std::string_view text);

}  // namespace hub::odbc

#endif  // HUB_ODBC_INCREMENTAL_CURSOR_HPP_
