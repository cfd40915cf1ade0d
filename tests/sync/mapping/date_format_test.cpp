// Date patterns: what each directive reads, invalid dates refused, pattern errors named.
#include "sync/mapping/date_format.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::sync::mapping {
namespace {

using ::testing::HasSubstr;

struct MatchCase {
  const char* name;
  const char* pattern;
  std::string text;
  std::optional<std::string> iso_date;  // nullopt: no match
};

void PrintTo(const MatchCase& c, std::ostream* out) { *out << c.name; }

class DateFormatMatch : public ::testing::TestWithParam<MatchCase> {};

TEST_P(DateFormatMatch, ReadsTheDateOrRefusesIt) {
  auto format = DateFormat::Parse(GetParam().pattern);
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  std::optional<CivilTime> time = format->Match(GetParam().text);
  if (!GetParam().iso_date) {
    EXPECT_FALSE(time.has_value()) << FormatIsoDate(*time);
    return;
  }
  ASSERT_TRUE(time.has_value());
  EXPECT_EQ(FormatIsoDate(*time), *GetParam().iso_date);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateFormatMatch,
    ::testing::Values(MatchCase{"Chinese", "%Y年%m月%d日", "2023年03月05日", "2023-03-05"},
                      MatchCase{"ChineseOneDigitMonthAndDay", "%Y年%m月%d日", "2023年3月5日", "2023-03-05"},
                      MatchCase{"Iso", "%Y-%m-%d", "2023-12-31", "2023-12-31"},
                      MatchCase{"Compact", "%Y%m%d", "20230105", "2023-01-05"},
                      MatchCase{"CompactTooShort", "%Y%m%d", "2023015", std::nullopt},
                      MatchCase{"Slashes", "%d/%m/%Y", "5/1/2023", "2023-01-05"},
                      MatchCase{"EnglishMonthAbbreviation", "%d-%b-%Y", "05-mar-2023", "2023-03-05"},
                      MatchCase{"EnglishMonthName", "%b %d, %Y", "September  9, 2024", "2024-09-09"},
                      MatchCase{"WithTimeAndFraction", "%Y-%m-%d %H:%M:%S", "2023-01-05 14:30:59.250", "2023-01-05"},
                      MatchCase{"LeapDay", "%Y-%m-%d", "2024-02-29", "2024-02-29"},
                      MatchCase{"NotALeapYear", "%Y-%m-%d", "2023-02-29", std::nullopt},
                      MatchCase{"Month13", "%Y-%m-%d", "2023-13-01", std::nullopt},
                      MatchCase{"Day32", "%Y-%m-%d", "2023-01-32", std::nullopt},
                      MatchCase{"DayZero", "%Y-%m-%d", "2023-01-00", std::nullopt},
                      MatchCase{"Hour24", "%Y-%m-%d %H:%M", "2023-01-01 24:00", std::nullopt},
                      MatchCase{"TrailingText", "%Y-%m-%d", "2023-01-05x", std::nullopt},
                      MatchCase{"OtherSeparator", "%Y-%m-%d", "2023/01/05", std::nullopt},
                      MatchCase{"TwoDigitYear", "%Y-%m-%d", "23-01-05", std::nullopt},
                      MatchCase{"Empty", "%Y-%m-%d", "", std::nullopt},
                      MatchCase{"LiteralPercent", "%Y-%m-%d%%", "2023-01-05%", "2023-01-05"}),
    [](const ::testing::TestParamInfo<MatchCase>& info) { return std::string(info.param.name); });

TEST(DateFormat, ReadsTimesAndOffsetsIntoUnixMilliseconds) {
  auto format = DateFormat::Parse("%Y-%m-%dT%H:%M:%S%z");
  ASSERT_TRUE(format.ok());
  auto utc = format->Match("2023-01-05T14:30:00Z");
  ASSERT_TRUE(utc.has_value());
  EXPECT_EQ(ToUnixMillis(*utc), 1672929000000);
  auto shanghai = format->Match("2023-01-05T22:30:00+08:00");
  ASSERT_TRUE(shanghai.has_value());
  EXPECT_EQ(ToUnixMillis(*shanghai), 1672929000000);
  auto compact = format->Match("2023-01-05T09:30:00.5-0500");
  ASSERT_TRUE(compact.has_value());
  EXPECT_EQ(ToUnixMillis(*compact), 1672929000500);
}

TEST(DateFormat, ConvertsUnixMillisecondsBackToTheCivilTime) {
  for (std::int64_t millis : {std::int64_t{0}, std::int64_t{1672929000123}, std::int64_t{-86'400'001},
                              std::int64_t{951782400000} /* 2000-02-29 */}) {
    EXPECT_EQ(ToUnixMillis(FromUnixMillis(millis)), millis);
  }
  CivilTime before_epoch = FromUnixMillis(-1);
  EXPECT_EQ(FormatIsoDate(before_epoch), "1969-12-31");
  EXPECT_EQ(before_epoch.hour, 23);
  EXPECT_EQ(before_epoch.millisecond, 999);
}

struct PatternErrorCase {
  const char* pattern;
  const char* message_part;
};

class DateFormatPatternErrors : public ::testing::TestWithParam<PatternErrorCase> {};

TEST_P(DateFormatPatternErrors, NameThePatternAndTheProblem) {
  auto format = DateFormat::Parse(GetParam().pattern);
  ASSERT_FALSE(format.ok());
  EXPECT_THAT(format.status().message(), HasSubstr("date format '" + std::string(GetParam().pattern) + "'"));
  EXPECT_THAT(format.status().message(), HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateFormatPatternErrors,
    ::testing::Values(PatternErrorCase{"%Y-%m-%Q", "unknown directive '%Q'; known: %Y %m %b %d %H %M %S %z %%"},
                      PatternErrorCase{"%Y-%m-%d %", "unknown directive '%'"},
                      PatternErrorCase{"%Y-%m", "needs the year (%Y), the month (%m or %b) and the day (%d)"},
                      PatternErrorCase{"%d.%m.%Y %Y", "gives the year twice"},
                      PatternErrorCase{"%d %b %m %Y", "gives the month twice"}));

}  // namespace
}  // namespace hub::sync::mapping
