// Dates as Chinese HR exports write them, and today's date in a zone.
#include <gtest/gtest.h>

#include <chrono>

#include "hr/hr_dates.hpp"

namespace hub::hr {
namespace {

TEST(HrDates, ReadsTheFormsChineseExportsWrite) {
  EXPECT_EQ(IsoDate("2023年3月15日"), "2023-03-15");
  EXPECT_EQ(IsoDate("2023年03月05"), "2023-03-05");
  EXPECT_EQ(IsoDate("2023/3/15"), "2023-03-15");
  EXPECT_EQ(IsoDate("2023-03-15"), "2023-03-15");
  EXPECT_EQ(IsoDate("2023.3.5"), "2023-03-05");
  EXPECT_EQ(IsoDate(" 2023/3/15 0:00:00 "), "2023-03-15");
  EXPECT_EQ(IsoDate("\u30002024年2月29日\u3000"), "2024-02-29");
}

TEST(HrDates, RefusesWhatIsNoDate) {
  EXPECT_EQ(IsoDate(""), std::nullopt);
  EXPECT_EQ(IsoDate("2023年13月1日"), std::nullopt);
  EXPECT_EQ(IsoDate("2023年2月29日"), std::nullopt);
  EXPECT_EQ(IsoDate("2023/3-15"), std::nullopt);
  EXPECT_EQ(IsoDate("23/3/15"), std::nullopt);
  EXPECT_EQ(IsoDate("2023/3/15x"), std::nullopt);
  EXPECT_EQ(IsoDate("三月十五日"), std::nullopt);
}

TEST(HrDates, TodayIsTheDayInTheGivenZone) {
  using namespace std::chrono;
  const system_clock::time_point late_evening_utc = sys_days(year(2026) / November / 30) + hours(20);
  EXPECT_EQ(IsoDay(late_evening_utc, minutes(0)), "2026-11-30");
  EXPECT_EQ(IsoDay(late_evening_utc, hours(8)), "2026-12-01");
}

}  // namespace
}  // namespace hub::hr
