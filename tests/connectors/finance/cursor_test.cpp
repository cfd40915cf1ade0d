// The finance connector's cursor text: it round-trips (every part, with text that JSON must escape), and
// text it did not make is refused.
#include <string>

#include <gtest/gtest.h>

#include "finance/finance_cursor.hpp"

namespace hub::finance {
namespace {

TEST(FinanceCursor, RoundTripsEveryStreamsPosition) {
  FinanceCursor cursor;
  cursor.stream = "invoices";
  cursor.streams["partners"] = odbc::IncrementalCursor{
      odbc::IncrementalCursor::Phase::kStart, odbc::KeyPosition{"2026-11-02 09:07:00", sdk::Value::Int64(18)}, 0};
  cursor.streams["invoices"] = odbc::IncrementalCursor{
      odbc::IncrementalCursor::Phase::kPage, odbc::KeyPosition{"2026-11-13 10:01:00.25", sdk::Value::Int64(102)}, 0};
  const std::string text = EncodeFinanceCursor(cursor);
  EXPECT_EQ(text,
            R"({"v":1,"stream":"invoices","streams":{"invoices":{"v":1,"phase":"page","ts":"2026-11-13 10:01:00.25",)"
            R"("id":102},"partners":{"v":1,"phase":"start","ts":"2026-11-02 09:07:00","id":18}}})");
  sdk::Result<FinanceCursor> decoded = DecodeFinanceCursor(text);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, cursor);
  EXPECT_EQ(EncodeFinanceCursor(FinanceCursor{}), "");
  EXPECT_EQ(*DecodeFinanceCursor(""), FinanceCursor{});
}

TEST(FinanceCursor, RoundTripsASweepAFolderAndTextThatNeedsEscaping) {
  FinanceCursor cursor;
  cursor.stream = "part\"ners\\";
  cursor.folder = "ubl1:{\"file\":\"发票 \\ 1.xml\"}\n";
  cursor.in_folder = true;
  cursor.last_sweep_at = 1796221684885;
  cursor.streams["part\"ners\\"] = odbc::IncrementalCursor{
      odbc::IncrementalCursor::Phase::kPage, odbc::KeyPosition{"2026-11-02 09:07:00", sdk::Value::String("P\"7")}, 0};
  cursor.streams["empty"] = odbc::IncrementalCursor{};  // nothing read yet: left out of the text
  cursor.sweep = SweepPosition{
      "1796221684885", "invoices",
      odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kPage, odbc::KeyPosition{"", sdk::Value::Int64(41)}, 0}};
  sdk::Result<FinanceCursor> decoded = DecodeFinanceCursor(EncodeFinanceCursor(cursor));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  cursor.streams.erase("empty");
  EXPECT_EQ(*decoded, cursor);
}

TEST(FinanceCursor, RefusesTextItDidNotMake) {
  for (const char* text : {R"({"v":1,"phase":"start","ts":"","id":1})", R"({"v":2,"stream":"","streams":{}})",
                           R"({"v":1,"stream":"invoices","streams":{"invoices":"x"}})",
                           R"({"v":1,"stream":"invoices","streams":{"invoices":{"v":1,"phase":"later"}}})", "[]"}) {
    sdk::Result<FinanceCursor> decoded = DecodeFinanceCursor(text);
    ASSERT_FALSE(decoded.ok()) << text;
    EXPECT_EQ(decoded.status().message(),
              std::string("not a cursor of the finance connector (reset the job's checkpoint): ") + text);
  }
}

}  // namespace
}  // namespace hub::finance
