// Offsets from UTC as the hr and call_center connectors' utc_offset options give them.
#include <gtest/gtest.h>

#include <chrono>

#include "hub/files/utc_offset.hpp"

namespace hub::files {
namespace {

TEST(UtcOffset, ReadsSignedHoursWithOrWithoutMinutes) {
  EXPECT_EQ(ParseUtcOffset("+08:00"), std::chrono::hours(8));
  EXPECT_EQ(ParseUtcOffset("-05:30"), -std::chrono::minutes(330));
  EXPECT_EQ(ParseUtcOffset("+8"), std::chrono::hours(8));
  EXPECT_EQ(ParseUtcOffset("0"), std::chrono::minutes(0));
  EXPECT_EQ(ParseUtcOffset("14:00"), std::chrono::hours(14));
}

TEST(UtcOffset, RefusesWhatIsNoOffset) {
  for (const char* text : {"", "+", "Asia/Shanghai", "+15:00", "+08:60", "+08:00Z", "08-00"}) {
    EXPECT_FALSE(ParseUtcOffset(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace hub::files
