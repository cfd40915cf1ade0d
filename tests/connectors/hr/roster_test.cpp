// Roster exports read as batches: encodings, title rows, the records each row refers to, rejected rows,
// batches of any size and resuming from any cursor.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hr/hr_source.hpp"
#include "hr_test_support.hpp"
#include "support/temp_dir.hpp"

namespace hub::hr {
namespace {

namespace fs = std::filesystem;
using testing::Encode;
using testing::Keys;
using testing::OptionsFor;
using testing::ReadAll;
using testing::Rejections;
using testing::Text;

constexpr const char* kRoster =
    "员工花名册 2026年11月,,,,,\r\n"
    "导出日期：2026年11月30日,,,,,\r\n"
    "工号,姓名,部门,区域,入职日期,行业专长\r\n"
    "E1,张伟,销售一部,华东,2023年3月15日,制造业\r\n"
    "E2,李娜,销售一部,华东、华南,2023/3/15,零售业、制造业\r\n"
    "E3,王䶮,客服部,华南,2023-03-15,\r\n";

const std::vector<std::string> kRosterKeys = {"team:销售一部", "territory:华东", "speciality:制造业",
                                              "employee:E1",   "territory:华南", "speciality:零售业",
                                              "employee:E2",   "team:客服部",    "employee:E3"};

class Roster : public ::testing::Test {
 protected:
  fs::path Write(const std::string& name, const std::string& bytes) const {
    const fs::path path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  hub::test::TempDir dir_;
};

TEST_F(Roster, Gb18030ExportSkipsTitleRowsAndGivesEachReferenceOnceBeforeItsEmployee) {
  auto records = ReadAll(OptionsFor(Write("花名册.csv", Encode(kRoster, "GB18030"))));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Keys(*records), kRosterKeys);
  EXPECT_EQ(Text((*records)[8], "姓名"), "王䶮");  // a character GBK lacks: 4 bytes in GB18030
  EXPECT_EQ((*records)[3].position, "花名册.csv:4");
  EXPECT_EQ((*records)[0].position, "花名册.csv:4");
  EXPECT_EQ(Text((*records)[6], "入职日期"), "2023-03-15");
  EXPECT_EQ(Text((*records)[6], "territory_codes"), "华东,华南");
}

TEST_F(Roster, GbkExportReadAsNamedOrDetected) {
  const std::string gbk = Encode("工号,姓名,部门\nE1,张伟,销售一部\nE2,李娜,客服部\n", "GBK");
  for (const char* encoding : {"auto", "gbk", "gb18030"}) {
    HrOptions options = OptionsFor(Write("roster.csv", gbk));
    options.encoding = encoding;
    auto records = ReadAll(options);
    ASSERT_TRUE(records.ok()) << encoding << ": " << records.status().ToString();
    EXPECT_EQ(Keys(*records), (std::vector<std::string>{"team:销售一部", "employee:E1", "team:客服部", "employee:E2"}))
        << encoding;
    EXPECT_EQ(Text((*records)[1], "姓名"), "张伟") << encoding;
  }
}

TEST_F(Roster, ARowWithAnInvalidByteOrNoEmployeeNumberIsRejectedWithItsLineAndTheRestGoesOn) {
  const std::string bytes = Encode("工号,姓名,部门\nE1,张伟,销售一部\n", "GBK") + "E2,\x81\x20,销售一部\n" +
                            Encode(",李娜,销售一部\nE4,王芳,销售一部\n", "GBK");
  HrOptions options = OptionsFor(Write("roster.csv", bytes));
  options.encoding = "gbk";
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Keys(*records), (std::vector<std::string>{"team:销售一部", "employee:E1", "employee:roster.csv:3",
                                                      "employee:roster.csv:4", "employee:E4"}));
  const std::vector<std::string> rejections = Rejections(*records);
  ASSERT_EQ(rejections.size(), 2u);
  EXPECT_EQ(rejections[0].rfind("roster.csv:3: ", 0), 0u) << rejections[0];
  EXPECT_NE(rejections[0].find("invalid gbk byte 0x81 at byte 4"), std::string::npos) << rejections[0];
  EXPECT_EQ(rejections[1], "roster.csv:4: 工号 is empty");
  EXPECT_EQ(Text((*records)[3], "raw"), ",李娜,销售一部");
}

TEST_F(Roster, AUtf8ExportDeclaredGbkFailsNamingTheMissingHeader) {
  HrOptions options = OptionsFor(Write("roster.csv", "工号,姓名\nE1,张伟\n"));
  options.encoding = "gbk";
  auto records = ReadAll(options);
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(records.status().message().find("roster.csv: no header row: no line has a column named 工号"),
            std::string::npos)
      << records.status().ToString();
  EXPECT_NE(records.status().message().find("encoding"), std::string::npos) << records.status().ToString();
}

TEST_F(Roster, InAWatchedFolderAnUnreadableExportIsSetAsideWithTheReason) {
  fs::create_directories(dir_.path() / "in");
  std::ofstream(dir_.path() / "in" / "a.csv", std::ios::binary) << "姓名\n张伟\n";  // no 工号 anywhere
  std::ofstream(dir_.path() / "in" / "b.csv", std::ios::binary) << "工号,姓名\nE1,张伟\n";
  HrOptions options = OptionsFor(dir_.path() / "in");
  options.error_dir = dir_.path() / "errors";
  auto records = ReadAll(options);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(Keys(*records), (std::vector<std::string>{"employee:E1"}));
  std::ifstream note(dir_.path() / "errors" / "a.csv.error.txt");
  std::string first_line;
  std::getline(note, first_line);
  EXPECT_EQ(first_line.rfind("a.csv: no header row", 0), 0u) << first_line;
}

TEST_F(Roster, BatchesOfAnySizeGiveEveryEmployeeAfterItsReferencesAndResumeFromEveryCursor) {
  const HrOptions options = OptionsFor(Write("花名册.csv", Encode(kRoster, "GB18030")));
  for (std::size_t size = 1; size <= 10; ++size) {
    auto records = ReadAll(options, size);
    ASSERT_TRUE(records.ok()) << size << ": " << records.status().ToString();
    std::vector<std::string> employees;
    std::vector<std::string> seen;
    for (const sdk::Record& record : *records) {
      const std::string key = record.entity + ":" + record.source_id;
      if (record.entity == "employee") {
        employees.push_back(record.source_id);
        // Its team was given before it (in this batch or an earlier one).
        EXPECT_NE(std::find(seen.begin(), seen.end(), "team:" + Text(record, "team_code")), seen.end())
            << size << " " << key;
      }
      seen.push_back(key);
    }
    EXPECT_EQ(employees, (std::vector<std::string>{"E1", "E2", "E3"})) << size;
  }
  // Every record's cursor, handed to a fresh source (a restarted hub), continues right after that record:
  // the employees after it, each once (the references come again, once per batch).
  auto all = ReadAll(options, 100);
  ASSERT_TRUE(all.ok());
  for (std::size_t i = 0; i < all->size(); ++i) {
    std::vector<std::string> expected;
    for (std::size_t j = i + 1; j < all->size(); ++j) {
      if ((*all)[j].entity == "employee") expected.push_back((*all)[j].source_id);
    }
    HrSource restarted(options, {}, testing::FixedClock());
    std::vector<std::string> employees;
    std::string cursor = (*all)[i].cursor;
    for (bool end = false; !end;) {
      auto batch = restarted.ReadBatch(cursor, 2);
      ASSERT_TRUE(batch.ok()) << batch.status().ToString();
      for (const sdk::Record& record : batch->records) {
        if (record.entity == "employee") employees.push_back(record.source_id);
      }
      cursor = batch->next_cursor;
      end = batch->end_of_data;
    }
    EXPECT_EQ(employees, expected) << "after record " << i;
  }
}

TEST_F(Roster, ALastLineStillBeingWrittenWaitsUntilItsLineEndArrives) {
  const fs::path path = Write("roster.csv", "工号,姓名\nE1,张伟\nE2,李");
  HrOptions options = OptionsFor(path);
  options.completeness.declared_final = false;
  // The clock stands before the file was written, so it never settles: only line ends count.
  HrSource source(options, {}, testing::FixedClock());
  auto first = source.ReadBatch("", 100);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Keys(first->records), (std::vector<std::string>{"employee:E1"}));
  std::ofstream(path, std::ios::binary | std::ios::app) << "娜\n";
  auto rest = source.ReadBatch(first->next_cursor, 100);
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_EQ(Keys(rest->records), (std::vector<std::string>{"employee:E2"}));
  EXPECT_EQ(Text(rest->records[0], "姓名"), "李娜");
}

}  // namespace
}  // namespace hub::hr
