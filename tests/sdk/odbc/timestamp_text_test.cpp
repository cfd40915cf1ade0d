// Date/time text: parsed in the forms sources write, shifted back in the same form, rounded down.
#include <chrono>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "hub/odbc/timestamp_text.hpp"

namespace hub::odbc {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

struct Shift {
  const char* name;
  std::string text;
  milliseconds amount;
  std::optional<std::string> expected;
};

class TimestampShift : public ::testing::TestWithParam<Shift> {};

TEST_P(TimestampShift, KeepsTheFormAndNeverEndsLater) {
  EXPECT_EQ(ShiftTimestampText(GetParam().text, GetParam().amount), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TimestampShift,
    ::testing::Values(Shift{"Seconds", "2024-03-01 10:10:00", minutes(5), "2024-03-01 10:05:00"},
                      Shift{"IsoSeparator", "2024-03-01T00:02:00", minutes(5), "2024-02-29T23:57:00"},
                      Shift{"Micros", "2024-03-01 10:10:00.123456", milliseconds(1), "2024-03-01 10:10:00.122456"},
                      Shift{"MillisRoundDown", "2024-03-01 10:10:00.123", milliseconds(0), "2024-03-01 10:10:00.123"},
                      Shift{"NanosKeepDigits", "2024-03-01 10:10:00.123456789", minutes(1),
                            "2024-03-01 10:09:00.123456000"},
                      Shift{"ZoneSuffix", "2024-03-01 10:10:00+08", minutes(5), "2024-03-01 10:05:00+08"},
                      Shift{"ZoneWithColon", "2024-03-01T10:10:00.5+05:30", minutes(10), "2024-03-01T10:00:00.5+05:30"},
                      Shift{"Zulu", "2024-03-01T10:10:00Z", minutes(60), "2024-03-01T09:10:00Z"},
                      Shift{"NoSeconds", "2024-03-01 10:10", milliseconds(30'000), "2024-03-01 10:09"},
                      Shift{"DateRoundsDown", "2024-03-01", minutes(5), "2024-02-29"},
                      Shift{"BeforeTheEpoch", "1969-12-31 23:59:59", milliseconds(500), "1969-12-31 23:59:58"},
                      Shift{"NotADate", "yesterday", minutes(5), std::nullopt},
                      Shift{"ImpossibleDay", "2023-02-29 10:00:00", minutes(5), std::nullopt},
                      Shift{"TrailingText", "2024-03-01 10:10:00 UTC", minutes(5), std::nullopt},
                      Shift{"TooManyDigits", "2024-03-01 10:10:00.1234567890", minutes(5), std::nullopt},
                      Shift{"BeforeYearZero", "0000-01-01 00:01:00", minutes(5), std::nullopt}),
    [](const ::testing::TestParamInfo<Shift>& info) { return info.param.name; });

TEST(TimestampText, InstantAppliesTheZoneOffset) {
  std::optional<TimestampText> local = ParseTimestampText("2024-05-01 16:30:00.123+08");
  ASSERT_TRUE(local.has_value());
  EXPECT_EQ(UnixMs(*local), 1714552200123);
  std::optional<TimestampText> plain = ParseTimestampText(" 2024-05-01 08:30:00.123 ");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(UnixMs(*plain), 1714552200123);
  EXPECT_EQ(UnixMs(*ParseTimestampText("2024-05-01T02:30:00-06:00")), 1714552200000);
}

TEST(TimestampText, FormatsWhatItParsedUnchanged) {
  for (const char* text : {"2024-05-01", "2024-05-01 08:30", "2024-05-01T08:30:00", "2024-05-01 08:30:00.000001",
                           "2024-05-01 08:30:00.1+0800", "9999-12-31 23:59:59.999999"}) {
    std::optional<TimestampText> parsed = ParseTimestampText(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(FormatTimestampText(*parsed), text);
  }
}

}  // namespace
}  // namespace hub::odbc
