// The byte level: UTF-8 validation, line splitting, and the stored fixtures under tests/data/file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file_test_support.hpp"
#include "hub/files/input_file.hpp"
#include "hub/files/line_reader.hpp"
#include "hub/files/utf8.hpp"

namespace hub::file {
namespace {

using namespace ::hub::files;  // the SDK's file helpers these tests cover through the file connector

using testing::TempDir;
using Table = std::vector<std::vector<std::string>>;

struct Utf8Case {
  std::string bytes;
  std::size_t valid_prefix;
  bool cut;
};

TEST(Utf8Validation, AcceptsWellFormedAndStopsAtTheFirstIllFormedSequence) {
  const std::vector<Utf8Case> cases = {
      {"plain ascii text longer than eight", 34, false},
      {"é中😀", 9, false},
      {"a\xC0\x80", 1, false},          // overlong NUL
      {"a\xE0\x80\x80", 1, false},      // overlong three-byte form
      {"a\xED\xA0\x80", 1, false},      // surrogate
      {"a\xF4\x90\x80\x80", 1, false},  // above U+10FFFF
      {"a\xF5\x80", 1, false},
      {"ab\x80", 2, false},     // continuation without lead
      {"ab\xE4\xB8", 2, true},  // cut at the end
      {"ab\xF0\x9F\x98", 2, true},
      {"ab\xE4"
       "x",
       2, false},
  };
  for (const Utf8Case& test : cases) {
    bool cut = false;
    EXPECT_EQ(ValidUtf8Prefix(test.bytes, &cut), test.valid_prefix) << test.bytes;
    EXPECT_EQ(cut, test.cut) << test.bytes;
  }
}

std::vector<std::string> Lines(const std::filesystem::path& path, const std::string& line_break, std::size_t buffer) {
  auto file = InputFile::Open(path);
  EXPECT_TRUE(file.ok());
  LineReader reader(*file, line_break, buffer, 1 << 20, true);
  std::vector<std::string> lines;
  RawLine line;
  for (auto more = reader.Next(&line); more.ok() && *more; more = reader.Next(&line)) lines.emplace_back(line.bytes);
  return lines;
}

TEST(LineReading, SplitsAtLineBreaksWhateverTheBufferSize) {
  TempDir dir;
  const auto path = dir.Write("t", "first\nsecond line\r\n\nlast without break");
  for (std::size_t buffer : {1, 4, 5, 6, 64}) {
    EXPECT_EQ(Lines(path, "\n", buffer),
              (std::vector<std::string>{"first\n", "second line\r\n", "\n", "last without break"}))
        << "buffer " << buffer;
  }
}

TEST(LineReading, LastLineWithoutBreakWaitsUnlessTheFileIsComplete) {
  TempDir dir;
  auto file = InputFile::Open(dir.Write("t", "first\nsecond, cut mid-fie"));
  ASSERT_TRUE(file.ok());
  for (std::size_t buffer : {1, 4, 64}) {
    LineReader reader(*file, "\n", buffer, 1 << 20, false);
    RawLine line;
    ASSERT_TRUE(*reader.Next(&line));
    EXPECT_EQ(line.bytes, "first\n");
    EXPECT_FALSE(*reader.Next(&line)) << "buffer " << buffer;
    EXPECT_FALSE(*reader.Next(&line));
    EXPECT_EQ(reader.position().offset, 6u) << "the position stays before the line being written";
    EXPECT_EQ(reader.position().next_line, 2u);
  }
}

TEST(LineReading, ReadsOnlyTheBytesTheFileHadWhenOpened) {
  TempDir dir;
  const auto path = dir.Write("t", "a\nb\n");
  auto file = InputFile::Open(path);
  ASSERT_TRUE(file.ok());
  dir.Write("t", "a\nb\nc, appended after the open");
  LineReader reader(*file, "\n", 64, 1 << 20, true);
  RawLine line;
  ASSERT_TRUE(*reader.Next(&line));
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_EQ(line.bytes, "b\n");
  EXPECT_FALSE(*reader.Next(&line)) << "the size and times seen at open describe only these bytes";
}

TEST(LineReading, Utf16CodeUnitsHoldingByte0AAreNotLineBreaks) {
  TempDir dir;
  // U+0A41 is 41 0A and U+010A is 0A 01 in UTF-16LE: neither is "\n" (0A 00) at a code-unit boundary.
  const std::string text = testing::Encode("\u0A41\u010A\nb\n", "UTF-16LE");
  const auto path = dir.Write("t", text);
  for (std::size_t buffer : {4, 8, 64}) {
    const std::vector<std::string> lines = Lines(path, std::string("\n\0", 2), buffer);
    ASSERT_EQ(lines.size(), 2u) << "buffer " << buffer;
    EXPECT_EQ(lines[0], text.substr(0, 6));
  }
}

TEST(LineReading, ReportsOffsetsLineNumbersAndTruncation) {
  TempDir dir;
  auto file = InputFile::Open(dir.Write("t", "ab\n" + std::string(10, 'x') + "\nc"));
  ASSERT_TRUE(file.ok());
  LineReader reader(*file, "\n", 4, 5, true);
  RawLine line;
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_EQ(line.end, (LineEnd{3, 2, 3, Fingerprint::Of("ab\n")}));
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_TRUE(line.truncated);
  EXPECT_EQ(line.bytes, "xxxxx");
  EXPECT_EQ(line.end.offset, 14u);
  EXPECT_EQ(line.end.line_hash, Fingerprint::Of(std::string(10, 'x') + "\n"));
  ASSERT_TRUE(*reader.Next(&line));
  EXPECT_EQ(line.bytes, "c");
  EXPECT_EQ(line.number, 3u);
  EXPECT_FALSE(*reader.Next(&line));
}

TEST(StoredFixtures, ReadAsExpected) {
  const std::string data = std::string(HUB_SOURCE_DIR) + "/tests/data/file/";
  struct Fixture {
    const char* name;
    Table rows;
  };
  const std::vector<Fixture> fixtures = {
      {"rfc4180.csv",
       {{"1", "Acme, Inc.", "said \"hello\"", "10"}, {"2", "Beta", "two\r\nlines", ""}, {"3", "", "", "30"}}},
      {"gbk_customers.csv", {{"C001", "上海华腾贸易有限公司", "上海"}, {"C002", "深圳市鹏程电子科技有限公司", "深圳"}}},
      {"utf16le_bom.tsv", {{"code", "Zürich 上海"}}},
  };
  for (const Fixture& fixture : fixtures) {
    FileOptions options = testing::OptionsFor(data + fixture.name);
    options.completeness.declared_final = true;  // rfc4180.csv ends without a line break
    auto records = testing::ReadAll(options);
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    EXPECT_EQ(testing::Rows(*records), fixture.rows) << fixture.name;
  }
}

}  // namespace
}  // namespace hub::file
