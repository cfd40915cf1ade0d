// The IMAP cursor's text form.
#include "email/imap_cursor.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

TEST(ImapCursor, EmptyTextIsTheEmptyCursor) {
  sdk::Result<ImapCursor> cursor = ParseImapCursor("");
  ASSERT_TRUE(cursor.ok());
  EXPECT_TRUE(cursor->empty());
  EXPECT_EQ(FormatImapCursor({}), "imap1");
}

TEST(ImapCursor, ReadsBackWhatItWrote) {
  const ImapCursor cursor = {
      {"INBOX", {1700000000, 4711}}, {"Sales/China", {1700000002, 18}}, {"销售;a=b%c d", {3, 0}}};
  const std::string text = FormatImapCursor(cursor);
  EXPECT_EQ(text.find("INBOX=1700000000:4711"), 6u) << text;
  EXPECT_EQ(text.find(' '), std::string::npos) << text;
  sdk::Result<ImapCursor> parsed = ParseImapCursor(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, cursor);
}

TEST(ImapCursor, RefusesTextThatIsNotOneNamingTheEntry) {
  for (const char* text : {"maildir1;x", "imap1;INBOX", "imap1;INBOX=1", "imap1;INBOX=a:2", "imap1;=1:2",
                           "imap1;IN%4=1:2", "imap1;INBOX=1:99999999999"}) {
    sdk::Result<ImapCursor> parsed = ParseImapCursor(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument) << text;
  }
}

}  // namespace
}  // namespace hub::email
