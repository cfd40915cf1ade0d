// What a customer-care job greets, as days of a calendar: birthdays and holidays.
#ifndef HUB_CARE_OCCASION_HPP_
#define HUB_CARE_OCCASION_HPP_

#include <optional>
#include <string>
#include <vector>

#include "care/care_calendar.hpp"
#include "hub/sdk/status.hpp"

namespace hub::care {

// A holiday of a customer-care job: every year on `month`/`day` of its calendar, or once on `date`.
// A constant once built.
struct Holiday {
  enum class Calendar { kGregorian, kChinese };
  std::string name;   // the key of its greetings ("spring_festival")
  std::string title;  // what the greeting shows ("春节")
  Calendar calendar = Calendar::kGregorian;
  int month = 0;            // 1..12 (Chinese: a lunar month, never an intercalary one)
  int day = 0;              // 1..31 (Chinese: 1..30)
  std::optional<Day> date;  // set: this day only, month and day unused
};

// True when a yearly `month`/`day` is greeted on `on`: the same month and day, or `on` is the last day of the
// month and `day` is later (29 Feb on 28 Feb of a common year; a lunar 30th on the 29th of a short month).
// Never in an intercalary month. Pure.
bool MonthDayFallsOn(int month, int day, const CalendarDay& on);

// True when `holiday` is greeted on `day`. Errors: ChineseDay's. Thread-safe.
sdk::Result<bool> HolidayFallsOn(const Holiday& holiday, Day day);

// The "MM-DD" of the dates of birth greeted on `day` (MonthDayFallsOn): {"05-20"}; {"02-28", "02-29"} on 28
// Feb of a common year. Pure.
std::vector<std::string> BirthdayMonthDays(Day day);

}  // namespace hub::care

#endif  // HUB_CARE_OCCASION_HPP_
