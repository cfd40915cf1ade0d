#include "runtime/cron_expression.hpp"

#include <string>

#include <gtest/gtest.h>

#include "utc_time.hpp"

namespace hub {
namespace {

using testing::Utc;

TEST(CronExpression, ParsesValidExpressions) {
  const char* const kValid[] = {
      "* * * * *",    "*/5 * * * *",     "0,15,30,45 * * * *", "10-40/10 * * * *", "5/15 * * * *",  "0 9-17 * * *",
      "0 0 1,15 * *", "0 0 * JAN-MAR *", "0 0 * jan,Jul *",    "0 9 * * MON-FRI",  "0 9 * * sun",   "0 0 * * 0",
      "0 0 * * 7",    "0 0 * * 5-7",     "59 23 31 12 *",      "  0   0 * * *",    "0\t0\t*\t*\t*", "0 0 29 2 *",
      "0 0 30 2 MON", "@yearly",         "@annually",          "@monthly",         "@weekly",       "@daily",
      "@midnight",    "@hourly",
  };
  for (const char* text : kValid) {
    auto cron = CronExpression::Parse(text);
    EXPECT_TRUE(cron.ok()) << text << ": " << cron.status().ToString();
    if (cron.ok()) {
      EXPECT_EQ(cron->text(), text);
    }
  }
}

struct ErrorCase {
  const char* text;
  const char* message;
};

TEST(CronExpression, RejectsInvalidExpressionsNamingExpressionFieldAndProblem) {
  const ErrorCase kCases[] = {
      {"61 * * * *", "cron '61 * * * *': minute 61 is out of range 0-59"},
      {"* 24 * * *", "cron '* 24 * * *': hour 24 is out of range 0-23"},
      {"* * 0 * *", "cron '* * 0 * *': day-of-month 0 is out of range 1-31"},
      {"* * 32 * *", "cron '* * 32 * *': day-of-month 32 is out of range 1-31"},
      {"* * * 13 *", "cron '* * * 13 *': month 13 is out of range 1-12"},
      {"* * * * 8", "cron '* * * * 8': day-of-week 8 is out of range 0-7"},
      {"99999999999 * * * *", "cron '99999999999 * * * *': minute 99999999999 is out of range 0-59"},
      {"x * * * *", "cron 'x * * * *': minute 'x' is not a number"},
      {"* * * FOO *", "cron '* * * FOO *': month 'FOO' is not a number or a name"},
      {"* * * * MONDAY", "cron '* * * * MONDAY': day-of-week 'MONDAY' is not a number or a name"},
      {"*/0 * * * *", "cron '*/0 * * * *': minute step '0' must be a whole number of at least 1"},
      {"* */x * * *", "cron '* */x * * *': hour step 'x' must be a whole number of at least 1"},
      {"40-10 * * * *", "cron '40-10 * * * *': minute range '40-10' is reversed: its start is after its end"},
      {"* * * * FRI-MON",
       "cron '* * * * FRI-MON': day-of-week range 'FRI-MON' is reversed: its start is after its end"},
      {"1,,2 * * * *", "cron '1,,2 * * * *': minute has an empty list item"},
      {"* * * *", "cron '* * * *': expected 5 fields (minute hour day-of-month month day-of-week), got 4"},
      {"* * * * * *", "cron '* * * * * *': expected 5 fields (minute hour day-of-month month day-of-week), got 6"},
      {"", "cron '': expected 5 fields (minute hour day-of-month month day-of-week), got 0"},
      {"@reboot",
       "cron '@reboot': unknown macro '@reboot' (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or "
       "@hourly)"},
      {"0 0 30 2 *", "cron '0 0 30 2 *': never matches: no selected month has a selected day-of-month"},
      {"0 0 31 4,6,9,11 *", "cron '0 0 31 4,6,9,11 *': never matches: no selected month has a selected day-of-month"},
  };
  for (const auto& [text, message] : kCases) {
    auto cron = CronExpression::Parse(text);
    ASSERT_FALSE(cron.ok()) << text;
    EXPECT_EQ(cron.status().code(), sdk::StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(cron.status().message(), message);
  }
}

struct NextCase {
  const char* cron;
  const char* after;
  const char* expected;
};

void ExpectNext(const NextCase& c) {
  auto cron = CronExpression::Parse(c.cron);
  ASSERT_TRUE(cron.ok()) << cron.status().ToString();
  EXPECT_EQ(Utc(cron->NextAfter(Utc(c.after))), c.expected) << "'" << c.cron << "' after " << c.after;
}

TEST(CronExpression, NextAfterIsTheFirstMatchingMinuteStrictlyAfter) {
  const NextCase kCases[] = {
      {"* * * * *", "2024-01-01 10:00", "2024-01-01 10:01"},
      {"* * * * *", "2024-01-01 10:00:30", "2024-01-01 10:01"},
      {"*/15 * * * *", "2024-01-01 10:14", "2024-01-01 10:15"},
      {"*/15 * * * *", "2024-01-01 10:45", "2024-01-01 11:00"},
      {"10-40/10 * * * *", "2024-01-01 10:41", "2024-01-01 11:10"},
      {"5/15 * * * *", "2024-01-01 10:36", "2024-01-01 10:50"},
      {"0 9-17 * * *", "2024-01-01 17:00", "2024-01-02 09:00"},
      {"30 2 * * *", "2024-01-31 03:00", "2024-02-01 02:30"},
      {"0 * * * *", "2023-12-31 23:30", "2024-01-01 00:00"},
      {"59 23 31 12 *", "2024-01-01 00:00", "2024-12-31 23:59"},
      {"0 0 31 * *", "2024-04-01 00:00", "2024-05-31 00:00"},
      {"0 0 * JUN *", "2024-07-01 00:00", "2025-06-01 00:00"},
  };
  for (const auto& c : kCases) ExpectNext(c);
}

TEST(CronExpression, NextAfterFindsLeapDays) {
  const NextCase kCases[] = {
      {"0 0 29 2 *", "2023-01-01 00:00", "2024-02-29 00:00"},
      {"0 0 29 2 *", "2024-03-01 00:00", "2028-02-29 00:00"},
      {"0 0 29 2 *", "2096-03-01 00:00", "2104-02-29 00:00"},  // 2100 is not a leap year
      {"0 0 29 2 *", "2000-01-01 00:00", "2000-02-29 00:00"},  // 2000 is
  };
  for (const auto& c : kCases) ExpectNext(c);
}

TEST(CronExpression, RestrictedDayOfMonthAndDayOfWeekMatchEither) {
  const NextCase kCases[] = {
      // 2024-01-02 is a Tuesday: the next Monday comes before the 1st of February.
      {"0 12 1 * MON", "2024-01-02 00:00", "2024-01-08 12:00"},
      // Monday 2024-01-29 after noon: Thursday the 1st of February comes before the next Monday.
      {"0 12 1 * MON", "2024-01-29 13:00", "2024-02-01 12:00"},
      // A never-existing date is fine when the day-of-week can match: the Mondays of February.
      {"0 0 30 2 MON", "2024-01-02 00:00", "2024-02-05 00:00"},
      // Day-of-month starting with '*' is unrestricted (Vixie): both must match, odd days that are Mondays.
      {"0 0 */2 * MON", "2024-01-01 00:00", "2024-01-15 00:00"},
  };
  for (const auto& c : kCases) ExpectNext(c);
}

TEST(CronExpression, SundayIsZeroOrSevenAndNamesIgnoreCase) {
  // 2024-01-01 is a Monday.
  const NextCase kCases[] = {
      {"0 0 * * 0", "2024-01-01 00:00", "2024-01-07 00:00"},
      {"0 0 * * 7", "2024-01-01 00:00", "2024-01-07 00:00"},
      {"0 0 * * sun", "2024-01-01 00:00", "2024-01-07 00:00"},
      {"0 0 * * 5-7", "2024-01-06 12:00", "2024-01-07 00:00"},
      {"0 9 * * mon-fri", "2024-01-05 10:00", "2024-01-08 09:00"},
      {"0 0 1 jan *", "2024-06-01 00:00", "2025-01-01 00:00"},
  };
  for (const auto& c : kCases) ExpectNext(c);
}

TEST(CronExpression, MacrosExpandToTheirUsualSchedules) {
  const NextCase kCases[] = {
      {"@yearly", "2024-06-01 00:00", "2025-01-01 00:00"},  {"@annually", "2024-06-01 00:00", "2025-01-01 00:00"},
      {"@monthly", "2024-01-15 08:00", "2024-02-01 00:00"}, {"@weekly", "2024-01-01 00:00", "2024-01-07 00:00"},
      {"@daily", "2024-01-01 00:00", "2024-01-02 00:00"},   {"@midnight", "2024-01-01 23:59:59", "2024-01-02 00:00"},
      {"@hourly", "2024-01-01 10:00", "2024-01-01 11:00"},
  };
  for (const auto& c : kCases) ExpectNext(c);
}

TEST(CronExpression, NextAfterReturnsMaxWhenBeyondTheRepresentableRange) {
  auto cron = CronExpression::Parse("0 0 1 1 *");
  ASSERT_TRUE(cron.ok());
  EXPECT_EQ(cron->NextAfter(Utc("2262-01-01 01:00")), TimePoint::max());
  EXPECT_EQ(cron->NextAfter(TimePoint::max()), TimePoint::max());
}

TEST(CronExpression, MatchesIgnoresSeconds) {
  auto cron = CronExpression::Parse("30 8 * * 1-5");
  ASSERT_TRUE(cron.ok());
  EXPECT_TRUE(cron->Matches(Utc("2024-01-05 08:30:45")));  // a Friday
  EXPECT_FALSE(cron->Matches(Utc("2024-01-06 08:30")));    // a Saturday
  EXPECT_FALSE(cron->Matches(Utc("2024-01-05 08:31")));
}

}  // namespace
}  // namespace hub
