// Encodings: GBK/GB18030 and friends decode to the right UTF-8, auto-detection, byte-order marks, and
// characters cut in two by the read buffer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file_test_support.hpp"
#include "hub/files/encoding.hpp"
#include "hub/files/input_file.hpp"

namespace hub::file {
namespace {

using namespace ::hub::files;  // the SDK's file helpers these tests cover through the file connector

using testing::Encode;
using testing::OptionsFor;
using testing::ReadAll;
using testing::Rows;
using testing::TempDir;
using Table = std::vector<std::vector<std::string>>;

const std::string kChineseCsv =
    "客户编号,客户名称,城市\n"
    "C001,上海华腾贸易有限公司,上海\n"
    "C002,\"深圳市鹏程电子科技有限公司\n（研发中心）\",深圳\n";
const Table kChineseRows = {{"C001", "上海华腾贸易有限公司", "上海"},
                            {"C002", "深圳市鹏程电子科技有限公司\n（研发中心）", "深圳"}};

std::string Resolve(const std::filesystem::path& path, std::string_view requested) {
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status().ToString();
  auto resolved = ResolveEncoding(requested, *file, true);
  if (!resolved.ok()) return resolved.status().ToString();
  return resolved->name + "+" + std::to_string(resolved->bom_bytes);
}

struct EncodingCase {
  const char* name;
  const char* icu_name;  // to make the fixture bytes
  std::string option;    // the encoding option
  std::string text;      // UTF-8, header "a,b"
};

class Encodings : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(Encodings, DecodeToTheSameUtf8Text) {
  const EncodingCase& test = GetParam();
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", Encode("a,b\r\n" + test.text + ",x\r\n", test.icu_name)));
  options.encoding = test.option;
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Rows(*records), (Table{{test.text, "x"}}));
}

INSTANTIATE_TEST_SUITE_P(Cases, Encodings,
                         ::testing::Values(EncodingCase{"Gbk", "GBK", "gbk", "上海华腾贸易有限公司"},
                                           EncodingCase{"GbkReadAsGb18030", "GBK", "gb18030", "北京市朝阳区建国路88号"},
                                           EncodingCase{"Gb18030FourByte", "GB18030", "gb18030", "𠀀😀 and 中文"},
                                           EncodingCase{"Big5", "Big5", "big5", "臺北市信義區"},
                                           EncodingCase{"ShiftJis", "Shift_JIS", "shift_jis", "東京都ソフト表"},
                                           EncodingCase{"EucKr", "EUC-KR", "euc-kr", "서울특별시"},
                                           EncodingCase{"Latin1", "ISO-8859-1", "latin1", "Müller & Søn"},
                                           EncodingCase{"Windows1252", "windows-1252", "windows-1252", "€uro “quoted”"},
                                           EncodingCase{"Utf16Le", "UTF-16LE", "utf-16le", "上海 Ünïcode"},
                                           EncodingCase{"Utf16Be", "UTF-16BE", "utf-16be", "上海 Ünïcode"},
                                           EncodingCase{"AutoGbk", "GBK", "auto", "广州白云区"},
                                           EncodingCase{"AutoUtf8", "UTF-8", "auto", "广州白云区"}),
                         [](const ::testing::TestParamInfo<EncodingCase>& info) { return info.param.name; });

TEST(EncodingDetection, ByteOrderMarksDecide) {
  TempDir dir;
  EXPECT_EQ(Resolve(dir.Write("a",
                              "\xEF\xBB\xBF"
                              "a\n"),
                    "auto"),
            "UTF-8+3");
  EXPECT_EQ(Resolve(dir.Write("b", "\xFF\xFE" + Encode("a\n", "UTF-16LE")), "auto"), "UTF-16LE+2");
  EXPECT_EQ(Resolve(dir.Write("c", "\xFE\xFF" + Encode("a\n", "UTF-16BE")), "auto"), "UTF-16BE+2");
  EXPECT_EQ(Resolve(dir.Write("d", std::string("\xFF\xFE\0\0", 4) + Encode("a\n", "UTF-32LE")), "auto"), "UTF-32LE+4");
  EXPECT_EQ(Resolve(dir.Write("e", "\x84\x31\x95\x33" + Encode("中\n", "GB18030")), "auto"), "GB18030+4");
}

TEST(EncodingDetection, ValidUtf8IsUtf8AndAnythingElseGb18030) {
  TempDir dir;
  EXPECT_EQ(Resolve(dir.Write("ascii", "id,name\n1,Acme\n"), "auto"), "UTF-8+0");
  EXPECT_EQ(Resolve(dir.Write("utf8", kChineseCsv), "auto"), "UTF-8+0");
  EXPECT_EQ(Resolve(dir.Write("gbk", Encode(kChineseCsv, "GBK")), "auto"), "GB18030+0");
  EXPECT_EQ(Resolve(dir.Write("empty", ""), "auto"), "UTF-8+0");
}

// What a cursor keeps after resolving `requested` for the file at `path`.
std::string ResumeAs(const std::filesystem::path& path, std::string_view requested, bool complete) {
  auto file = InputFile::Open(path);
  if (!file.ok()) return file.status().ToString();
  auto resolved = ResolveEncoding(requested, *file, complete);
  return resolved.ok() ? resolved->name + " " + resolved->resume_as : resolved.status().ToString();
}

TEST(EncodingDetection, PureAsciiSoFarStaysUndecidedAndGoesOnFromWhereItStopped) {
  TempDir dir;
  const auto path = dir.Write("t.csv", "id,name\n1,Acme\n");
  EXPECT_EQ(ResumeAs(path, "auto", true), "UTF-8 auto+15");
  dir.Write("t.csv", "id,name\n1,Acme\n" + Encode("2,上海华腾\n", "GBK"));
  EXPECT_EQ(ResumeAs(path, "auto+15", true), "GB18030 GB18030");
  dir.Write("t.csv", "id,name\n1,Acme\n2,上海华腾\n");
  EXPECT_EQ(ResumeAs(path, "auto+15", true), "UTF-8 UTF-8");
  EXPECT_EQ(ResumeAs(dir.Write("e.csv", ""), "auto", true), "UTF-8 auto+0");
  EXPECT_EQ(ResumeAs(dir.Write("e.csv", "a\n"), "auto+0", true), "UTF-8 auto+2");
}

TEST(EncodingDetection, OnlyCompleteLinesOfAFileStillBeingWrittenAreEvidence) {
  TempDir dir;
  // 0xC6 0xBC is one GBK character and also valid UTF-8: cut after it, the line proves nothing yet.
  const auto path = dir.Write("t.csv", "id,name\n1,Acme\n2,\xC6\xBC");
  EXPECT_EQ(ResumeAs(path, "auto", false), "UTF-8 auto+15");
  EXPECT_EQ(ResumeAs(path, "auto", true), "UTF-8 UTF-8") << "complete: its end is evidence";
}

TEST(EncodingDetection, LooksPastALongAsciiStart) {
  TempDir dir;
  std::string ascii;
  while (ascii.size() < std::size_t{300} << 10) ascii += "12345,Plain ASCII Trading Ltd,London\n";
  EXPECT_EQ(Resolve(dir.Write("gbk", ascii + Encode("67890,上海华腾,上海\n", "GBK")), "auto"), "GB18030+0");
  EXPECT_EQ(Resolve(dir.Write("utf8", ascii + "67890,上海华腾,上海\n"), "auto"), "UTF-8+0");
}

TEST(EncodingDetection, NamedEncodingSkipsItsOwnByteOrderMarkOnly) {
  TempDir dir;
  const auto bom_utf8 = dir.Write("a",
                                  "\xEF\xBB\xBF"
                                  "a\n");
  EXPECT_EQ(Resolve(bom_utf8, "utf-8"), "utf-8+3");
  EXPECT_EQ(Resolve(bom_utf8, "latin1"), "latin1+0");
  EXPECT_EQ(Resolve(dir.Write("b", "\xFF\xFE" + Encode("a\n", "UTF-16LE")), "utf-16"), "UTF-16LE+2");
  EXPECT_EQ(Resolve(dir.Write("c", Encode("a\n", "UTF-16BE")), "utf-16"), "UTF-16BE+0");
}

TEST(EncodingReading, AutoReadsGbkAndUtf8AlikeAndUtf16WithByteOrderMark) {
  TempDir dir;
  const std::vector<std::string> files = {kChineseCsv, Encode(kChineseCsv, "GBK"), Encode(kChineseCsv, "GB18030"),
                                          "\xFF\xFE" + Encode(kChineseCsv, "UTF-16LE"),
                                          "\xFE\xFF" + Encode(kChineseCsv, "UTF-16BE")};
  for (const std::string& bytes : files) {
    auto records = ReadAll(OptionsFor(dir.Write("t.csv", bytes)));
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    EXPECT_EQ(Rows(*records), kChineseRows);
    ASSERT_EQ(records->size(), 2u);
    EXPECT_EQ((*records)[1].position, "t.csv:3");
  }
}

TEST(EncodingReading, CharactersCutByTheReadBufferDecodeWhole) {
  TempDir dir;
  for (const char* encoding : {"GBK", "GB18030", "UTF-8", "UTF-16LE"}) {
    FileOptions options = OptionsFor(dir.Write("t.csv", Encode(kChineseCsv, encoding)));
    options.encoding = encoding;
    for (std::size_t buffer : {1, 2, 3, 4, 5, 7, 8, 13, 64}) {
      auto records = ReadAll(options, 1000, ReaderLimits{buffer, 1 << 20});
      ASSERT_TRUE(records.ok()) << records.status().ToString();
      EXPECT_EQ(Rows(*records), kChineseRows) << encoding << " with a buffer of " << buffer;
    }
  }
}

TEST(EncodingReading, PipeDelimiterIsNotConfusedWithAGbkTrailByte) {
  TempDir dir;
  // 0xB0 0x7C is one GBK character whose second byte is '|'.
  const std::string character = "\xB0\x7C";
  FileOptions options = OptionsFor(dir.Write("t.csv", "a|b\n" + character + "|x\n"));
  options.encoding = "gbk";
  options.delimiter = '|';
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(Rows(*records).size(), 1u);
  EXPECT_EQ(Rows(*records)[0][1], "x");
  EXPECT_EQ(Encode(Rows(*records)[0][0], "GBK"), character);
}

TEST(EncodingReading, InvalidGbkBytesRejectTheRowNamingThem) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", Encode("a,b\n", "GBK") + "1,\x81\x20\n" + "2,x\n"));
  options.encoding = "gbk";
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].rejection.rfind("t.csv:2: invalid gbk byte", 0), 0u) << (*records)[0].rejection;
  EXPECT_EQ(testing::Text((*records)[0], "raw"), "1,\\x81 ");
  EXPECT_EQ(testing::Text((*records)[1], "b"), "x");
}

TEST(EncodingDetection, Utf16WithoutByteOrderMarkIsRefusedSayingWhichEncodingToSet) {
  TempDir dir;
  for (const char* encoding : {"UTF-16LE", "UTF-16BE"}) {
    auto records = ReadAll(OptionsFor(dir.Write("t.csv", Encode(kChineseCsv, encoding))));
    ASSERT_FALSE(records.ok()) << encoding;
    EXPECT_EQ(records.status().code(), sdk::StatusCode::kDataError);
    const std::string option = std::string(encoding) == "UTF-16LE" ? "utf-16le" : "utf-16be";
    EXPECT_EQ(records.status().message(), std::string("t.csv: looks like ") + encoding +
                                              " text without a byte-order mark (zero bytes between its characters); "
                                              "set the encoding option to " +
                                              option);
  }
}

TEST(EncodingDetection, AStrayNulDoesNotMakeAFileLookLikeUtf16) {
  TempDir dir;
  std::string bytes = "id,name\n1,Acme\n2,Be";
  bytes += '\0';
  bytes += "ta\n3,Gamma\n";
  auto records = ReadAll(OptionsFor(dir.Write("t.csv", bytes)));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Rejections(*records), std::vector<std::string>{"t.csv:3: NUL byte at byte 5 of the line"});
  EXPECT_EQ(Rows(*records).back(), (std::vector<std::string>{"3", "Gamma"}));
}

}  // namespace
}  // namespace hub::file
