// EmailSource over a real Maildir: batches of records with the mailbox's cursor, attachments' bytes kept
// content-addressed before the batch is given, a file that is no message quarantined with its place.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "email/email_source.hpp"
#include "email/mail_need.hpp"
#include "email/maildir_mailbox.hpp"
#include "maildir_tree.hpp"
#include "support/temp_dir.hpp"

namespace hub::email {
namespace {

namespace fs = std::filesystem;

const std::string kWithAttachment =
    "Message-ID: <att@x>\r\nFrom: a@x.example.com\r\nSubject: drawing\r\nMIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"d.bin\"\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b--\r\n";
const std::string kHelloSha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

class EmailSourceTest : public ::testing::Test {
 protected:
  EmailSource Source(std::optional<AttachmentStore> attachments) {
    MaildirOptions options;
    options.root = tree_.root();
    MessageRules rules;
    rules.need_keywords = DefaultNeedKeywords();
    return EmailSource(std::make_unique<MaildirMailbox>(options), rules, std::move(attachments));
  }

  test::TempDir dir_;
  MaildirTree tree_{dir_.path() / "Maildir"};
};

TEST_F(EmailSourceTest, KeepsEachAttachmentUnderItsHashBeforeGivingTheBatch) {
  fs::create_directories(dir_.path() / "attachments");
  tree_.Deliver("INBOX", 1700000000, kWithAttachment);
  tree_.Deliver("Sent", 1700000001, kWithAttachment);  // the same bytes again: one file
  EmailSource source = Source(AttachmentStore(dir_.path() / "attachments"));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_TRUE(batch->end_of_data);
  EXPECT_EQ(batch->records[0].source_id, batch->records[1].source_id) << "one message, one activity";
  const fs::path kept = dir_.path() / "attachments" / kHelloSha256.substr(0, 2) / kHelloSha256;
  std::ifstream in(kept, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(), "hello");
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_.path() / "attachments"))
    files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(EmailSourceTest, AnAttachmentThatCannotBeKeptFailsTheReadSoTheCursorStays) {
  tree_.Deliver("INBOX", 1700000000, kWithAttachment);
  // A folder under a file cannot be made.
  std::ofstream(dir_.path() / "a file") << "x";
  EmailSource source = Source(AttachmentStore(dir_.path() / "a file" / "attachments"));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kIoError);
  EXPECT_NE(batch.status().message().find("INBOX new/"), std::string::npos) << batch.status().message();
}

TEST_F(EmailSourceTest, AFileThatIsNoMessageBecomesARejectedRecordAndReadingGoesOn) {
  const std::string empty = tree_.Deliver("INBOX", 1700000000, "");
  tree_.Deliver("INBOX", 1700000001, "Message-ID: <ok@x>\r\nFrom: a@x.example.com\r\n\r\nhi\r\n");
  EmailSource source = Source(std::nullopt);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  ASSERT_EQ(batch->records.size(), 2u);
  EXPECT_EQ(batch->records[0].position, "INBOX new/" + empty);
  EXPECT_EQ(batch->records[0].rejection, "not a message: no bytes");
  EXPECT_TRUE(batch->records[1].rejection.empty());
  EXPECT_EQ(batch->records[1].source_id, "ok@x");
  sdk::Result<sdk::Batch> again = source.ReadBatch(batch->next_cursor, 10);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->records.empty());
}

}  // namespace
}  // namespace hub::email
