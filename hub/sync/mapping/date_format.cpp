#include "sync/mapping/date_format.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "sync/mapping/text_transforms.hpp"

namespace hub::sync::mapping {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool IsValid(const CivilTime& t) {
  return t.year >= 1 && t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= DaysInMonth(t.year, t.month) &&
         t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(int year, int month, int day) {
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t year_of_era = y - era * 400;
  std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Reads between `min` and `max` ASCII digits from the front of `text`.
std::optional<int> ReadDigits(std::string_view* text, std::size_t min, std::size_t max) {
  std::size_t count = 0;
  int value = 0;
  while (count < max && count < text->size() && (*text)[count] >= '0' && (*text)[count] <= '9') {
    value = value * 10 + ((*text)[count] - '0');
    ++count;
  }
  if (count < min) return std::nullopt;
  text->remove_prefix(count);
  return value;
}

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

std::optional<int> ReadMonthName(std::string_view* text) {
  for (std::size_t length : {std::size_t{0}, std::size_t{3}}) {
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
      std::string_view name = length == 0 ? kMonthNames[i] : kMonthNames[i].substr(0, length);
      if (StartsWithIgnoringCase(*text, name)) {
        text->remove_prefix(name.size());
        return static_cast<int>(i) + 1;
      }
    }
  }
  return std::nullopt;
}

// "Z", "+08:00", "+0800" or "+08".
std::optional<int> ReadOffset(std::string_view* text) {
  if (!text->empty() && ((*text)[0] == 'Z' || (*text)[0] == 'z')) {
    text->remove_prefix(1);
    return 0;
  }
  if (text->empty() || ((*text)[0] != '+' && (*text)[0] != '-')) return std::nullopt;
  int sign = (*text)[0] == '-' ? -1 : 1;
  text->remove_prefix(1);
  auto hours = ReadDigits(text, 2, 2);
  if (!hours || *hours > 14) return std::nullopt;
  if (!text->empty() && (*text)[0] == ':') text->remove_prefix(1);
  auto minutes = text->empty() || (*text)[0] < '0' || (*text)[0] > '9' ? std::optional<int>(0) : ReadDigits(text, 2, 2);
  if (!minutes || *minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + *minutes);
}

// ".5", ".123456" after seconds: milliseconds, further digits dropped.
void ReadFraction(std::string_view* text, CivilTime* time) {
  if (text->size() < 2 || (*text)[0] != '.' || (*text)[1] < '0' || (*text)[1] > '9') return;
  text->remove_prefix(1);
  int millis = 0;
  std::size_t count = 0;
  while (!text->empty() && (*text)[0] >= '0' && (*text)[0] <= '9') {
    if (count < 3) millis = millis * 10 + ((*text)[0] - '0');
    ++count;
    text->remove_prefix(1);
  }
  for (; count < 3; ++count) millis *= 10;
  time->millisecond = millis;
}

}  // namespace

std::string FormatIsoDate(const CivilTime& time) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", time.year, time.month, time.day);
  return text;
}

std::int64_t ToUnixMillis(const CivilTime& time) {
  std::int64_t seconds = DaysFromCivil(time.year, time.month, time.day) * 86400 + time.hour * 3600 + time.minute * 60 +
                         time.second - std::int64_t{time.utc_offset_minutes.value_or(0)} * 60;
  return seconds * 1000 + time.millisecond;
}

CivilTime FromUnixMillis(std::int64_t unix_ms) {
  std::int64_t days = (unix_ms >= 0 ? unix_ms : unix_ms - 86'399'999) / 86'400'000;
  std::int64_t millis_of_day = unix_ms - days * 86'400'000;
  // H. Hinnant's civil_from_days.
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t day_of_era = z - era * 146097;
  std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  std::int64_t month_index = (5 * day_of_year + 2) / 153;
  CivilTime time;
  time.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  time.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  time.year = static_cast<int>(year_of_era + era * 400 + (time.month <= 2 ? 1 : 0));
  time.hour = static_cast<int>(millis_of_day / 3'600'000);
  time.minute = static_cast<int>(millis_of_day / 60'000 % 60);
  time.second = static_cast<int>(millis_of_day / 1000 % 60);
  time.millisecond = static_cast<int>(millis_of_day % 1000);
  return time;
}

sdk::Result<DateFormat> DateFormat::Parse(std::string_view pattern) {
  DateFormat format;
  format.pattern_ = std::string(pattern);
  std::vector<std::string_view> fields;  // what the directives so far set
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && (i + 1 == pattern.size() || pattern[i + 1] != '%')) {
      HUB_RETURN_IF_ERROR(format.AddDirective(pattern.substr(i, 2), &fields));
      ++i;
    } else if (pattern[i] == ' ') {
      if (format.pieces_.empty() || format.pieces_.back().kind != Kind::kSpace)
        format.pieces_.push_back({Kind::kSpace});
    } else {
      if (format.pieces_.empty() || format.pieces_.back().kind != Kind::kLiteral) {
        format.pieces_.push_back({Kind::kLiteral});
      }
      format.pieces_.back().literal += pattern[i];
      if (pattern[i] == '%') ++i;  // "%%"
    }
  }
  for (std::string_view needed : {"year", "month", "day"}) {
    if (std::find(fields.begin(), fields.end(), needed) == fields.end()) {
      return format.Problem("needs the year (%Y), the month (%m or %b) and the day (%d)");
    }
  }
  format.MarkExactWidths();
  return format;
}

sdk::Status DateFormat::Problem(const std::string& problem) const {
  return sdk::Status::InvalidArgument("date format '" + pattern_ + "': " + problem);
}

sdk::Status DateFormat::AddDirective(std::string_view directive, std::vector<std::string_view>* fields) {
  struct Known {
    char letter;
    Kind kind;
    std::string_view field;
  };
  constexpr std::array<Known, 8> kKnown = {{{'Y', Kind::kYear, "year"},
                                            {'m', Kind::kMonth, "month"},
                                            {'b', Kind::kMonthName, "month"},
                                            {'d', Kind::kDay, "day"},
                                            {'H', Kind::kHour, "hour"},
                                            {'M', Kind::kMinute, "minute"},
                                            {'S', Kind::kSecond, "second"},
                                            {'z', Kind::kOffset, "offset"}}};
  auto known = std::find_if(kKnown.begin(), kKnown.end(),
                            [&](const Known& k) { return directive.size() == 2 && directive[1] == k.letter; });
  if (known == kKnown.end()) {
    return Problem("unknown directive '" + std::string(directive) + "'; known: %Y %m %b %d %H %M %S %z %%");
  }
  if (std::find(fields->begin(), fields->end(), known->field) != fields->end()) {
    return Problem("gives the " + std::string(known->field) + " twice");
  }
  fields->push_back(known->field);
  pieces_.push_back({known->kind});
  return sdk::Status::Ok();
}

void DateFormat::MarkExactWidths() {
  auto numeric = [](Kind kind) {
    return kind != Kind::kLiteral && kind != Kind::kSpace && kind != Kind::kMonthName && kind != Kind::kOffset;
  };
  for (std::size_t i = 0; i < pieces_.size(); ++i) {
    bool after_number = i > 0 && numeric(pieces_[i - 1].kind);
    bool before_number = i + 1 < pieces_.size() && numeric(pieces_[i + 1].kind);
    pieces_[i].exact_width = after_number || before_number;
    pieces_[i].fraction =
        !(i + 1 < pieces_.size() && pieces_[i + 1].kind == Kind::kLiteral && pieces_[i + 1].literal[0] == '.');
  }
}

std::optional<CivilTime> DateFormat::Match(std::string_view text) const {
  CivilTime time;
  for (const Piece& piece : pieces_) {
    if (!MatchPiece(piece, &text, &time)) return std::nullopt;
  }
  if (!text.empty() || !IsValid(time)) return std::nullopt;
  return time;
}

int* DateFormat::NumericField(Kind kind, CivilTime* time) {
  switch (kind) {
    case Kind::kYear:
      return &time->year;
    case Kind::kMonth:
      return &time->month;
    case Kind::kDay:
      return &time->day;
    case Kind::kHour:
      return &time->hour;
    case Kind::kMinute:
      return &time->minute;
    default:
      return &time->second;
  }
}

bool DateFormat::MatchPiece(const Piece& piece, std::string_view* text, CivilTime* time) const {
  switch (piece.kind) {
    case Kind::kLiteral:
      if (text->substr(0, piece.literal.size()) != piece.literal) return false;
      text->remove_prefix(piece.literal.size());
      return true;
    case Kind::kSpace: {
      std::size_t before = text->size();
      while (std::size_t space = LeadingSpaceLength(*text)) text->remove_prefix(space);
      return text->size() < before;
    }
    case Kind::kMonthName: {
      std::optional<int> month = ReadMonthName(text);
      if (month) time->month = *month;
      return month.has_value();
    }
    case Kind::kOffset: {
      std::optional<int> offset = ReadOffset(text);
      time->utc_offset_minutes = offset;
      return offset.has_value();
    }
    default:
      break;
  }
  bool year = piece.kind == Kind::kYear;
  std::optional<int> value = ReadDigits(text, year ? 4 : (piece.exact_width ? 2 : 1), year ? 4 : 2);
  if (!value) return false;
  *NumericField(piece.kind, time) = *value;
  if (piece.kind == Kind::kSecond && piece.fraction) ReadFraction(text, time);
  return true;
}

}  // namespace hub::sync::mapping
