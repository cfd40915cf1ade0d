// The finance connector's UBL folder through FinanceSource: alone or after the ODBC streams, files in name
// order, bad files set aside with a sidecar, a half-written file left until it settles, nothing new on a
// second run, and a run killed after any record resumed without losing or repeating one.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "finance_database.hpp"

namespace hub::finance::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const fs::path kFixtures = fs::path(HUB_SOURCE_DIR) / "tests/data/finance/ubl";

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Names(const fs::path& folder) {
  std::vector<std::string> names;
  if (!fs::exists(folder)) return names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// A UBL inbox with archive and error folders beside it, and a clock the test moves.
class UblInbox {
 public:
  UblInbox() { fs::create_directories(dir_.path() / "in"); }

  // Copies a fixture into the inbox under `name` (its own name when empty).
  void Drop(const std::string& fixture, std::string name = "") {
    if (name.empty()) name = fs::path(fixture).filename();
    dir_.Write("in/" + name, ReadText(kFixtures / fixture));
  }
  void DropAll() {
    for (const char* name : {"INV-2026-0101.xml", "INV-2026-0102.xml", "CN-2026-0007.xml"}) Drop(name);
    for (const char* name : {"malformed.xml", "order.xml", "no_customer.xml", "no_number.xml"}) {
      Drop(std::string("bad/") + name, std::string("X-") + name);
    }
  }
  void Write(const std::string& name, const std::string& bytes) { dir_.Write("in/" + name, bytes); }

  std::map<std::string, std::string> Options(bool archive = false) const {
    std::map<std::string, std::string> options{{"ubl_path", (dir_.path() / "in").string()},
                                               {"error_dir", (dir_.path() / "error").string()}};
    if (archive) options["archive_dir"] = (dir_.path() / "archive").string();
    return options;
  }
  static FinanceOptions Parse(std::map<std::string, std::string> values) {
    sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(
        sdk::Options(std::map<std::string, std::string, std::less<>>(values.begin(), values.end())));
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    return parsed.ok() ? *parsed : FinanceOptions{};
  }
  FinanceSource Source(const FinanceOptions& options) {
    return FinanceSource(
        options, {}, {},
        [this] {
          const auto now = std::chrono::system_clock::now() + ahead_;
          return std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
        },
        [this](std::string_view counter, std::int64_t delta) { counts_[std::string(counter)] += delta; });
  }
  void SetClockAhead(std::chrono::milliseconds ahead) { ahead_ = ahead; }

  fs::path Path(const std::string& sub) const { return dir_.path() / sub; }
  std::int64_t Count(const std::string& counter) const {
    auto found = counts_.find(counter);
    return found == counts_.end() ? 0 : found->second;
  }

 private:
  hub::test::TempDir dir_;
  std::chrono::milliseconds ahead_{std::chrono::hours(1)};
  std::map<std::string, std::int64_t> counts_;
};

const std::vector<std::string> kFolderKeys = {
    "party:C-SH-0042",       "invoice:CN-2026-0007",         "invoice_line:CN-2026-0007/1",  "party:C-SH-0042",
    "invoice:INV-2026-0101", "invoice_line:INV-2026-0101/1", "invoice_line:INV-2026-0101/2", "party:91110108MA01C2HX7C",
    "invoice:INV-2026-0102", "invoice_line:INV-2026-0102/1"};

TEST(UblFolder, AloneItReadsTheFilesInNameOrderAndSetsBadOnesAsideWithASidecar) {
  UblInbox inbox;
  inbox.DropAll();
  FinanceSource source = inbox.Source(UblInbox::Parse(inbox.Options()));
  RunResult run = ReadRun(source, "", 2);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(Keys(run.records), ElementsAreArray(kFolderKeys));
  EXPECT_THAT(
      Names(inbox.Path("error")),
      ElementsAre("X-malformed.xml", "X-malformed.xml.error.txt", "X-no_customer.xml", "X-no_customer.xml.error.txt",
                  "X-no_number.xml", "X-no_number.xml.error.txt", "X-order.xml", "X-order.xml.error.txt"));
  EXPECT_EQ(inbox.Count("files_failed"), 4);
  const std::string malformed = ReadText(inbox.Path("error/X-malformed.xml.error.txt"));
  EXPECT_THAT(malformed, HasSubstr("UBL: X-malformed.xml:byte "));
  EXPECT_THAT(malformed, HasSubstr("the XML does not parse"));
  EXPECT_THAT(malformed, HasSubstr("position: X-malformed.xml after record 0"));
  EXPECT_THAT(ReadText(inbox.Path("error/X-order.xml.error.txt")),
              HasSubstr("X-order.xml: a UBL Order, not an Invoice or CreditNote"));
  EXPECT_THAT(ReadText(inbox.Path("error/X-no_customer.xml.error.txt")),
              HasSubstr("the invoice INV-2026-0191 has no customer"));
  EXPECT_THAT(ReadText(inbox.Path("error/X-no_number.xml.error.txt")), HasSubstr("the CreditNote has no cbc:ID"));
  for (const sdk::Record& record : run.records) EXPECT_EQ(record.source_system, "finance_ubl");
}

TEST(UblFolder, ASecondRunReadsNothingNewAndArchivesTheFilesTheFirstStored) {
  UblInbox inbox;
  inbox.DropAll();
  const FinanceOptions options = UblInbox::Parse(inbox.Options(true));
  FinanceSource source = inbox.Source(options);
  RunResult first = ReadRun(source, "", 50);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  ASSERT_EQ(first.records.size(), kFolderKeys.size());
  RunResult second = ReadRun(source, first.final_cursor, 50);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(second.records, IsEmpty());
  EXPECT_THAT(Names(inbox.Path("archive")), ElementsAre("CN-2026-0007.xml", "INV-2026-0101.xml", "INV-2026-0102.xml"));
  EXPECT_THAT(Names(inbox.Path("in")), IsEmpty());

  inbox.Drop("INV-2026-0101.xml", "INV-2026-0103.xml");  // a later file, even one of the same content
  RunResult third = ReadRun(source, second.final_cursor, 50);
  ASSERT_TRUE(third.ok) << third.status.ToString();
  EXPECT_THAT(Keys(third.records), ElementsAre("party:C-SH-0042", "invoice:INV-2026-0101",
                                               "invoice_line:INV-2026-0101/1", "invoice_line:INV-2026-0101/2"));
}

TEST(UblFolder, AHalfWrittenFileIsNotReadUntilItSettles) {
  UblInbox inbox;
  const std::string whole = ReadText(kFixtures / "INV-2026-0101.xml");
  inbox.Write("INV-2026-0101.xml", whole.substr(0, whole.size() / 2));
  inbox.SetClockAhead(std::chrono::seconds(0));
  const FinanceOptions options = UblInbox::Parse(inbox.Options());
  FinanceSource source = inbox.Source(options);
  RunResult during = ReadRun(source, "", 10);
  ASSERT_TRUE(during.ok) << during.status.ToString();
  EXPECT_THAT(during.records, IsEmpty());
  EXPECT_THAT(Names(inbox.Path("error")), IsEmpty());

  inbox.Write("INV-2026-0101.xml", whole);  // the copy finishes, in place: still inside the settle time
  RunResult copied = ReadRun(source, during.final_cursor, 10);
  ASSERT_TRUE(copied.ok) << copied.status.ToString();
  EXPECT_THAT(copied.records, IsEmpty());

  inbox.SetClockAhead(std::chrono::minutes(2));  // settle_time (1m) later
  RunResult settled = ReadRun(source, copied.final_cursor, 10);
  ASSERT_TRUE(settled.ok) << settled.status.ToString();
  EXPECT_EQ(settled.records.size(), 4u);
  EXPECT_THAT(Names(inbox.Path("error")), IsEmpty());
}

TEST(UblFolder, AloneARunKilledAfterAnyRecordResumesWithoutLosingOrRepeating) {
  UblInbox inbox;
  inbox.DropAll();
  // The bad files are set aside by the reference run already; they give no records, so no cursor points into them.
  const FinanceOptions options = UblInbox::Parse(inbox.Options());
  FinanceSource whole = inbox.Source(options);
  RunResult reference = ReadRun(whole, "", 3);
  ASSERT_TRUE(reference.ok) << reference.status.ToString();
  ASSERT_EQ(Keys(reference.records), kFolderKeys);
  for (std::size_t kill = 0; kill < reference.records.size(); ++kill) {
    FinanceSource resumed = inbox.Source(options);
    RunResult rest = ReadRun(resumed, reference.records[kill].cursor, 3);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    std::vector<std::string> keys(kFolderKeys.begin(), kFolderKeys.begin() + static_cast<std::ptrdiff_t>(kill) + 1);
    for (const std::string& key : Keys(rest.records)) keys.push_back(key);
    EXPECT_EQ(keys, kFolderKeys) << "killed after record " << kill;
    EXPECT_EQ(rest.final_cursor, reference.final_cursor);
  }
}

TEST(UblFolder, NeitherConnectionNorFolderIsRefused) {
  sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(sdk::Options{});
  EXPECT_THAT(parsed.status().message(), HasSubstr("give option 'connection'"));
  EXPECT_THAT(parsed.status().message(), HasSubstr("'ubl_path'"));
  EXPECT_THAT(ParseFinanceOptions(sdk::Options({{"ubl_path", "in"}, {"ubl_system", "Finance UBL"}})).status().message(),
              HasSubstr("option 'ubl_system': 'Finance UBL' is not a system name"));
}

class TablesAndFolder : public FinanceDriverTest {};

TEST_P(TablesAndFolder, ARunReadsTheStreamsThenTheFolderAndResumesAnywhereWithoutDuplicates) {
  UblInbox inbox;
  inbox.DropAll();
  std::map<std::string, std::string> overrides = inbox.Options();
  overrides["overlap"] = "0s";
  const FinanceOptions options = MakeOptions(db(), overrides);
  FinanceSource whole = inbox.Source(options);
  RunResult reference = ReadRun(whole, "", 4);
  ASSERT_TRUE(reference.ok) << reference.status.ToString();
  const std::vector<std::string> expected = Keys(reference.records);
  ASSERT_EQ(expected.size(), 56u + kFolderKeys.size());
  EXPECT_EQ(std::vector<std::string>(expected.end() - static_cast<std::ptrdiff_t>(kFolderKeys.size()), expected.end()),
            kFolderKeys);
  for (std::size_t kill = 0; kill < reference.records.size(); kill += 3) {
    FinanceSource resumed = inbox.Source(options);
    RunResult rest = ReadRun(resumed, reference.records[kill].cursor, 4);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    std::vector<std::string> keys(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(kill) + 1);
    for (const std::string& key : Keys(rest.records)) keys.push_back(key);
    EXPECT_EQ(keys, expected) << "killed after record " << kill;
  }
  // The next run re-reads each stream's newest row (no overlap, its timestamp is the watermark) and nothing of
  // the folder.
  RunResult idle = ReadRun(whole, reference.final_cursor, 4);
  ASSERT_TRUE(idle.ok) << idle.status.ToString();
  for (const sdk::Record& record : idle.records) EXPECT_NE(record.source_system, "finance_ubl") << record.source_id;
  EXPECT_EQ(idle.records.size(), 6u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, TablesAndFolder, ::testing::Values(Backend::kSqlite, Backend::kPostgres), DriverName);

}  // namespace
}  // namespace hub::finance::test
