// The drop folder's ledger of what was sent once per key, which the supply_chain order drop and the finance
// invoice drop share.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "hub/files/drop_ledger.hpp"
#include "support/temp_dir.hpp"

namespace hub::files {
namespace {

TEST(DropLedger, NamesEntriesAndFilesWithOnlySafeCharacters) {
  EXPECT_EQ(LedgerEntryName("SO-77"), "SO-77");
  EXPECT_EQ(LedgerEntryName("supply_chain:0080001234"), "supply_chain%3A0080001234");
  EXPECT_EQ(LedgerEntryName("../etc/v1.2"), "%2E.%2Fetc%2Fv1.2") << "no way out of the ledger folder";
  EXPECT_EQ(FileNamePart("PO 9/<10>"), "PO_9__10_");
}

TEST(DropLedger, ADroppedKeyHasItsFileAndAnEntryNamingIt) {
  hub::test::TempDir dir;
  DropLedger ledger(dir.path());
  EXPECT_FALSE(ledger.Has("a:1"));
  ASSERT_TRUE(ledger.Drop("a:1", "DOC_1.xml", "<doc/>", "event_id: e-1\n").ok());
  EXPECT_TRUE(ledger.Has("a:1"));
  EXPECT_FALSE(ledger.Has("a:2"));
  std::ifstream entry(dir.path() / ".hub_sent" / "a%3A1");
  std::stringstream text;
  text << entry.rdbuf();
  EXPECT_EQ(text.str(), "file: DOC_1.xml\nevent_id: e-1\n");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "DOC_1.xml"));
  EXPECT_TRUE(ledger.CheckWritable("drop_dir").ok());
}

TEST(DropLedger, AFolderThatIsNotThereIsUnavailableAndNotCreated) {
  hub::test::TempDir dir;
  DropLedger ledger(dir.path() / "mount");
  EXPECT_EQ(ledger.Drop("a:1", "DOC_1.xml", "<doc/>", "").code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(ledger.CheckWritable("drop_dir").code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(ledger.CheckWritable("drop_dir").message().find("drop_dir "), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "mount"));
}

}  // namespace
}  // namespace hub::files
