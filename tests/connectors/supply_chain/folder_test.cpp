// The watched folder: files in name order, archived once committed, a half-written file never read, a bad
// file set aside with a sidecar, and a read resumed from any committed cursor.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "supply_chain/supply_chain_source.hpp"
#include "supply_chain_test_support.hpp"

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::Fixture;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::Keys;
using testing::TempDir;
using testing::Text;

// A folder with archive and error folders beside it, read by a source whose clock the test sets.
class Inbox {
 public:
  Inbox() {
    fs::create_directories(dir_.path() / "in");
    options_.folder = dir_.path() / "in";
    options_.archive_dir = dir_.path() / "archive";
    options_.error_dir = dir_.path() / "error";
  }

  fs::path Write(const std::string& name, const std::string& bytes) { return dir_.Write("in/" + name, bytes); }
  void Append(const std::string& name, const std::string& bytes) {
    std::ofstream out(options_.folder / name, std::ios::binary | std::ios::app);
    out << bytes;
  }
  // The clock stands `ahead` after the real time, so that files written now have settled or not.
  void SetClockAhead(std::chrono::milliseconds ahead) { ahead_ = ahead; }

  SupplyChainSource Source() {
    return SupplyChainSource(
        options_, [this] { return std::chrono::system_clock::now() + ahead_; }, {},
        [this](std::string_view counter, std::int64_t delta) { counts_[std::string(counter)] += delta; });
  }

  // Reads with the hub's loop: each batch from the previous one's next_cursor, until end_of_data.
  std::vector<sdk::Record> ReadToEnd(std::string* cursor, std::size_t batch = 4) {
    SupplyChainSource source = Source();
    std::vector<sdk::Record> records;
    for (;;) {
      sdk::Result<sdk::Batch> read = source.ReadBatch(*cursor, batch);
      EXPECT_TRUE(read.ok()) << read.status().ToString();
      if (!read.ok()) return records;
      records.insert(records.end(), read->records.begin(), read->records.end());
      *cursor = read->next_cursor;
      if (read->end_of_data) return records;
    }
  }

  std::vector<std::string> Names(const std::string& sub) const {
    std::vector<std::string> names;
    if (!fs::exists(dir_.path() / sub)) return names;
    for (const auto& entry : fs::directory_iterator(dir_.path() / sub)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  // What the sources counted, by counter.
  const std::map<std::string, std::int64_t>& counts() const { return counts_; }

  std::string Read(const std::string& name) const {
    std::ifstream in(dir_.path() / name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  TempDir dir_;
  InboxOptions options_;
  std::chrono::milliseconds ahead_{std::chrono::minutes(2)};
  std::map<std::string, std::int64_t> counts_;
};

TEST(SupplyChainFolder, ReadsFilesInNameOrderAndArchivesEachOnceAReadStartsFromItsEnd) {
  Inbox inbox;
  inbox.Write("1_debmas.xml", Fixture("debmas07.xml"));
  inbox.Write("2_orders.xml", Fixture("orders05.xml"));
  inbox.Write("3_notes.txt", "not an IDoc");
  std::string cursor;
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor);
  EXPECT_EQ(records.size(), 12u);
  EXPECT_EQ(Keys(records).front(), "party:0000100001");
  EXPECT_EQ(Keys(records).back(), "order_partner:0000012002/RE");
  // Each file's end was committed by the batch after its last records: the read from there archived it.
  EXPECT_THAT(inbox.Names("archive"), ElementsAre("1_debmas.xml", "2_orders.xml"));
  EXPECT_THAT(inbox.ReadToEnd(&cursor), IsEmpty());
  // A file that is none of the formats is set aside, saying so.
  EXPECT_THAT(inbox.Names("in"), IsEmpty());
  EXPECT_THAT(inbox.Names("error"), ElementsAre("3_notes.txt", "3_notes.txt.error.txt"));
  EXPECT_THAT(inbox.Read("error/3_notes.txt.error.txt"), HasSubstr("not IDoc-XML"));
}

TEST(SupplyChainFolder, AFileWrittenInPlaceIsNotReadUntilItHasSettled) {
  Inbox inbox;
  const std::string bytes = Fixture("orders05.xml");
  inbox.Write("orders.xml", bytes.substr(0, 2000));
  inbox.SetClockAhead(std::chrono::milliseconds(0));
  std::string cursor;
  EXPECT_THAT(inbox.ReadToEnd(&cursor), IsEmpty());
  inbox.Append("orders.xml", bytes.substr(2000, 1500));
  EXPECT_THAT(inbox.ReadToEnd(&cursor), IsEmpty());
  inbox.Append("orders.xml", bytes.substr(3500));
  EXPECT_THAT(inbox.ReadToEnd(&cursor), IsEmpty());
  inbox.SetClockAhead(std::chrono::minutes(2));
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor);
  EXPECT_EQ(records.size(), 9u);
  for (const sdk::Record& record : records) EXPECT_EQ(record.rejection, "");
  EXPECT_THAT(inbox.Names("error"), IsEmpty());
}

TEST(SupplyChainFolder, AFileMovedIntoTheFolderIsReadAtOnce) {
  Inbox inbox;
  inbox.SetClockAhead(std::chrono::milliseconds(0));
  const fs::path outside = inbox.Write(".incoming", Fixture("invoic02.xml"));
  // Written two seconds ago, far inside the settle time: only the rename (its ctime after the mtime) says it is whole.
  fs::last_write_time(outside, fs::last_write_time(outside) - std::chrono::seconds(2));
  fs::rename(outside, outside.parent_path() / "invoice.xml");
  std::string cursor;
  EXPECT_THAT(Keys(inbox.ReadToEnd(&cursor)), ElementsAre("invoice:0090004411", "invoice_line:0090004411/10"));
}

TEST(SupplyChainFolder, AFileMalformedBetweenIdocsGoesToTheErrorFolderWithASidecarAfterItsEarlierRecords) {
  Inbox inbox;
  std::string bytes = Fixture("orders05.xml");
  const std::size_t second = bytes.find("  <IDOC", bytes.find("</IDOC>"));
  bytes.insert(second, "  </E1EDK01>\n");
  inbox.Write("1_bad.xml", bytes);
  inbox.Write("2_delivery.xml", Fixture("delvry03.xml"));
  std::string cursor;
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor);
  EXPECT_EQ(Keys(records).front(), "order:0000012001");
  EXPECT_EQ(Keys(records).back(), "delivery_line:0080001234/20");
  EXPECT_EQ(records.size(), 5u + 3u);
  EXPECT_THAT(inbox.Names("error"), ElementsAre("1_bad.xml", "1_bad.xml.error.txt"));
  const std::string sidecar = inbox.Read("error/1_bad.xml.error.txt");
  EXPECT_THAT(sidecar, HasSubstr("line 93: malformed XML outside any IDOC: mismatched tag"));
  EXPECT_THAT(sidecar, HasSubstr("1_bad.xml byte 2444, after IDOC 1 (the records before it were stored)"));
  EXPECT_EQ(inbox.counts().at("files_failed"), 1);
  EXPECT_EQ(inbox.counts().at("files_archived"), 1);
  EXPECT_EQ(inbox.counts().at("idocs_read"), 2);
  EXPECT_GT(inbox.counts().at("bytes_read"), 0);
}

TEST(SupplyChainFolder, ChineseEncodedFilesAreReadAndOneWhoseBytesAreNotItsEncodingIsSetAsideNamingTheByte) {
  Inbox inbox;
  inbox.Write("1_gbk.xml", Fixture("debmas07_gbk.xml"));
  inbox.Write("2_mixed.xml", Fixture("debmas07_gbk_mismatch.xml"));
  inbox.Write("3_gb18030.xml", Fixture("debmas07_gb18030.xml"));
  std::string big5 = Fixture("debmas07.xml");
  big5.replace(0, big5.find("?>"), "<?xml version=\"1.0\" encoding=\"Big5\"");
  inbox.Write("4_big5.xml", big5);
  std::string cursor;
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor);
  // The mixed file's first IDOC is read before its bad bytes are met; the rest of the folder goes on.
  EXPECT_THAT(Keys(records),
              ElementsAre("party:0000200001", "party:0000200002", "party:0000200001", "party:0000300001"));
  EXPECT_EQ(Text(records[1], "name"), "北京中关村科技发展（集团）股份有限公司 研发中心");
  EXPECT_EQ(Text(records[3], "name"), "深圳市𠮷祥电子科技有限公司");
  EXPECT_THAT(inbox.Names("archive"), ElementsAre("1_gbk.xml", "3_gb18030.xml"));
  EXPECT_THAT(inbox.Names("error"),
              ElementsAre("2_mixed.xml", "2_mixed.xml.error.txt", "4_big5.xml", "4_big5.xml.error.txt"));
  const std::string mixed = inbox.Read("error/2_mixed.xml.error.txt");
  EXPECT_THAT(mixed,
              HasSubstr("2_mixed.xml: byte 1860 (line 64): invalid GBK byte 0xB8 (the file declares encoding GBK)"));
  EXPECT_THAT(mixed, HasSubstr("position: 2_mixed.xml byte 1123, after IDOC 1 (the records before it were stored)"));
  EXPECT_THAT(inbox.Read("error/4_big5.xml.error.txt"),
              HasSubstr("4_big5.xml: line 1: the declaration names encoding \"BIG5\", which IDoc-XML files are not "
                        "read in"));
  EXPECT_EQ(inbox.counts().at("files_failed"), 2);
}

TEST(SupplyChainFolder, AResumedReadGivesEachRecordOnceFromAnyCommittedCursor) {
  Inbox inbox;
  inbox.Write("1_debmas.xml", Fixture("debmas07.xml"));
  inbox.Write("2_orders.xml", Fixture("orders05.xml"));
  std::string cursor;
  SupplyChainSource source = inbox.Source();
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 3);
  ASSERT_TRUE(first.ok());
  sdk::Result<sdk::Batch> second = source.ReadBatch(first->next_cursor, 3);
  ASSERT_TRUE(second.ok());
  // Killed after the second batch's first record was committed: a new source goes on from there.
  cursor = second->records[0].cursor;
  const std::vector<sdk::Record> rest = inbox.ReadToEnd(&cursor, 2);
  std::vector<std::string> keys = Keys(first->records);
  keys.push_back(Keys(second->records)[0]);
  for (const std::string& key : Keys(rest)) keys.push_back(key);
  EXPECT_EQ(keys.size(), 12u);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 12u);
}

TEST(SupplyChainFolder, EdifactAndUblFilesAreToldByTheirContentAndRead) {
  Inbox inbox;
  inbox.Write("1_orders.edi", Fixture("orders_d03b.edi"));
  inbox.Write("2_order.xml", Fixture("order_ubl21.xml"));
  inbox.Write("3_delivery.xml", Fixture("delvry03.xml"));
  std::string cursor;
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor, 2);
  const std::vector<std::string> keys = Keys(records);
  ASSERT_EQ(keys.size(), 5u + 5u + 3u) << ::testing::PrintToString(keys);
  EXPECT_EQ(keys[0], "order:PO-NW-2026-401");
  EXPECT_EQ(Text(records[0], "party_source_id"), "0000100001");
  EXPECT_EQ(Text(records[0], "requested_on"), "2026-12-16");
  EXPECT_THAT(keys, ::testing::Contains("order_line:PO-NW-2026-401/2"));
  EXPECT_THAT(keys, ::testing::Contains("order:PO-AL-2026-77"));
  EXPECT_THAT(keys, ::testing::Contains("party:0000100003"));
  EXPECT_EQ(keys.back(), "delivery_line:0080001234/20");
  for (const sdk::Record& record : records) EXPECT_EQ(record.rejection, "") << record.position;
  EXPECT_THAT(inbox.Names("archive"), ElementsAre("1_orders.edi", "2_order.xml", "3_delivery.xml"));
}

TEST(SupplyChainFolder, AnEdifactMessageWithAWrongSegmentCountIsQuarantinedAndAFileWithoutUnzSetAside) {
  Inbox inbox;
  std::string miscounted = Fixture("orders_d03b.edi");
  miscounted.replace(miscounted.find("UNT+21+1'"), 9, "UNT+19+1'");
  inbox.Write("1_miscounted.edi", miscounted);
  std::string cut = Fixture("orders_d03b.edi");
  cut.erase(cut.find("UNZ+"));
  inbox.Write("2_cut.edi", cut);
  std::string cursor;
  const std::vector<sdk::Record> records = inbox.ReadToEnd(&cursor);
  const std::vector<std::string> keys = Keys(records);
  ASSERT_FALSE(records.empty());
  EXPECT_NE(records[0].rejection, "");
  EXPECT_THAT(records[0].rejection, HasSubstr("UNT"));
  EXPECT_THAT(records[0].position, HasSubstr("1_miscounted.edi:segment 2"));
  EXPECT_THAT(Text(records[0], "raw"), HasSubstr("BGM+220+PO-NW-2026-401"));
  EXPECT_THAT(inbox.Names("error"), ElementsAre("2_cut.edi", "2_cut.edi.error.txt"));
  EXPECT_THAT(inbox.Read("error/2_cut.edi.error.txt"), HasSubstr("EDIFACT: "));
}

}  // namespace
}  // namespace hub::supply_chain
