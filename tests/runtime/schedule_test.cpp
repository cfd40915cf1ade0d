#include "runtime/schedule.hpp"

#include <gtest/gtest.h>

#include "utc_time.hpp"

namespace hub {
namespace {

using std::chrono::milliseconds;
using testing::Utc;

TEST(Schedule, IntervalRunsOneIntervalAfterTheGivenTime) {
  auto every = Schedule::Every(std::chrono::minutes(5));
  ASSERT_TRUE(every.ok());
  EXPECT_EQ(every->kind(), Schedule::Kind::kInterval);
  EXPECT_EQ(every->Next(Utc("2024-01-01 10:02:30")), Utc("2024-01-01 10:07:30"));
}

TEST(Schedule, IntervalRejectsZeroAndNegative) {
  for (milliseconds interval : {milliseconds(0), milliseconds(-5)}) {
    auto every = Schedule::Every(interval);
    ASSERT_FALSE(every.ok());
    EXPECT_EQ(every.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_NE(every.status().message().find("interval must be positive"), std::string::npos);
  }
}

TEST(Schedule, IntervalNearTheEndOfTimeHasNoNextRun) {
  auto every = Schedule::Every(std::chrono::hours(1));
  ASSERT_TRUE(every.ok());
  EXPECT_EQ(every->Next(TimePoint::max() - std::chrono::minutes(1)), std::nullopt);
}

TEST(Schedule, CronUsesTheExpression) {
  auto cron = Schedule::ParseCron("*/5 * * * *");
  ASSERT_TRUE(cron.ok());
  EXPECT_EQ(cron->kind(), Schedule::Kind::kCron);
  EXPECT_EQ(cron->Next(Utc("2024-01-01 10:02:30")), Utc("2024-01-01 10:05"));
}

TEST(Schedule, CronParseErrorsPassThrough) {
  auto cron = Schedule::ParseCron("61 * * * *");
  ASSERT_FALSE(cron.ok());
  EXPECT_EQ(cron.status().message(), "cron '61 * * * *': minute 61 is out of range 0-59");
}

TEST(Schedule, ManualNeverRunsByItself) {
  const Schedule manual = Schedule::Manual();
  EXPECT_EQ(manual.kind(), Schedule::Kind::kManual);
  EXPECT_EQ(manual.Next(Utc("2024-01-01 00:00")), std::nullopt);
}

TEST(Schedule, DescribesItselfForOperators) {
  struct Case {
    milliseconds interval;
    const char* description;
  };
  const Case kIntervals[] = {{std::chrono::hours(48), "every 2d"},
                             {std::chrono::hours(3), "every 3h"},
                             {std::chrono::minutes(5), "every 5m"},
                             {std::chrono::seconds(90), "every 90s"},
                             {milliseconds(1500), "every 1500ms"}};
  for (const auto& [interval, description] : kIntervals) {
    auto every = Schedule::Every(interval);
    ASSERT_TRUE(every.ok());
    EXPECT_EQ(every->Describe(), description);
  }
  auto cron = Schedule::ParseCron("@daily");
  ASSERT_TRUE(cron.ok());
  EXPECT_EQ(cron->Describe(), "cron '@daily'");
  EXPECT_EQ(Schedule::Manual().Describe(), "manual");
}

}  // namespace
}  // namespace hub
