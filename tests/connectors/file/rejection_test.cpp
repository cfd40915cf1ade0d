// Bad rows are returned with a reason naming file and line, and their raw text; they never stop a read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file_test_support.hpp"

namespace hub::file {
namespace {

using testing::Encode;
using testing::OptionsFor;
using testing::ReadAll;
using testing::TempDir;
using namespace std::string_literals;  // fixtures holding NUL bytes

struct RejectionCase {
  const char* name;
  const char* file_name;
  std::string bytes;
  std::string encoding;
  std::string id_field;
  std::string rejection;  // the one rejected record's reason
  std::string raw;        // and its raw field
  std::size_t good;       // how many records around it are read fine
};

class Rejections : public ::testing::TestWithParam<RejectionCase> {};

TEST_P(Rejections, NameFileLineAndReasonKeepRawTextAndGoOn) {
  const RejectionCase& test = GetParam();
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write(test.file_name, test.bytes));
  if (!test.encoding.empty()) options.encoding = test.encoding;
  options.id_field = test.id_field;
  options.completeness.declared_final = true;  // written whole: a quote open at its end never closes
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(testing::Rejections(*records), std::vector<std::string>{test.rejection});
  std::size_t good = 0;
  for (const sdk::Record& record : *records) {
    if (record.rejection.empty()) {
      ++good;
      continue;
    }
    EXPECT_EQ(testing::Names(record), std::vector<std::string>{"raw"});
    EXPECT_EQ(testing::Text(record, "raw"), test.raw);
    EXPECT_EQ(test.rejection.rfind(record.position + ": ", 0), 0u) << record.position;
  }
  EXPECT_EQ(good, test.good);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Rejections,
    ::testing::Values(
        RejectionCase{"TooManyColumns", "customers.csv", "a,b\n1,2\n1,2,3\n4,5\n", "", "",
                      "customers.csv:3: 3 columns, header has 2", "1,2,3", 2},
        RejectionCase{"TooFewColumns", "c.csv", "a,b\n1\n4,5\n", "", "", "c.csv:2: 1 column, header has 2", "1", 1},
        RejectionCase{"QuoteOpenAtEndRejectsOnlyItsFirstLine", "c.csv", "a,b\n1,\"x\n2,y\n", "", "",
                      "c.csv:2: quoted field is not closed before the end of the file", "1,\"x", 1},
        RejectionCase{"InvalidUtf8Bytes", "c.csv", "a,b\n1,x\xFFy\n2,z\n", "utf-8", "",
                      "c.csv:2: invalid utf-8 byte 0xFF at byte 4 of the line", "1,x\\xFFy", 1},
        RejectionCase{"CutUtf8Sequence", "c.csv", "a,b\n1,x\xE4\xB8\n2,z\n", "utf-8", "",
                      "c.csv:2: invalid utf-8 bytes 0xE4 0xB8 at byte 4 of the line", "1,x\\xE4\\xB8", 1},
        RejectionCase{"InvalidBytesOnALaterLineOfARecord", "c.csv", "a,b\n1,\"x\n\xFF\"\n2,z\n", "utf-8", "",
                      "c.csv:2: line 3: invalid utf-8 byte 0xFF at byte 1 of the line", "1,\"x\n\\xFF\"", 1},
        RejectionCase{"NulByte", "c.csv", "a,b\n1,x\0y\n2,z\n"s, "", "", "c.csv:2: NUL byte at byte 4 of the line",
                      "1,x\\x00y", 1},
        RejectionCase{"NulByteWithTheEncodingSet", "c.csv", "a,b\n1,x\0y\n2,z\n"s, "gbk", "",
                      "c.csv:2: NUL byte at byte 4 of the line", "1,x\\x00y", 1},
        RejectionCase{"NulCharacterInUtf16", "c.csv",
                      "\xFF\xFE" + Encode("a,b\n1,x", "UTF-16LE") + "\0\0"s + Encode("y\n2,z\n", "UTF-16LE"), "", "",
                      "c.csv:2: NUL character at byte 7 of the line", "1,x\\x00y", 1},
        RejectionCase{"NulByteInJson", "w.jsonl", "{\"a\":1}\n{\"a\":\"\0\"}\n"s, "", "",
                      "w.jsonl:2: NUL byte at byte 7 of the line", "{\"a\":\"\\x00\"}", 1},
        RejectionCase{"EmptyIdField", "c.csv", "id,name\n1,Ann\n,Bob\n", "", "id", "c.csv:3: id_field 'id' is empty",
                      ",Bob", 1},
        RejectionCase{"JsonThatDoesNotParse", "w.jsonl", "{\"a\":1}\n{\"a\":\n{\"a\":2}\n", "", "",
                      "w.jsonl:2: not valid JSON: incomplete JSON", "{\"a\":", 2},
        RejectionCase{"JsonThatIsNotAnObject", "w.jsonl", "[1,2]\n{\"a\":2}\n", "", "",
                      "w.jsonl:1: a JSON line must hold an object, not an array", "[1,2]", 1},
        RejectionCase{"JsonMissingId", "w.jsonl", "{\"id\":1}\n{\"name\":\"x\"}\n", "", "id",
                      "w.jsonl:2: id_field 'id' is empty", "{\"name\":\"x\"}", 1},
        RejectionCase{"JsonIdOfWrongType", "w.jsonl", "{\"id\":true}\n{\"id\":\"x\"}\n", "", "id",
                      "w.jsonl:1: id_field 'id' is not a string or an integer", "{\"id\":true}", 1}),
    [](const ::testing::TestParamInfo<RejectionCase>& info) { return info.param.name; });

TEST(RejectionLimits, LineLongerThanTheLimitIsRejectedAndReadingGoesOn) {
  TempDir dir;
  const std::string long_line(5000, 'x');
  FileOptions options = OptionsFor(dir.Write("c.csv", "a\n" + long_line + "\nshort\n"));
  auto records = ReadAll(options, 1000, ReaderLimits{64, 4096});
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].rejection, "c.csv:2: line is longer than 4096 bytes");
  EXPECT_EQ(testing::Text((*records)[0], "raw"), long_line.substr(0, 4096));
  EXPECT_EQ(testing::Text((*records)[1], "a"), "short");
}

TEST(RejectionLimits, RecordLongerThanTheLimitRejectsItsFirstLineAndReadingGoesOn) {
  TempDir dir;
  std::string bytes = "a,b\n1,\"open\n";
  for (int i = 0; i < 100; ++i) bytes += std::string(60, 'y') + ",z\n";
  FileOptions options = OptionsFor(dir.Write("c.csv", bytes));
  auto records = ReadAll(options, 1000, ReaderLimits{64, 4096});
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 101u);
  EXPECT_EQ((*records)[0].rejection, "c.csv:2: record is longer than 4096 bytes (a quote left open?)");
  EXPECT_EQ(testing::Text((*records)[0], "raw"), "1,\"open");
  EXPECT_EQ((*records)[1].position, "c.csv:3");
  EXPECT_EQ(testing::Text((*records)[1], "b"), "z");
}

TEST(RejectionLimits, WithoutSkippingAnEmptyLineIsARecord) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("c.csv", "a,b\n\n1,2\n"));
  options.skip_empty_lines = false;
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Rejections(*records), std::vector<std::string>{"c.csv:2: 1 column, header has 2"});
}

}  // namespace
}  // namespace hub::file
