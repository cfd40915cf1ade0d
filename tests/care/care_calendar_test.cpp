// The days customer care greets: the local day in a time zone, birthdays on 29 February, gregorian and fixed
// holidays, the Chinese New Year and Mid-Autumn computed by ICU's Chinese calendar (no yearly table), and the
// days a run catches up after downtime.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "care/care_calendar.hpp"
#include "care/care_run.hpp"
#include "care/new_moon.hpp"
#include "care/occasion.hpp"

namespace hub::care {
namespace {

using ::testing::ElementsAre;

Day D(const char* iso) { return ParseIsoDate(iso).value(); }

TimePoint Utc(int year, unsigned month, unsigned day, int hour, int minute) {
  return std::chrono::sys_days(
             std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day))) +
         std::chrono::hours(hour) + std::chrono::minutes(minute);
}

Holiday Chinese(const char* name, int month, int day) {
  Holiday holiday;
  holiday.name = name;
  holiday.calendar = Holiday::Calendar::kChinese;
  holiday.month = month;
  holiday.day = day;
  return holiday;
}

std::vector<std::string> DaysOfYear(const Holiday& holiday, int year) {
  std::vector<std::string> days;
  for (Day day = D((std::to_string(year) + "-01-01").c_str()); YearOf(day) == year; day += std::chrono::days(1)) {
    sdk::Result<bool> falls = HolidayFallsOn(holiday, day);
    EXPECT_TRUE(falls.ok()) << falls.status().ToString();
    if (falls.ok() && *falls) days.push_back(IsoDate(day));
  }
  return days;
}

TEST(CareCalendar, TheLocalDayIsTheDayInTheJobsTimeZone) {
  // 16:30 UTC on 14 March is half past midnight on the 15th in Shanghai (UTC+8).
  EXPECT_EQ(IsoDate(LocalDay(Utc(2027, 3, 14, 16, 30), "Asia/Shanghai").value()), "2027-03-15");
  EXPECT_EQ(IsoDate(LocalDay(Utc(2027, 3, 14, 15, 59), "Asia/Shanghai").value()), "2027-03-14");
  EXPECT_EQ(IsoDate(LocalDay(Utc(2027, 3, 14, 16, 30), "UTC").value()), "2027-03-14");
  // Los Angeles is behind UTC: 03:00 UTC on the 15th is still the 14th there.
  EXPECT_EQ(IsoDate(LocalDay(Utc(2027, 3, 15, 3, 0), "America/Los_Angeles").value()), "2027-03-14");
}

TEST(CareCalendar, AnUnknownTimeZoneIsRefused) {
  EXPECT_FALSE(IsKnownTimeZone("Asia/Atlantis"));
  EXPECT_TRUE(IsKnownTimeZone("Asia/Shanghai"));
  EXPECT_TRUE(IsKnownTimeZone("UTC"));
  sdk::Result<Day> day = LocalDay(Utc(2027, 1, 1, 0, 0), "Asia/Atlantis");
  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.status().message(), "unknown time zone 'Asia/Atlantis'");
}

TEST(CareCalendar, ABirthdayOn29FebruaryIsGreetedOn28FebruaryOfACommonYear) {
  EXPECT_THAT(BirthdayMonthDays(D("2027-02-28")), ElementsAre("02-28", "02-29"));
  EXPECT_THAT(BirthdayMonthDays(D("2028-02-28")), ElementsAre("02-28"));
  EXPECT_THAT(BirthdayMonthDays(D("2028-02-29")), ElementsAre("02-29"));
  EXPECT_THAT(BirthdayMonthDays(D("2027-03-01")), ElementsAre("03-01"));
  EXPECT_THAT(BirthdayMonthDays(D("2027-04-30")), ElementsAre("04-30"));
  EXPECT_THAT(BirthdayMonthDays(D("2027-05-20")), ElementsAre("05-20"));
}

TEST(CareCalendar, AYearlyDayFallsOnTheLastDayOfAShorterMonth) {
  EXPECT_TRUE(MonthDayFallsOn(2, 29, GregorianDay(D("2027-02-28"))));
  EXPECT_FALSE(MonthDayFallsOn(2, 29, GregorianDay(D("2028-02-28"))));
  EXPECT_TRUE(MonthDayFallsOn(2, 29, GregorianDay(D("2028-02-29"))));
  EXPECT_FALSE(MonthDayFallsOn(2, 28, GregorianDay(D("2028-02-29"))));
  EXPECT_FALSE(MonthDayFallsOn(3, 1, GregorianDay(D("2027-02-28"))));
  EXPECT_FALSE(MonthDayFallsOn(1, 1, {1, 1, 29, true})) << "never in an intercalary month";
}

TEST(CareCalendar, TheChineseNewYearIsComputedForEveryYear) {
  // 春节 as the Purple Mountain Observatory publishes it; 2027's new moon is at 23:56 in China.
  const std::pair<int, const char*> kNewYears[] = {
      {2020, "2020-01-25"}, {2021, "2021-02-12"}, {2022, "2022-02-01"}, {2023, "2023-01-22"}, {2024, "2024-02-10"},
      {2025, "2025-01-29"}, {2026, "2026-02-17"}, {2027, "2027-02-06"}, {2028, "2028-01-26"}, {2029, "2029-02-13"},
      {2030, "2030-02-03"}, {2031, "2031-01-23"}, {2032, "2032-02-11"}, {2033, "2033-01-31"}, {2034, "2034-02-19"},
      {2035, "2035-02-08"}, {2036, "2036-01-28"}, {2037, "2037-02-15"}, {2038, "2038-02-04"}, {2039, "2039-01-24"},
      {2040, "2040-02-12"}};
  const Holiday spring_festival = Chinese("spring_festival", 1, 1);
  for (const auto& [year, day] : kNewYears) EXPECT_THAT(DaysOfYear(spring_festival, year), ElementsAre(day));
}

TEST(CareCalendar, ANewMoonIsComputedToTheMinute) {
  // Meeus' example 49.a: the new moon of February 1977 (k = -283) at JDE 2443192.65118.
  EXPECT_NEAR(NewMoonJde(-283), 2443192.65118, 0.00001);
  // The moon was new at 15:56 UTC on 6 February 2027: 23:56 in China, which is that day.
  EXPECT_EQ(IsoDate(ChinaNewMoonDay(D("2027-02-07"))), "2027-02-06");
  EXPECT_EQ(IsoDate(ChinaNewMoonDay(D("2027-02-01"))), "2027-02-06");
}

TEST(CareCalendar, TheDaysAroundAMonthStartAreNumberedFromTheNewMoon) {
  const CalendarDay eve = ChineseDay(D("2027-02-05")).value();
  EXPECT_EQ(eve.month, 12);
  EXPECT_EQ(eve.day, eve.days_in_month) << "除夕 is the last day of the twelfth month";
  const CalendarDay first = ChineseDay(D("2027-02-06")).value();
  EXPECT_EQ(first.month, 1);
  EXPECT_EQ(first.day, 1);
  const CalendarDay second = ChineseDay(D("2027-02-07")).value();
  EXPECT_EQ(second.month, 1);
  EXPECT_EQ(second.day, 2);
  EXPECT_EQ(second.days_in_month, first.days_in_month);
}

TEST(CareCalendar, TheMidAutumnFestivalIsTheFifteenthOfTheEighthLunarMonth) {
  const Holiday mid_autumn = Chinese("mid_autumn", 8, 15);
  EXPECT_THAT(DaysOfYear(mid_autumn, 2024), ElementsAre("2024-09-17"));
  EXPECT_THAT(DaysOfYear(mid_autumn, 2025), ElementsAre("2025-10-06"));
  EXPECT_THAT(DaysOfYear(mid_autumn, 2026), ElementsAre("2026-09-25"));
  EXPECT_THAT(DaysOfYear(mid_autumn, 2027), ElementsAre("2027-09-15"));
  EXPECT_THAT(DaysOfYear(mid_autumn, 2028), ElementsAre("2028-10-03"));
}

TEST(CareCalendar, GregorianAndFixedHolidays) {
  Holiday new_year;
  new_year.name = "new_year";
  new_year.month = 1;
  new_year.day = 1;
  EXPECT_THAT(DaysOfYear(new_year, 2027), ElementsAre("2027-01-01"));
  Holiday anniversary;
  anniversary.name = "anniversary";
  anniversary.date = D("2027-10-01");
  EXPECT_THAT(DaysOfYear(anniversary, 2027), ElementsAre("2027-10-01"));
  EXPECT_THAT(DaysOfYear(anniversary, 2028), ElementsAre());
}

TEST(CareCalendar, ARunCatchesUpTheDaysSinceItsLastUpToAWeek) {
  EXPECT_THAT(DaysToGreet(std::nullopt, D("2027-02-06")), ElementsAre(D("2027-02-06")));
  EXPECT_THAT(DaysToGreet(D("2027-02-06"), D("2027-02-06")), ElementsAre(D("2027-02-06")));
  EXPECT_THAT(DaysToGreet(D("2027-02-05"), D("2027-02-06")), ElementsAre(D("2027-02-06")));
  EXPECT_THAT(DaysToGreet(D("2027-02-03"), D("2027-02-06")),
              ElementsAre(D("2027-02-04"), D("2027-02-05"), D("2027-02-06")));
  std::vector<Day> long_downtime = DaysToGreet(D("2027-01-01"), D("2027-02-06"));
  ASSERT_EQ(long_downtime.size(), static_cast<std::size_t>(kMaxCatchUpDays));
  EXPECT_EQ(long_downtime.front(), D("2027-01-31"));
  EXPECT_EQ(long_downtime.back(), D("2027-02-06"));
}

}  // namespace
}  // namespace hub::care
