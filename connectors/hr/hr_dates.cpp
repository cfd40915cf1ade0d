#include "hr/hr_dates.hpp"

#include <charconv>
#include <cstdio>

#include "hub/files/trim.hpp"

namespace hub::hr {
namespace {

// Reads 1 to `max_digits` ASCII digits at the front of `text` into *value.
bool TakeNumber(std::string_view* text, int max_digits, int min_digits, int* value) {
  std::size_t length = 0;
  while (length < text->size() && length < static_cast<std::size_t>(max_digits) && (*text)[length] >= '0' &&
         (*text)[length] <= '9') {
    ++length;
  }
  if (length < static_cast<std::size_t>(min_digits)) return false;
  std::from_chars(text->data(), text->data() + length, *value);
  text->remove_prefix(length);
  return true;
}

bool TakePrefix(std::string_view* text, std::string_view prefix) {
  if (!text->starts_with(prefix)) return false;
  text->remove_prefix(prefix.size());
  return true;
}

std::string Format(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace

std::optional<std::string> IsoDate(std::string_view text) {
  text = files::TrimBlanks(text);
  int year = 0;
  int month = 0;
  int day = 0;
  if (!TakeNumber(&text, 4, 4, &year)) return std::nullopt;
  if (TakePrefix(&text, "年")) {
    if (!TakeNumber(&text, 2, 1, &month) || !TakePrefix(&text, "月") || !TakeNumber(&text, 2, 1, &day)) {
      return std::nullopt;
    }
    TakePrefix(&text, "日");
  } else {
    if (text.empty() || (text.front() != '/' && text.front() != '-' && text.front() != '.')) return std::nullopt;
    const char separator = text.front();
    text.remove_prefix(1);
    if (!TakeNumber(&text, 2, 1, &month) || text.empty() || text.front() != separator) return std::nullopt;
    text.remove_prefix(1);
    if (!TakeNumber(&text, 2, 1, &day)) return std::nullopt;
  }
  // A time of day after the date is ignored; anything else is not a date.
  if (!text.empty() && text.front() != ' ' && text.front() != 'T') return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return Format(year, month, day);
}

std::string IsoDay(std::chrono::system_clock::time_point now, std::chrono::minutes utc_offset) {
  const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(now + utc_offset)};
  return Format(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                static_cast<int>(static_cast<unsigned>(date.day())));
}

}  // namespace hub::hr
