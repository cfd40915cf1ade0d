// UTC times as text for readable test tables: "2024-02-29 13:05" or "2024-02-29 13:05:30".
#ifndef HUB_TESTS_RUNTIME_UTC_TIME_HPP_
#define HUB_TESTS_RUNTIME_UTC_TIME_HPP_

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace hub::testing {

// Parses "YYYY-MM-DD HH:MM[:SS]" as UTC.
inline TimePoint Utc(std::string_view text) {
  int year = 0, hour = 0, minute = 0, second = 0;
  unsigned month = 0, day = 0;
  std::sscanf(std::string(text).c_str(), "%d-%u-%u %d:%d:%d", &year, &month, &day, &hour, &minute, &second);
  const std::chrono::sys_days date = std::chrono::year(year) / month / day;
  return date + std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second);
}

// Formats as "YYYY-MM-DD HH:MM" (seconds shown only when not zero).
inline std::string Utc(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(std::chrono::floor<std::chrono::seconds>(t - day));
  char buffer[40];
  const int length = std::snprintf(
      buffer, sizeof(buffer), "%04d-%02u-%02u %02ld:%02ld:%02ld", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
      static_cast<long>(time.minutes().count()), static_cast<long>(time.seconds().count()));
  const bool whole_minute = time.seconds().count() == 0;
  return std::string(buffer, static_cast<std::size_t>(whole_minute ? length - 3 : length));
}

}  // namespace hub::testing

#endif  // HUB_TESTS_RUNTIME_UTC_TIME_HPP_
