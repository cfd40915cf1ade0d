// One row of an Asterisk CDR file (one leg of a call), whichever layout wrote it: the layouts of the cdr_csv
// backend (with or without loguniqueid, loguserfield, newcdrcolumns) and cdr_custom's default, told apart
// by the row's field count and where its start timestamp sits.
#ifndef HUB_CONNECTORS_CALL_CENTER_CDR_LEG_HPP_
#define HUB_CONNECTORS_CALL_CENTER_CDR_LEG_HPP_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::call_center {

// A CDR row's fields by name, times as ms since the epoch (UTC). linkedid and uniqueid are empty when the
// layout has none; answer_ms is nullopt for a leg never answered. A plain value.
struct CdrLeg {
  std::string layout;  // "cdr_csv", "cdr_csv+uniqueid", ..., "cdr_custom"
  std::string accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata;
  std::int64_t start_ms = 0;
  std::optional<std::int64_t> answer_ms;
  std::int64_t end_ms = 0;
  std::string disposition;  // ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION
  std::string uniqueid, userfield, peeraccount, linkedid;
};

// The key the rows of one call share: linkedid; without it uniqueid; without either "<channel>@<start>",
// which makes each row a call of its own.
std::string CallKey(const CdrLeg& leg);

// Reads a headerless CSV row (fields column_1, column_2, ... as files::CsvRowParser names them) whose times
// are local times `utc_offset` from UTC, as Asterisk writes them. InvalidArgument, its message the reason,
// for a row of no known layout (a field count none has; no start "YYYY-MM-DD HH:MM:SS" or no disposition
// Asterisk writes where the layout has them) or an answer or end that is no time. Pure; thread-safe.
sdk::Result<CdrLeg> ReadLeg(const sdk::Record& row, std::chrono::minutes utc_offset);

}  // namespace hub::call_center

#endif  // HUB_CONNECTORS_CALL_CENTER_CDR_LEG_HPP_
