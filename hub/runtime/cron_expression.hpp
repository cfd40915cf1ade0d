// Standard five-field cron expressions ("*/5 * * * *"), evaluated in UTC.
#ifndef HUB_RUNTIME_CRON_EXPRESSION_HPP_
#define HUB_RUNTIME_CRON_EXPRESSION_HPP_

#include <bitset>
#include <chrono>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"

namespace hub {

// A parsed cron expression: "minute hour day-of-month month day-of-week".
//
// Each field is `*`, a value, a range `a-b`, or a list of those separated by commas; any of them may
// carry a step (`*/5`, `10-40/10`; `5/15` means `5-<max>/15`). Months accept JAN-DEC and days SUN-SAT,
// case-insensitive; day-of-week 0 and 7 are both Sunday. The macros @yearly (@annually), @monthly,
// @weekly, @daily (@midnight) and @hourly stand for their usual expansions; @reboot is not supported.
//
// Day matching follows Vixie cron: a field that begins with `*` is "unrestricted". When both
// day-of-month and day-of-week are restricted, a day matches if EITHER matches ("0 0 1 * MON" runs on
// the 1st and on every Monday); otherwise both must match (so "0 0 */2 * MON" means odd days that are
// Mondays, exactly as Vixie cron reads it).
//
// Time is UTC: there is no local time zone (and so no daylight-saving gap or repeat) yet.
//
// An immutable value; copy freely and use from any thread.
class CronExpression {
 public:
  // Parses `text`. Errors (InvalidArgument) name the expression, the field and the problem, e.g.
  // "cron '61 * * * *': minute 61 is out of range 0-59". An expression that can never fire, such as
  // "0 0 30 2 *", is refused here, so every parsed expression has a next run.
  static sdk::Result<CronExpression> Parse(std::string_view text);

  // The first whole minute strictly after `t` that matches, in UTC. Returns TimePoint::max() only when
  // the answer lies beyond what TimePoint can represent (after the year 2262). Cost is bounded: it skips
  // whole months, days and hours that cannot match, never scanning minute by minute.
  TimePoint NextAfter(TimePoint t) const;

  // True if the minute containing `t` matches (seconds are ignored).
  bool Matches(TimePoint t) const;

  // The text as given to Parse.
  const std::string& text() const { return text_; }

 private:
  CronExpression() = default;

  bool DayMatches(std::chrono::sys_days day) const;

  std::string text_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;  // bits 1-31
  std::bitset<13> months_;         // bits 1-12
  std::bitset<7> days_of_week_;    // 0 = Sunday
  bool day_of_month_restricted_ = false;
  bool day_of_week_restricted_ = false;
};

}  // namespace hub

#endif  // HUB_RUNTIME_CRON_EXPRESSION_HPP_
