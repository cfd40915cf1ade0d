// The finance connector's cursor: one incremental-query cursor per stream, and which stream a run is in.
#ifndef HUB_CONNECTORS_FINANCE_FINANCE_CURSOR_HPP_
#define HUB_CONNECTORS_FINANCE_FINANCE_CURSOR_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "hub/odbc/incremental_cursor.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// Where a key-set sweep stands: its id (on every PRESENT and SWEEP_END record it emits), the stream it is
// listing and the last id it listed there (an id-mode incremental cursor; empty: none yet). A plain value.
struct SweepPosition {
  std::string id;
  std::string stream;
  odbc::IncrementalCursor after;
  bool operator==(const SweepPosition& other) const = default;
};

// Where the next read starts. A run reads the streams in the profile's order: `stream` is the one being
// read (empty: the run starts at the first). Each stream's cursor is an incremental query's (see
// hub/odbc/incremental_cursor.hpp): kStart at its watermark between runs, kPage within a run. A stream
// with no entry has read nothing yet. `sweep` is set while a key-set sweep runs (after the streams);
// `last_sweep_at` is when the last one ended (ms since the epoch; at the end of the first run the clock
// starts there, 0 before). `folder` is the UBL folder's own cursor (files::DocumentSource; empty: nothing
// read there yet); `in_folder` is set while a run reads the folder, after the streams. A plain value.
struct FinanceCursor {
  std::string stream;
  std::string folder;
  bool in_folder = false;
  std::map<std::string, odbc::IncrementalCursor, std::less<>> streams;
  std::optional<SweepPosition> sweep;
  std::int64_t last_sweep_at = 0;
  bool operator==(const FinanceCursor& other) const = default;
};

// The opaque text handed to the hub, a JSON object {"v":1,"stream":"invoices","streams":{"partners":
// {"v":1,"phase":"start","ts":"...","id":8},...}}, with "last_sweep_at":MS once set, "sweep":{"id":"...",
// "stream":"...","after":{...}} during a sweep, "folder":"..." once the folder was read and "in_folder":true
// while it is; the empty cursor is "".
std::string EncodeFinanceCursor(const FinanceCursor& cursor);

// The cursor EncodeFinanceCursor made ("" is the start of everything), or InvalidArgument when the text is
// not one.
sdk::Result<FinanceCursor> DecodeFinanceCursor(std::string_view text);

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_FINANCE_CURSOR_HPP_
