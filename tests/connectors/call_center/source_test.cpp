// CallCenterSource on real files: the fixtures of each layout, calls grouped across reads, the last call
// held back until another follows or the file settles, a resume that reads each call once, a bad row
// quarantined. The clock is injected: "now" is the file's last write, or settle_time after it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "call_center/call_center_source.hpp"
#include "support/temp_dir.hpp"

namespace hub::call_center {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(HUB_SOURCE_DIR) + "/tests/data/call_center/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One cdr_csv row (loguniqueid, loguserfield, newcdrcolumns) of call `linkedid`, leg `leg`.
std::string Row(const std::string& linkedid, int leg, const std::string& disposition = "ANSWERED") {
  return "\"\",\"13800138000\",\"6000\",\"from-pstn\",\"13800138000\",\"SIP/trunk-1\",\"SIP/30" + std::to_string(leg) +
         "-2\",\"Dial\",\"SIP/301\",\"2026-11-02 09:00:0" + std::to_string(leg) +
         "\",\"\",\"2026-11-02 09:01:00\",60,0,\"" + disposition + "\",\"DOCUMENTATION\",\"" + linkedid + "." +
         std::to_string(leg) + "\",\"\",\"\",\"" + linkedid + "\"," + std::to_string(leg) + "\n";
}

class CallCenterSourceTest : public testing::Test {
 protected:
  // A source over `path`, not final, settling after one minute, its clock `now_`.
  CallCenterSource Source(const std::filesystem::path& path, bool declared_final = false) {
    CallCenterOptions options;
    options.path = path;
    options.completeness = files::CompletenessRule{declared_final, std::chrono::minutes(1)};
    return CallCenterSource(options, {}, [this] { return now_; });
  }

  // Appends `text` and sets the clock to the moment of that write.
  void Append(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
    now_ = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        std::chrono::file_clock::to_sys(std::filesystem::last_write_time(path)));
  }

  void Settle() { now_ += std::chrono::minutes(1) + std::chrono::seconds(1); }

  static std::vector<std::string> Ids(const sdk::Batch& batch) {
    std::vector<std::string> ids;
    for (const sdk::Record& record : batch.records) ids.push_back(record.source_id);
    return ids;
  }

  test::TempDir dir_;
  std::chrono::system_clock::time_point now_;
};

TEST_F(CallCenterSourceTest, ReadsTheCdrCsvFixtureAsOneRecordPerCall) {
  CallCenterSource source = Source(dir_.Write("Master.csv", Fixture("cdr_csv_newcdrcolumns.csv")), true);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(Ids(*batch), (std::vector<std::string>{"1793581200.16", "1793581800.19", "1793582400.21"}));
  EXPECT_TRUE(batch->end_of_data);
  const sdk::Record& first = batch->records[0];
  EXPECT_EQ(first.position, "Master.csv:1");
  EXPECT_EQ(first.Find("legs")->integer(), 2);
  EXPECT_EQ(first.Find("outcome")->text(), "answered");
  EXPECT_EQ(first.Find("agent_extension")->text(), "302");
  EXPECT_EQ(first.Find("userfield")->text(), "asks for a quote on 20 pumps");
  EXPECT_EQ(first.Find("duration_seconds")->integer(), 185);
  EXPECT_EQ(batch->records[1].Find("outcome")->text(), "busy");
  EXPECT_EQ(batch->records[2].Find("direction")->text(), "outbound");
  EXPECT_EQ(batch->records[2].Find("customer_number")->text(), "013912345678");
}

TEST_F(CallCenterSourceTest, ReadsTheCdrCustomFixture) {
  CallCenterSource source = Source(dir_.Write("Master.csv", Fixture("cdr_custom.csv")), true);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ASSERT_EQ(Ids(*batch), (std::vector<std::string>{"1793685600.1", "1793685900.3"}));
  EXPECT_EQ(batch->records[0].Find("layout")->text(), "cdr_custom");
  EXPECT_EQ(batch->records[0].Find("agent_extension")->text(), "agent7");
  EXPECT_EQ(batch->records[1].Find("direction")->text(), "outbound");
  EXPECT_EQ(batch->records[1].Find("outcome")->text(), "no_answer");
}

TEST_F(CallCenterSourceTest, QuarantinesARowOfNoKnownLayoutWithFileAndLineAndGoesOn) {
  CallCenterSource source = Source(dir_.Write("Master.csv", Fixture("cdr_csv_plain.csv")), true);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 100);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ASSERT_EQ(batch->records.size(), 3u);
  EXPECT_EQ(batch->records[0].rejection, "");
  EXPECT_EQ(batch->records[0].Find("layout")->text(), "cdr_csv");
  EXPECT_EQ(batch->records[1].rejection.rfind("Master.csv:2: a row of no known CDR layout (3 fields", 0), 0u)
      << batch->records[1].rejection;
  EXPECT_EQ(batch->records[1].Find("raw")->text(), "\"\",\"a row\",\"cut short\"");
  EXPECT_EQ(batch->records[2].Find("outcome")->text(), "failed");
}

TEST_F(CallCenterSourceTest, HoldsTheLastCallBackUntilARowOfAnotherCallFollows) {
  const std::filesystem::path path = dir_.path() / "Master.csv";
  Append(path, Row("100", 1) + Row("200", 1));
  CallCenterSource source = Source(path);
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 100);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(Ids(*first), (std::vector<std::string>{"100"}));
  EXPECT_TRUE(first->end_of_data);
  EXPECT_EQ(first->next_cursor, first->records.back().cursor);

  sdk::Result<sdk::Batch> unchanged = source.ReadBatch(first->next_cursor, 100);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_TRUE(unchanged->records.empty());
  EXPECT_EQ(unchanged->next_cursor, first->next_cursor);

  Append(path, Row("200", 2) + Row("300", 1));
  sdk::Result<sdk::Batch> second = source.ReadBatch(first->next_cursor, 100);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(Ids(*second), (std::vector<std::string>{"200"}));
  EXPECT_EQ(second->records[0].Find("legs")->integer(), 2);
  EXPECT_EQ(second->records[0].position, "Master.csv:2");
}

TEST_F(CallCenterSourceTest, GivesTheLastCallOnceTheFileHasSettled) {
  const std::filesystem::path path = dir_.path() / "Master.csv";
  Append(path, Row("100", 1) + Row("100", 2));
  CallCenterSource source = Source(path);
  sdk::Result<sdk::Batch> held = source.ReadBatch("", 100);
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held->records.empty());
  EXPECT_EQ(held->next_cursor, "");
  EXPECT_TRUE(held->end_of_data);
  Settle();
  sdk::Result<sdk::Batch> settled = source.ReadBatch("", 100);
  ASSERT_TRUE(settled.ok());
  ASSERT_EQ(Ids(*settled), (std::vector<std::string>{"100"}));
  EXPECT_EQ(settled->records[0].Find("legs")->integer(), 2);
  sdk::Result<sdk::Batch> after = source.ReadBatch(settled->next_cursor, 100);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->records.empty());
}

TEST_F(CallCenterSourceTest, ACallOfMoreRowsThanOneReadTakesIsStillOneCall) {
  const std::filesystem::path path = dir_.path() / "Master.csv";
  std::string rows;
  for (int leg = 0; leg < 150; ++leg) rows += Row("100", leg % 10);
  Append(path, rows + Row("200", 1));
  CallCenterSource source = Source(path);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 1);
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(Ids(*batch), (std::vector<std::string>{"100"}));
  EXPECT_EQ(batch->records[0].Find("legs")->integer(), 150);
  EXPECT_TRUE(batch->end_of_data);
}

TEST_F(CallCenterSourceTest, ResumingFromEveryCursorReadsEachCallOnce) {
  const std::filesystem::path path = dir_.path() / "Master.csv";
  Append(path,
         Row("100", 1) + Row("100", 2) + Row("200", 1) + Row("300", 1) + Row("300", 2) + Row("300", 3) + Row("400", 1));
  Settle();
  CallCenterSource source = Source(path);
  std::vector<std::string> ids;
  std::string cursor;
  for (int read = 0; read < 10; ++read) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, 1);
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    for (const std::string& id : Ids(*batch)) ids.push_back(id);
    cursor = batch->next_cursor;
    if (batch->end_of_data) break;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"100", "200", "300", "400"}));
}

TEST_F(CallCenterSourceTest, RefusesACursorItDidNotMake) {
  CallCenterSource source = Source(dir_.Write("Master.csv", Row("100", 1)));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("hr1|0|x", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::call_center
