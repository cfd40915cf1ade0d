// Civil days for customer care: the day a moment falls on in a time zone, and where a day lies in the
// gregorian and the Chinese lunisolar calendar (ICU).
#ifndef HUB_CARE_CARE_CALENDAR_HPP_
#define HUB_CARE_CARE_CALENDAR_HPP_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"

namespace hub::care {

// A civil date (no time, no zone).
using Day = std::chrono::sys_days;

// Where a day lies in a calendar: its month (1..12; in the Chinese calendar the lunar month, `leap` for an
// intercalary month), its day of the month, and how many days that month has.
struct CalendarDay {
  int month = 0;
  int day = 0;
  int days_in_month = 0;
  bool leap = false;
};

// True when ICU knows `zone` ("Asia/Shanghai", "UTC", "Etc/GMT-8"). Thread-safe.
bool IsKnownTimeZone(std::string_view zone);

// The civil date of `when` in time zone `zone`. Errors: InvalidArgument for a zone ICU does not know.
// Thread-safe.
sdk::Result<Day> LocalDay(TimePoint when, std::string_view zone);

// `day` in the gregorian calendar. Pure.
CalendarDay GregorianDay(Day day);

// `day` in the Chinese calendar as observed in China, e.g. 2027-02-06 is month 1, day 1 (春节): the months
// numbered by ICU's ChineseCalendar (intercalary months from the solar terms), each starting on the day (UTC+8)
// of its new moon by Meeus' algorithm (new_moon.hpp), which corrects ICU's approximation where the moon is
// new minutes before midnight. Errors: Internal when ICU fails. Thread-safe.
sdk::Result<CalendarDay> ChineseDay(Day day);

// "2027-02-06". Pure.
std::string IsoDate(Day day);

// The day "YYYY-MM-DD" names, or nullopt when it names none. Pure.
std::optional<Day> ParseIsoDate(std::string_view text);

// The gregorian year `day` falls in. Pure.
int YearOf(Day day);

}  // namespace hub::care

#endif  // HUB_CARE_CARE_CALENDAR_HPP_
