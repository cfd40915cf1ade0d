// Date/time values as the source writes them ("2024-05-01 08:30:00.123456+08"), read and shifted without
// losing their precision or their form.
#ifndef HUB_ODBC_TIMESTAMP_TEXT_HPP_
#define HUB_ODBC_TIMESTAMP_TEXT_HPP_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hub::odbc {

using Microseconds = std::chrono::sys_time<std::chrono::microseconds>;

// A date or date-time read from text, with the shape it was written in so that a shifted value can be
// written the same way (a source that keeps timestamps as text compares them as text). A plain value.
//
// Accepted: YYYY-MM-DD, optionally followed by ' ' or 'T' and HH:MM, :SS, a fraction of 1 to 9 digits,
// and a zone suffix Z, +HH, +HHMM or +HH:MM (or '-'). Digits past the microsecond are dropped when
// reading and written back as zeros.
struct TimestampText {
  Microseconds wall_clock;            // the written date and time, taken as if it were UTC
  std::optional<int> offset_minutes;  // the zone suffix's offset east of UTC; nullopt: no suffix (UTC)
  bool has_time = false;              // false: a bare date
  char separator = ' ';               // between date and time
  bool has_seconds = false;           // false: HH:MM
  int fraction_digits = 0;            // 0: no fraction
  std::string suffix;                 // the zone suffix exactly as written, or empty

  // The instant it names, in UTC.
  Microseconds Instant() const;
};

// Parses `text` (surrounding spaces allowed); nullopt when it is not in an accepted form or names an
// impossible date or time.
std::optional<TimestampText> ParseTimestampText(std::string_view text);

// Writes `value` in its own shape, rounded down to what the shape can hold (a bare date drops the time, a
// value without seconds drops them, a fraction keeps its digits): never later than the value.
std::string FormatTimestampText(const TimestampText& value);

// The same shape, `amount` earlier (rounded down as FormatTimestampText does); nullopt when `text` does
// not parse or the result leaves the years 0000-9999.
std::optional<std::string> ShiftTimestampText(std::string_view text, std::chrono::milliseconds amount);

// Milliseconds since the Unix epoch of the instant, rounded down.
std::int64_t UnixMs(const TimestampText& value);

}  // namespace hub::odbc

#endif  // HUB_ODBC_TIMESTAMP_TEXT_HPP_
