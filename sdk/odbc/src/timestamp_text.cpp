#include "hub/odbc/timestamp_text.hpp"

#include <array>
#include <cstdio>

namespace hub::odbc {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads exactly `count` digits off the front of *text.
bool TakeDigits(std::string_view* text, std::size_t count, int* number) {
  if (text->size() < count) return false;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = (*text)[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *number = value;
  text->remove_prefix(count);
  return true;
}

bool TakeChar(std::string_view* text, char expected) {
  if (text->empty() || text->front() != expected) return false;
  text->remove_prefix(1);
  return true;
}

bool TakeDate(std::string_view* text, days* date) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (!TakeDigits(text, 4, &year) || !TakeChar(text, '-') || !TakeDigits(text, 2, &month) || !TakeChar(text, '-') ||
      !TakeDigits(text, 2, &day)) {
    return false;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                        std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return false;
  *date = std::chrono::sys_days(ymd).time_since_epoch();
  return true;
}

// HH:MM[:SS[.fraction]]: the time of day into *time, the shape into *value.
bool TakeTime(std::string_view* text, microseconds* time, TimestampText* value) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!TakeDigits(text, 2, &hour) || !TakeChar(text, ':') || !TakeDigits(text, 2, &minute)) return false;
  if (hour > 23 || minute > 59) return false;
  value->has_seconds = TakeChar(text, ':');
  if (value->has_seconds && (!TakeDigits(text, 2, &second) || second > 59)) return false;
  std::int64_t micros = 0;
  if (value->has_seconds && TakeChar(text, '.')) {
    int digit = 0;
    while (TakeDigits(text, 1, &digit)) {
      if (++value->fraction_digits <= 6) micros = micros * 10 + digit;
    }
    if (value->fraction_digits == 0 || value->fraction_digits > 9) return false;
    for (int i = value->fraction_digits; i < 6; ++i) micros *= 10;
  }
  *time = hours(hour) + minutes(minute) + seconds(second) + microseconds(micros);
  return true;
}

// Z, +HH, +HHMM or +HH:MM (or '-'); the whole rest of the text.
bool TakeZone(std::string_view text, TimestampText* value) {
  if (text.empty()) return true;
  value->suffix = std::string(text);
  if (text == "Z") {
    value->offset_minutes = 0;
    return true;
  }
  const int sign = text.front() == '-' ? -1 : 1;
  if (!TakeChar(&text, '+') && !TakeChar(&text, '-')) return false;
  int hour = 0;
  int minute = 0;
  if (!TakeDigits(&text, 2, &hour) || hour > 23) return false;
  if (!text.empty()) {
    TakeChar(&text, ':');
    if (!TakeDigits(&text, 2, &minute) || minute > 59 || !text.empty()) return false;
  }
  value->offset_minutes = sign * (hour * 60 + minute);
  return true;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

Microseconds TimestampText::Instant() const { return wall_clock - minutes(offset_minutes.value_or(0)); }

std::optional<TimestampText> ParseTimestampText(std::string_view text) {
  text = TrimSpaces(text);
  TimestampText value;
  days date{};
  if (!TakeDate(&text, &date)) return std::nullopt;
  microseconds time{};
  if (!text.empty() && (text.front() == ' ' || text.front() == 'T')) {
    value.separator = text.front();
    text.remove_prefix(1);
    value.has_time = true;
    if (!TakeTime(&text, &time, &value)) return std::nullopt;
    if (!TakeZone(text, &value)) return std::nullopt;
  } else if (!text.empty()) {
    return std::nullopt;
  }
  value.wall_clock = Microseconds(date + time);
  return value;
}

std::string FormatTimestampText(const TimestampText& value) {
  const std::chrono::sys_days day = floor<days>(value.wall_clock);
  const std::chrono::year_month_day ymd(day);
  std::array<char, 64> buffer{};
  int length = std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                             static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  std::string text(buffer.data(), static_cast<std::size_t>(length));
  if (!value.has_time) return text;
  const std::chrono::hh_mm_ss<microseconds> time(value.wall_clock - day);
  length = std::snprintf(buffer.data(), buffer.size(), "%c%02d:%02d", value.separator,
                         static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
  text.append(buffer.data(), static_cast<std::size_t>(length));
  if (value.has_seconds) {
    length = std::snprintf(buffer.data(), buffer.size(), ":%02d", static_cast<int>(time.seconds().count()));
    text.append(buffer.data(), static_cast<std::size_t>(length));
  }
  if (value.fraction_digits > 0) {
    length =
        std::snprintf(buffer.data(), buffer.size(), ".%06lld000", static_cast<long long>(time.subseconds().count()));
    text.append(buffer.data(), static_cast<std::size_t>(1 + value.fraction_digits));
  }
  return text + value.suffix;
}

std::optional<std::string> ShiftTimestampText(std::string_view text, std::chrono::milliseconds amount) {
  std::optional<TimestampText> value = ParseTimestampText(text);
  if (!value) return std::nullopt;
  value->wall_clock -= amount;
  const std::chrono::year year = std::chrono::year_month_day(floor<days>(value->wall_clock)).year();
  if (year < std::chrono::year(0) || year > std::chrono::year(9999)) return std::nullopt;
  return FormatTimestampText(*value);
}

std::int64_t UnixMs(const TimestampText& value) {
  return floor<std::chrono::milliseconds>(value.Instant()).time_since_epoch().count();
}

}  // namespace hub::odbc
