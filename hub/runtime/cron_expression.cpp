#include "runtime/cron_expression.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "runtime/cron_field.hpp"

namespace hub {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

// A match, when there is one, recurs within the 400-year Gregorian cycle; one more year covers the
// partial year the search starts in.
constexpr std::chrono::years kSearchHorizon{401};
constexpr auto kLatestMinute = std::chrono::floor<std::chrono::minutes>(TimePoint::max());

struct Macro {
  std::string_view name;
  std::string_view expansion;
};
constexpr std::array<Macro, 7> kMacros = {{{"@yearly", "0 0 1 1 *"},
                                           {"@annually", "0 0 1 1 *"},
                                           {"@monthly", "0 0 1 * *"},
                                           {"@weekly", "0 0 * * 0"},
                                           {"@daily", "0 0 * * *"},
                                           {"@midnight", "0 0 * * *"},
                                           {"@hourly", "0 * * * *"}}};

sdk::Result<std::string_view> ExpandMacro(std::string_view text) {
  if (text.empty() || text.front() != '@') return text;
  for (const auto& macro : kMacros) {
    if (text == macro.name) return macro.expansion;
  }
  return sdk::Status::InvalidArgument("unknown macro '" + std::string(text) +
                                      "' (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)");
}

std::vector<std::string_view> SplitFields(std::string_view text) {
  std::vector<std::string_view> fields;
  constexpr std::string_view kBlanks = " \t";
  std::size_t start = text.find_first_not_of(kBlanks);
  while (start != std::string_view::npos) {
    const std::size_t end = text.find_first_of(kBlanks, start);
    fields.push_back(text.substr(start, end - start));
    start = text.find_first_not_of(kBlanks, end);
  }
  return fields;
}

// The first set bit at or after `from`, or -1.
template <std::size_t N>
int NextSetBit(const std::bitset<N>& bits, unsigned from) {
  for (std::size_t i = from; i < N; ++i) {
    if (bits[i]) return static_cast<int>(i);
  }
  return -1;
}

// True if some selected month has some selected day-of-month (February counted with 29 days).
bool SomeDateExists(const std::bitset<13>& months, const std::bitset<32>& days_of_month) {
  constexpr std::array<unsigned, 13> kMaxDays = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int first_day = NextSetBit(days_of_month, 1);
  for (unsigned month = 1; month <= 12; ++month) {
    if (months[month] && first_day > 0 && static_cast<unsigned>(first_day) <= kMaxDays[month]) return true;
  }
  return false;
}

}  // namespace

sdk::Result<CronExpression> CronExpression::Parse(std::string_view text) {
  const std::string context = "cron '" + std::string(text) + "'";
  auto expanded = ExpandMacro(text);
  if (!expanded.ok()) return expanded.status().WithContext(context);
  const std::vector<std::string_view> fields = SplitFields(*expanded);
  if (fields.size() != 5) {
    return sdk::Status::InvalidArgument(context +
                                        ": expected 5 fields (minute hour day-of-month month day-of-week), got " +
                                        std::to_string(fields.size()));
  }
  const std::array<const cron::FieldSpec*, 5> specs = {&cron::kMinute, &cron::kHour, &cron::kDayOfMonth, &cron::kMonth,
                                                       &cron::kDayOfWeek};
  std::array<std::uint64_t, 5> bits{};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto parsed = cron::ParseField(fields[i], *specs[i]);
    if (!parsed.ok()) return parsed.status().WithContext(context);
    bits[i] = *parsed;
  }
  CronExpression cron;
  cron.text_ = std::string(text);
  cron.minutes_ = bits[0];
  cron.hours_ = bits[1];
  cron.days_of_month_ = bits[2];
  cron.months_ = bits[3];
  cron.days_of_week_ = (bits[4] | (bits[4] >> 7)) & 0x7f;  // 7 is Sunday too
  cron.day_of_month_restricted_ = fields[2].front() != '*';
  cron.day_of_week_restricted_ = fields[4].front() != '*';
  const bool either_day_field_suffices = cron.day_of_month_restricted_ && cron.day_of_week_restricted_;
  if (!either_day_field_suffices && !SomeDateExists(cron.months_, cron.days_of_month_)) {
    return sdk::Status::InvalidArgument(context + ": never matches: no selected month has a selected day-of-month");
  }
  return cron;
}

bool CronExpression::DayMatches(sys_days day) const {
  const year_month_day date(day);
  const bool day_of_month = days_of_month_[static_cast<unsigned>(date.day())];
  const bool day_of_week = days_of_week_[std::chrono::weekday(day).c_encoding()];
  if (day_of_month_restricted_ && day_of_week_restricted_) return day_of_month || day_of_week;
  return day_of_month && day_of_week;
}

bool CronExpression::Matches(TimePoint t) const {
  const auto minute = std::chrono::floor<std::chrono::minutes>(t);
  const sys_days day = std::chrono::floor<std::chrono::days>(minute);
  const std::chrono::hh_mm_ss time_of_day(minute - day);
  const year_month_day date(day);
  return minutes_[time_of_day.minutes().count()] && hours_[time_of_day.hours().count()] &&
         months_[static_cast<unsigned>(date.month())] && DayMatches(day);
}

TimePoint CronExpression::NextAfter(TimePoint t) const {
  using std::chrono::hours;
  using std::chrono::minutes;
  if (t >= kLatestMinute) return TimePoint::max();
  const auto start = std::chrono::floor<minutes>(t) + minutes(1);
  sys_days day = std::chrono::floor<std::chrono::days>(start);
  const std::chrono::hh_mm_ss time_of_day(start - day);
  auto hour = static_cast<unsigned>(time_of_day.hours().count());
  auto minute = static_cast<unsigned>(time_of_day.minutes().count());
  const auto stop = year_month_day(day).year() + kSearchHorizon;
  for (year_month_day date(day); date.year() < stop; date = year_month_day(day)) {
    if (!months_[static_cast<unsigned>(date.month())]) {
      day = sys_days((date.year() / date.month() / 1) + std::chrono::months(1));
      hour = minute = 0;
      continue;
    }
    const int next_hour = NextSetBit(hours_, hour);
    if (!DayMatches(day) || next_hour < 0) {
      day += std::chrono::days(1);
      hour = minute = 0;
      continue;
    }
    if (static_cast<unsigned>(next_hour) != hour) minute = 0;
    hour = static_cast<unsigned>(next_hour);
    const int next_minute = NextSetBit(minutes_, minute);
    if (next_minute < 0) {
      ++hour;
      minute = 0;
      continue;
    }
    const auto found = day + hours(hour) + minutes(next_minute);
    return found > kLatestMinute ? TimePoint::max() : TimePoint(found);
  }
  return TimePoint::max();
}

}  // namespace hub
