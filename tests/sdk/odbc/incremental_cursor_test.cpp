// The cursor's text form: every kind round-trips, anything else is refused.
#include <string>

#include <gtest/gtest.h>

#include "hub/odbc/incremental_cursor.hpp"

namespace hub::odbc {
namespace {

TEST(IncrementalCursor, EveryKindRoundTrips) {
  const IncrementalCursor cursors[] = {
      IncrementalCursor{},
      IncrementalCursor{IncrementalCursor::Phase::kStart, std::nullopt, 1000},
      IncrementalCursor{IncrementalCursor::Phase::kStart,
                        KeyPosition{"2024-05-01 08:30:00.123456", sdk::Value::Int64(42)}, 0},
      IncrementalCursor{IncrementalCursor::Phase::kPage,
                        KeyPosition{"2024-05-01T08:30:00+08", sdk::Value::String("C-\"7\"|;")}, 0},
      IncrementalCursor{IncrementalCursor::Phase::kPage, KeyPosition{"", sdk::Value::Decimal("12345678901234567890")},
                        0},
      IncrementalCursor{IncrementalCursor::Phase::kPage, KeyPosition{"", sdk::Value::String("深圳")}, 0},
  };
  for (const IncrementalCursor& cursor : cursors) {
    const std::string text = EncodeCursor(cursor);
    sdk::Result<IncrementalCursor> decoded = DecodeCursor(text);
    ASSERT_TRUE(decoded.ok()) << text << ": " << decoded.status().ToString();
    EXPECT_EQ(*decoded, cursor) << text;
  }
}

TEST(IncrementalCursor, TextSaysWhetherARunStartsOrContinues) {
  EXPECT_EQ(EncodeCursor(IncrementalCursor{}), "");
  EXPECT_EQ(EncodeCursor(IncrementalCursor{IncrementalCursor::Phase::kStart,
                                           KeyPosition{"2024-05-01", sdk::Value::Int64(7)}, 0}),
            R"({"v":1,"phase":"start","ts":"2024-05-01","id":7})");
  EXPECT_EQ(
      EncodeCursor(IncrementalCursor{IncrementalCursor::Phase::kPage, KeyPosition{"", sdk::Value::Decimal("9")}, 0}),
      R"({"v":1,"phase":"page","ts":"","id":{"decimal":"9"}})");
  EXPECT_EQ(EncodeCursor(IncrementalCursor{IncrementalCursor::Phase::kStart, std::nullopt, 30}),
            R"({"v":1,"rows":30})");
}

TEST(IncrementalCursor, RefusesTextItDidNotMake) {
  for (const char* text : {"file1|0|1|0|0|0|0|utf-8|a.csv", "{}", R"({"v":2,"rows":3})", R"({"v":1,"rows":-1})",
                           R"({"v":1,"phase":"later","ts":"","id":1})", R"({"v":1,"phase":"page","ts":"","id":true})",
                           R"({"v":1,"phase":"page","id":1})", "[1,2]"}) {
    sdk::Result<IncrementalCursor> decoded = DecodeCursor(text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_EQ(decoded.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_EQ(decoded.status().message(),
              std::string("not a cursor of an incremental ODBC query (reset the job's checkpoint): ") + text);
  }
}

}  // namespace
}  // namespace hub::odbc
