// A CSV header found by a column it holds, the title rows before it skipped.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "hub/files/csv_row_parser.hpp"
#include "hub/files/row_file_reader.hpp"
#include "hub/files/trim.hpp"
#include "support/temp_dir.hpp"

namespace hub::files {
namespace {

// The records of `bytes` as a complete CSV file whose header holds one of `markers`.
sdk::Result<FileRead> Read(const std::string& bytes, std::vector<std::string> markers) {
  static hub::test::TempDir dir;
  const std::filesystem::path path = dir.path() / "t.csv";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  RowFileOptions options;
  options.completeness.declared_final = true;
  CsvColumns columns;
  columns.header_markers = std::move(markers);
  RowFileReader reader(
      options,
      [columns](std::string_view) -> sdk::Result<std::unique_ptr<RowParser>> {
        return std::unique_ptr<RowParser>(std::make_unique<CsvRowParser>(CsvDialect{}, columns, 1 << 20));
      },
      {}, [] { return std::chrono::system_clock::now(); });
  return reader.Read(path, nullptr, 100, false);
}

TEST(CsvHeaderMarkers, TitleRowsBeforeTheHeaderAreSkippedAndItsNamesTrimmed) {
  auto read =
      Read("员工花名册 2026年11月,,\n导出日期,2026-11-30,\n\n 工号 ,姓名\u3000,部门\nE1,张伟,销售部\n", {"工号"});
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->records.size(), 1u);
  const sdk::Record& record = read->records[0];
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[0].name, "工号");
  EXPECT_EQ(record.fields[1].name, "姓名");
  EXPECT_EQ(record.fields[1].value.text(), "张伟");
  EXPECT_EQ(record.position, "t.csv:5");
}

TEST(CsvHeaderMarkers, AFileWithoutTheHeaderRowIsADataErrorNamingTheColumns) {
  auto read = Read("姓名,部门\n张伟,销售部\n", {"工号", "employee_number"});
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(read.status().message().find("t.csv: no header row: no line has a column named 工号 or employee_number"),
            std::string::npos)
      << read.status().ToString();
}

TEST(CsvHeaderMarkers, WithoutMarkersTheFirstRecordIsTheHeaderAsWritten) {
  auto read = Read(" id ,name\n1,a\n", {});
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->records.size(), 1u);
  EXPECT_EQ(read->records[0].fields[0].name, " id ");
}

TEST(TrimBlanks, RemovesSpacesTabsAndIdeographicSpacesAroundOnly) {
  EXPECT_EQ(TrimBlanks(" \t\u3000销售 一部\u3000 "), "销售 一部");
  EXPECT_EQ(TrimBlanks("\u3000"), "");
  EXPECT_EQ(TrimBlanks("abc"), "abc");
}

}  // namespace
}  // namespace hub::files
