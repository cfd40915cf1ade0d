#include "care/care_calendar.hpp"

#include <cstdio>
#include <memory>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include "care/new_moon.hpp"

namespace hub::care {
namespace {

constexpr double kMsPerDay = 86'400'000.0;

// The zone ICU knows by `zone`, or null (ICU answers its "Etc/Unknown" zone for an unknown id).
std::unique_ptr<icu::TimeZone> FindZone(std::string_view zone) {
  std::unique_ptr<icu::TimeZone> found(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), zone.size()))));
  if (found == nullptr || *found == icu::TimeZone::getUnknown()) return nullptr;
  return found;
}

// `day` in ICU's Chinese calendar, `calendar`.
sdk::Result<CalendarDay> IcuChineseDay(icu::Calendar& calendar, Day day) {
  UErrorCode status = U_ZERO_ERROR;
  calendar.setTime(static_cast<UDate>(day.time_since_epoch().count()) * kMsPerDay, status);
  CalendarDay chinese;
  chinese.month = calendar.get(UCAL_MONTH, status) + 1;
  chinese.day = calendar.get(UCAL_DATE, status);
  chinese.leap = calendar.get(UCAL_IS_LEAP_MONTH, status) != 0;
  chinese.days_in_month = calendar.getActualMaximum(UCAL_DATE, status);
  if (U_FAILURE(status)) return sdk::Status::Internal(std::string("ICU Chinese calendar: ") + u_errorName(status));
  return chinese;
}

// `day` in the month numbered as `month` is, which runs from `start` to the day before `next`.
CalendarDay MonthDay(const CalendarDay& month, Day start, Day next, Day day) {
  return {month.month, static_cast<int>((day - start).count()) + 1, static_cast<int>((next - start).count()),
          month.leap};
}

}  // namespace

bool IsKnownTimeZone(std::string_view zone) { return FindZone(zone) != nullptr; }

sdk::Result<Day> LocalDay(TimePoint when, std::string_view zone) {
  std::unique_ptr<icu::TimeZone> found = FindZone(zone);
  if (found == nullptr) return sdk::Status::InvalidArgument("unknown time zone '" + std::string(zone) + "'");
  const auto utc_ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch());
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  found->getOffset(static_cast<UDate>(utc_ms.count()), false, raw, dst, status);
  if (U_FAILURE(status)) return sdk::Status::Internal(std::string("ICU time zone offset: ") + u_errorName(status));
  const auto local = utc_ms + std::chrono::milliseconds(static_cast<std::int64_t>(raw) + dst);
  return std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::milliseconds>(local));
}

CalendarDay GregorianDay(Day day) {
  const std::chrono::year_month_day date(day);
  const std::chrono::year_month_day_last last(date.year(), std::chrono::month_day_last(date.month()));
  return {static_cast<int>(static_cast<unsigned>(date.month())), static_cast<int>(static_cast<unsigned>(date.day())),
          static_cast<int>(static_cast<unsigned>(last.day())), false};
}

sdk::Result<CalendarDay> ChineseDay(Day day) {
  UErrorCode status = U_ZERO_ERROR;
  // "@calendar=chinese" makes ICU's ChineseCalendar; in GMT, the instant of the day's midnight is that day.
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=chinese"), status));
  if (U_FAILURE(status)) return sdk::Status::Internal(std::string("ICU Chinese calendar: ") + u_errorName(status));
  sdk::Result<CalendarDay> icu = IcuChineseDay(*calendar, day);
  if (!icu.ok()) return icu.status();
  // ICU numbers the months (leap months from the solar terms); each begins on the day of its new moon in
  // China, which ICU's approximation puts a day late when the moon is new minutes before midnight (2027's
  // New Year, 6 February at 23:56). Its boundaries are moved to the new moons' days, to the second.
  const Day start = day - std::chrono::days(icu->day - 1);
  const Day next = start + std::chrono::days(icu->days_in_month);
  const Day true_start = ChinaNewMoonDay(start);
  const Day true_next = ChinaNewMoonDay(next);
  if (day < true_start) {
    sdk::Result<CalendarDay> previous = IcuChineseDay(*calendar, start - std::chrono::days(1));
    if (!previous.ok()) return previous.status();
    const Day previous_start = ChinaNewMoonDay(start - std::chrono::days(previous->day));
    return MonthDay(*previous, previous_start, true_start, day);
  }
  if (day >= true_next) {
    sdk::Result<CalendarDay> following = IcuChineseDay(*calendar, next);
    if (!following.ok()) return following.status();
    return MonthDay(*following, true_next, ChinaNewMoonDay(next + std::chrono::days(following->days_in_month)), day);
  }
  return MonthDay(*icu, true_start, true_next, day);
}

std::string IsoDate(Day day) {
  const std::chrono::year_month_day date(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

std::optional<Day> ParseIsoDate(std::string_view text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &tail) != 3) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok()) return std::nullopt;
  return Day(date);
}

int YearOf(Day day) { return static_cast<int>(std::chrono::year_month_day(day).year()); }

}  // namespace hub::care
