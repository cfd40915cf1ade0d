// MaildirMailbox on real Maildir++ trees written by the test: order, folders, the cursor across flag changes,
// moves from new/ to cur/ and late deliveries, and a tree never modified.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "email/maildir_cursor.hpp"
#include "email/maildir_mailbox.hpp"
#include "maildir_tree.hpp"
#include "support/temp_dir.hpp"

namespace hub::email {
namespace {

class MaildirMailboxTest : public ::testing::Test {
 protected:
  MaildirMailbox Mailbox(std::vector<std::string> folders = {}) {
    MaildirOptions options;
    options.root = tree_.root();
    options.folders = std::move(folders);
    options.late_window = std::chrono::minutes(10);
    return MaildirMailbox(options);
  }

  // Every message of `mailbox` from `cursor` on, reading `page_size` at a time; `cursor` ends past them.
  std::vector<std::string> ReadAll(MaildirMailbox& mailbox, std::string& cursor, std::size_t page_size = 1) {
    std::vector<std::string> positions;
    for (int pages = 0; pages < 100; ++pages) {
      sdk::Result<MailboxPage> page = mailbox.Read(cursor, page_size);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      for (const MailboxMessage& message : page->messages) positions.push_back(message.position);
      cursor = page->next_cursor;
      if (page->end_of_data) break;
    }
    return positions;
  }

  test::TempDir dir_;
  MaildirTree tree_{dir_.path() / "Maildir"};
};

TEST_F(MaildirMailboxTest, ReadsNewAndCurInDeliveryOrderWithoutChangingAFile) {
  const std::string second = tree_.Deliver("INBOX", 1700000200, "Subject: b\r\n\r\nb");
  const std::string first = tree_.Deliver("INBOX", 1700000100, "Subject: a\r\n\r\na");
  tree_.Flag("INBOX", first, "S");
  const auto before = tree_.Snapshot();
  MaildirMailbox mailbox = Mailbox();
  std::string cursor;
  EXPECT_EQ(ReadAll(mailbox, cursor), (std::vector<std::string>{"INBOX cur/" + first + ":2,S", "INBOX new/" + second}));
  EXPECT_EQ(tree_.Snapshot(), before) << "the reader must not move, flag or touch a file";
}

TEST_F(MaildirMailboxTest, GivesTheMessageItsFolderBytesAndDeliveryTime) {
  tree_.Deliver("Sales.China", 1700000100, "Subject: 询价\r\n\r\n你好");
  MaildirMailbox mailbox = Mailbox();
  sdk::Result<MailboxPage> page = mailbox.Read("", 10);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->messages.size(), 1u);
  EXPECT_EQ(page->messages[0].folder, "Sales.China");
  EXPECT_EQ(page->messages[0].bytes, "Subject: 询价\r\n\r\n你好");
  EXPECT_EQ(page->messages[0].received_at, std::chrono::sys_seconds(std::chrono::seconds(1700000100)));
  EXPECT_TRUE(page->end_of_data);
}

TEST_F(MaildirMailboxTest, ReadsEveryFolderButTrashJunkSpamAndDraftsUnlessFoldersAreNamed) {
  tree_.Deliver("INBOX", 1700000100, "Subject: i\r\n\r\ni");
  tree_.Deliver("Sales.China", 1700000100, "Subject: s\r\n\r\ns");
  tree_.Deliver("Trash", 1700000100, "Subject: t\r\n\r\nt");
  tree_.Deliver("Junk", 1700000100, "Subject: j\r\n\r\nj");
  std::string cursor;
  MaildirMailbox all = Mailbox();
  std::vector<std::string> folders;
  for (const std::string& position : ReadAll(all, cursor, 10))
    folders.push_back(position.substr(0, position.find(' ')));
  EXPECT_EQ(folders, (std::vector<std::string>{"INBOX", "Sales.China"}));
  cursor.clear();
  MaildirMailbox named = Mailbox({"Trash"});
  EXPECT_EQ(ReadAll(named, cursor).size(), 1u);
}

// The property a kill relies on: from any cursor the reader gave, the rest is read once, whatever a mail reader
// did to the files meanwhile (moved them to cur/, changed their flags).
TEST_F(MaildirMailboxTest, AResumedReadGivesEachMessageOnceAcrossMovesAndFlagChanges) {
  std::vector<std::string> uniques;
  for (int i = 0; i < 6; ++i) {
    uniques.push_back(tree_.Deliver(i % 2 == 0 ? "INBOX" : "Sent", 1700000000 + i, "Subject: m\r\n\r\nm"));
  }
  MaildirMailbox mailbox = Mailbox();
  std::string cursor;
  sdk::Result<MailboxPage> first = mailbox.Read(cursor, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->messages.size(), 2u);
  EXPECT_FALSE(first->end_of_data);
  cursor = first->next_cursor;
  // Everything read and unread is moved and flagged before the next read.
  for (int i = 0; i < 6; ++i) tree_.Flag(i % 2 == 0 ? "INBOX" : "Sent", uniques[i], i % 3 == 0 ? "RS" : "S");
  std::vector<std::string> rest = ReadAll(mailbox, cursor, 1);
  EXPECT_EQ(rest.size(), 4u);
  // "INBOX cur/<unique>:2,S" -> "<unique>".
  auto unique_of = [](const std::string& position) {
    const std::size_t slash = position.find('/');
    return position.substr(
        slash + 1, position.find(':') == std::string::npos ? std::string::npos : position.find(':') - slash - 1);
  };
  std::set<std::string> seen;
  for (const MailboxMessage& message : first->messages) seen.insert(unique_of(message.position));
  for (const std::string& position : rest)
    EXPECT_TRUE(seen.insert(unique_of(position)).second) << "read twice: " << position;
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_TRUE(ReadAll(mailbox, cursor).empty()) << "nothing is left";
}

TEST_F(MaildirMailboxTest, AMessageDeliveredLateWithAnOlderTimeIsReadWithinTheWindowOnly) {
  tree_.Deliver("INBOX", 1700001000, "Subject: a\r\n\r\na");
  MaildirMailbox mailbox = Mailbox();
  std::string cursor;
  ASSERT_EQ(ReadAll(mailbox, cursor).size(), 1u);
  const std::string late = tree_.Deliver("INBOX", 1700001000 - 300, "Subject: late\r\n\r\nlate");
  tree_.Deliver("INBOX", 1700001000 - 3600, "Subject: very late\r\n\r\nvery late");
  EXPECT_EQ(ReadAll(mailbox, cursor), (std::vector<std::string>{"INBOX new/" + late}));
  EXPECT_TRUE(ReadAll(mailbox, cursor).empty());
}

TEST_F(MaildirMailboxTest, ABurstBeyondTheKeysRememberedNarrowsTheWindowWithoutReadingAnyTwice) {
  for (int i = 0; i < 5; ++i) tree_.Deliver("INBOX", 1700001000 + i, "Subject: m\r\n\r\nm");
  MaildirOptions options;
  options.root = tree_.root();
  options.late_window = std::chrono::minutes(10);
  options.max_recent_keys = 2;
  MaildirMailbox mailbox(options);
  std::string cursor;
  ASSERT_EQ(ReadAll(mailbox, cursor, 2).size(), 5u);
  sdk::Result<MaildirCursor> decoded = DecodeMaildirCursor(cursor);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->at("INBOX").recent.size(), 2u);
  EXPECT_EQ(decoded->at("INBOX").floor.delivered, 1700001002);
  // Older than the newest keys remembered: taken as read. Newer than the floor: read.
  tree_.Deliver("INBOX", 1700001001, "Subject: late\r\n\r\nlate");
  const std::string after_floor = tree_.Deliver("INBOX", 1700001003, "Subject: late\r\n\r\nlate");
  EXPECT_EQ(ReadAll(mailbox, cursor), (std::vector<std::string>{"INBOX new/" + after_floor}));
  EXPECT_TRUE(ReadAll(mailbox, cursor).empty());
}

TEST_F(MaildirMailboxTest, AMissingFolderIsUnavailableAndAForeignCursorInvalid) {
  MaildirMailbox missing = Mailbox({"INBOX", "Archive"});
  EXPECT_EQ(missing.Read("", 10).status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(missing.CheckHealth().code(), sdk::StatusCode::kUnavailable);
  MaildirMailbox mailbox = Mailbox();
  EXPECT_TRUE(mailbox.CheckHealth().ok());
  EXPECT_EQ(mailbox.Read("cdr1|0", 10).status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(mailbox.Read("maildir1:[1]", 10).status().code(), sdk::StatusCode::kInvalidArgument);
}

TEST(MaildirCursor, RoundTripsFoldersAndRecentKeys) {
  MaildirCursor cursor;
  cursor["INBOX"].last = {1700000100, "1700000100.M1P1.test"};
  cursor["INBOX"].recent = {{1700000050, "1700000050.M2P1.test"}, {1700000100, "1700000100.M1P1.test"}};
  cursor["Sales.China"].last = {5, "x"};
  cursor["Sales.China"].floor = {3, "y"};
  sdk::Result<MaildirCursor> decoded = DecodeMaildirCursor(EncodeMaildirCursor(cursor));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->size(), 2u);
  EXPECT_EQ(decoded->at("INBOX").last, cursor["INBOX"].last);
  EXPECT_EQ(decoded->at("INBOX").recent, cursor["INBOX"].recent);
  EXPECT_EQ(decoded->at("Sales.China").last, cursor["Sales.China"].last);
  EXPECT_EQ(decoded->at("Sales.China").floor, cursor["Sales.China"].floor);
  EXPECT_TRUE(decoded->at("INBOX").floor.unique.empty());
  EXPECT_EQ(EncodeMaildirCursor({}), "");
}

}  // namespace
}  // namespace hub::email
