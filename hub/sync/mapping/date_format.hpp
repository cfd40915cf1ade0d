// Private to hub_mapping: reading dates and times with strptime-like patterns ("%Y年%m月%d日").
#ifndef HUB_SYNC_MAPPING_DATE_FORMAT_HPP_
#define HUB_SYNC_MAPPING_DATE_FORMAT_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::sync::mapping {

// A calendar date and time of day as read, valid (month 1-12, a day the month has, hour 0-23, ...).
struct CivilTime {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millisecond = 0;
  std::optional<int> utc_offset_minutes;  // set when the text said (%z)
};

// "2023-01-05".
std::string FormatIsoDate(const CivilTime& time);

// Milliseconds since 1970-01-01T00:00:00Z; the time is taken as UTC unless it carries an offset.
std::int64_t ToUnixMillis(const CivilTime& time);

// The UTC date and time of `unix_ms` milliseconds since the epoch.
CivilTime FromUnixMillis(std::int64_t unix_ms);

// One compiled pattern. Directives: %Y (4 digits), %m and %d (1 or 2 digits; exactly 2 when directly
// next to another number, as in %Y%m%d), %b (an English month name or its 3-letter abbreviation, any
// case), %H %M %S (like %m; %S may be followed by a fraction, ".123"), %z (Z, +08:00, +0800 or +08), %%
// (a percent sign). A space matches one or more white-space characters; anything else matches itself.
// Immutable after Parse: Match is thread-safe.
class DateFormat {
 public:
  // Errors (InvalidArgument, naming the pattern and the problem): an unknown directive, a directive given
  // twice, a pattern missing the year, the month or the day.
  static sdk::Result<DateFormat> Parse(std::string_view pattern);

  // The time `text` spells when it matches the whole pattern and is a valid date and time; else nullopt.
  std::optional<CivilTime> Match(std::string_view text) const;

  const std::string& pattern() const { return pattern_; }

 private:
  enum class Kind { kLiteral, kSpace, kYear, kMonth, kMonthName, kDay, kHour, kMinute, kSecond, kOffset };
  struct Piece {
    Kind kind;
    std::string literal = {};  // kLiteral only
    bool exact_width = false;  // a number directly next to another number takes exactly two digits
    bool fraction = true;      // %S may be followed by ".123" (unless the pattern itself has a '.' there)
  };

  static int* NumericField(Kind kind, CivilTime* time);
  sdk::Status Problem(const std::string& problem) const;
  sdk::Status AddDirective(std::string_view directive, std::vector<std::string_view>* fields);
  void MarkExactWidths();
  bool MatchPiece(const Piece& piece, std::string_view* text, CivilTime* time) const;

  std::string pattern_;
  std::vector<Piece> pieces_;
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_DATE_FORMAT_HPP_
