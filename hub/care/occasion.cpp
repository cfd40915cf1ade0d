#include "care/occasion.hpp"

#include <chrono>
#include <cstdio>

namespace hub::care {

bool MonthDayFallsOn(int month, int day, const CalendarDay& on) {
  if (on.leap || on.month != month) return false;
  return on.day == day || (on.day == on.days_in_month && day > on.days_in_month);
}

sdk::Result<bool> HolidayFallsOn(const Holiday& holiday, Day day) {
  if (holiday.date) return *holiday.date == day;
  if (holiday.calendar == Holiday::Calendar::kGregorian) {
    return MonthDayFallsOn(holiday.month, holiday.day, GregorianDay(day));
  }
  sdk::Result<CalendarDay> chinese = ChineseDay(day);
  if (!chinese.ok()) return chinese.status();
  return MonthDayFallsOn(holiday.month, holiday.day, *chinese);
}

std::vector<std::string> BirthdayMonthDays(Day day) {
  const CalendarDay on = GregorianDay(day);
  std::vector<std::string> month_days;
  // A birth date is a day of some year's calendar: at most as many days as the month has in a leap year.
  const std::chrono::year_month_day_last leap_year_last(std::chrono::year(2000),
                                                        std::chrono::month_day_last(std::chrono::month(on.month)));
  const int longest = static_cast<int>(static_cast<unsigned>(leap_year_last.day()));
  for (int birth_day = on.day; birth_day <= longest; ++birth_day) {
    if (birth_day != on.day && !MonthDayFallsOn(on.month, birth_day, on)) break;
    char text[16];
    std::snprintf(text, sizeof text, "%02d-%02d", on.month, birth_day);
    month_days.emplace_back(text);
  }
  return month_days;
}

}  // namespace hub::care
