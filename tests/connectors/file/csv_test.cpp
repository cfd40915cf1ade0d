// CSV and TSV reading: RFC 4180 quoting, header and positional columns, and the rejection of bad rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file/file_source.hpp"
#include "file_test_support.hpp"

namespace hub::file {
namespace {

using testing::OptionsFor;
using testing::ReadAll;
using testing::Rows;
using testing::TempDir;
using Table = std::vector<std::vector<std::string>>;

struct Rfc4180Case {
  const char* name;
  std::string bytes;
  Table rows;
};

class Rfc4180 : public ::testing::TestWithParam<Rfc4180Case> {};

TEST_P(Rfc4180, SplitsFieldsAsTheRfcSays) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", GetParam().bytes));
  options.header = false;
  options.completeness.declared_final = true;  // whole files, where the last line break is optional
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Rows(*records), GetParam().rows);
  EXPECT_TRUE(testing::Rejections(*records).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Rfc4180,
    ::testing::Values(Rfc4180Case{"Plain", "a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}},
                      Rfc4180Case{"Crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}},
                      Rfc4180Case{"NoFinalLineBreak", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}},
                      Rfc4180Case{"QuotedDelimiter", "\"a,b\",c\n", {{"a,b", "c"}}},
                      Rfc4180Case{"DoubledQuotes", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}},
                      Rfc4180Case{"QuotedLf", "\"line1\nline2\",x\n", {{"line1\nline2", "x"}}},
                      Rfc4180Case{"QuotedCrlf", "\"l1\r\nl2\",x\r\ny,z\r\n", {{"l1\r\nl2", "x"}, {"y", "z"}}},
                      Rfc4180Case{"EmptyFields", ",,\na,,c\n", {{"", "", ""}, {"a", "", "c"}}},
                      Rfc4180Case{"QuotedEmpty", "\"\",x\n", {{"", "x"}}},
                      Rfc4180Case{"TrailingDelimiter", "a,b,\n", {{"a", "b", ""}}},
                      Rfc4180Case{"Utf8Bom",
                                  "\xEF\xBB\xBF"
                                  "a,b\n",
                                  {{"a", "b"}}},
                      Rfc4180Case{"QuoteInsideUnquotedIsLiteral", "ab\"c,d\n", {{"ab\"c", "d"}}},
                      Rfc4180Case{"TextAfterClosingQuoteIsKept", "\"ab\"c,d\n", {{"abc", "d"}}},
                      Rfc4180Case{"QuotedFieldAtEndOfFile", "\"a\"", {{"a"}}},
                      Rfc4180Case{"SpacesArePartOfFields", " a , b \n", {{" a ", " b "}}},
                      Rfc4180Case{"EmptyLinesSkipped", "a\n\n\r\nb\n\n", {{"a"}, {"b"}}},
                      Rfc4180Case{"Utf8Text", "名前,東京\n", {{"名前", "東京"}}}),
    [](const ::testing::TestParamInfo<Rfc4180Case>& info) { return info.param.name; });

TEST(CsvReading, NamesFieldsByHeaderAndSetsPositionSourceIdAndEntity) {
  TempDir dir;
  auto records = ReadAll(OptionsFor(dir.Write("people.csv", "id,name\n7,\"Ann\nSmith\"\n8,Bob\n")));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(testing::Names((*records)[0]), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(testing::Text((*records)[0], "name"), "Ann\nSmith");
  EXPECT_EQ((*records)[0].position, "people.csv:2");
  EXPECT_EQ((*records)[1].position, "people.csv:4");  // the quoted line break moved it down
  EXPECT_EQ((*records)[1].source_id, "people.csv:4");
  EXPECT_EQ((*records)[1].entity, "party");
}

TEST(CsvReading, TakesSourceIdFromIdField) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("people.csv", "id,name\nC-7,Ann\n"));
  options.id_field = "id";
  options.entity = "customer";
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].source_id, "C-7");
  EXPECT_EQ((*records)[0].entity, "customer");
}

TEST(CsvReading, ReadsTsvByExtensionWithTabDelimiter) {
  TempDir dir;
  auto records = ReadAll(OptionsFor(dir.Write("t.tsv", "a\tb\n1,5\t\"x\"\n")));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Rows(*records), (Table{{"1,5", "x"}}));
  EXPECT_EQ(testing::Names((*records)[0]), (std::vector<std::string>{"a", "b"}));
}

TEST(CsvReading, UsesConfiguredDelimiterAndNoQuoting) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", "a;b\n\"1;2\n"));
  options.delimiter = ';';
  options.quote.reset();
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Rows(*records), (Table{{"\"1", "2"}}));
}

TEST(CsvReading, PositionalColumnsNameFieldsWithoutHeader) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", "1,Ann\n2,Bob\n"));
  options.header = false;
  options.columns = {"id", "name"};
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ(testing::Text((*records)[1], "name"), "Bob");
  EXPECT_EQ((*records)[0].position, "t.csv:1");
}

TEST(CsvReading, WithoutHeaderOrColumnsNamesFieldsByNumber) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", "1,Ann\n2,Bob,x\n"));
  options.header = false;
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Names((*records)[1]), (std::vector<std::string>{"column_1", "column_2", "column_3"}));
}

TEST(CsvReading, ColumnsRenameHeaderColumns) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", "客户编号,客户名称\nC1,华腾\n"));
  options.columns = {"id", "name"};
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ(testing::Names((*records)[0]), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(testing::Text((*records)[0], "name"), "华腾");
}

TEST(CsvReading, EmptyHeaderCellsAreNamedByNumber) {
  TempDir dir;
  auto records = ReadAll(OptionsFor(dir.Write("t.csv", "id,,x\n1,2,3\n")));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(testing::Names((*records)[0]), (std::vector<std::string>{"id", "column_2", "x"}));
}

TEST(CsvReading, HeaderOnlyAndEmptyFilesGiveNoRecords) {
  TempDir dir;
  for (const char* bytes : {"id,name\n", "", "\n\n"}) {
    auto records = ReadAll(OptionsFor(dir.Write("t.csv", bytes)));
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    EXPECT_TRUE(records->empty()) << bytes;
  }
}

struct FileErrorCase {
  const char* name;
  std::string bytes;
  std::vector<std::string> columns;
  std::string id_field;
  std::string message;
};

class CsvFileErrors : public ::testing::TestWithParam<FileErrorCase> {};

TEST_P(CsvFileErrors, RefuseTheWholeFileNamingIt) {
  TempDir dir;
  FileOptions options = OptionsFor(dir.Write("t.csv", GetParam().bytes));
  options.columns = GetParam().columns;
  options.id_field = GetParam().id_field;
  options.completeness.declared_final = true;  // an open quote at the end of a whole file never closes
  auto records = ReadAll(options);
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().code(), sdk::StatusCode::kDataError);
  EXPECT_EQ(records.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvFileErrors,
    ::testing::Values(
        FileErrorCase{"RenameCountDiffers",
                      "a,b,c\n1,2,3\n",
                      {"x", "y"},
                      "",
                      "t.csv: the columns option names 2 columns but the header (line 1) has 3"},
        FileErrorCase{
            "IdFieldNotAColumn", "a,b\n1,2\n", {}, "id", "t.csv: id_field: there is no column 'id' (columns: a, b)"},
        FileErrorCase{"HeaderQuoteNeverClosed",
                      "a,\"b\n1,2\n",
                      {},
                      "",
                      "t.csv: header (line 1): quoted field is not closed before the end of the file"},
        FileErrorCase{"HeaderUndecodable",
                      "a,\xFF\n1,2\n",
                      {},
                      "",
                      "t.csv: header (line 1): invalid GB18030 byte 0xFF at byte 3 of the line"}),
    [](const ::testing::TestParamInfo<FileErrorCase>& info) { return info.param.name; });

}  // namespace
}  // namespace hub::file
