// Folder names and UID sets as the IMAP commands carry them.
#include "email/imap_command.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

TEST(QuotedMailboxName, WritesNonAsciiInModifiedUtf7) {
  // RFC 3501 section 5.1.3's example: "~peter/mail/台北/日本語".
  EXPECT_EQ(QuotedMailboxName("~peter/mail/台北/日本語"), "\"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"");
  EXPECT_EQ(QuotedMailboxName("销售"), "\"&lQBVLg-\"");
  EXPECT_EQ(QuotedMailboxName("INBOX"), "\"INBOX\"");
}

TEST(QuotedMailboxName, EscapesAmpersandQuoteAndBackslash) {
  EXPECT_EQ(QuotedMailboxName("R&D"), "\"R&-D\"");
  EXPECT_EQ(QuotedMailboxName(R"(a"b\c)"), R"("a\"b\\c")");
}

TEST(QuotedMailboxName, WritesCharactersOutsideTheBasicPlaneAsSurrogatePairs) {
  // U+1F600 is D83D DE00 in UTF-16.
  EXPECT_EQ(QuotedMailboxName("\xF0\x9F\x98\x80"), "\"&2D3eAA-\"");
}

TEST(UidSet, WritesRunsAsRanges) {
  EXPECT_EQ(UidSet({7}), "7");
  EXPECT_EQ(UidSet({3, 4, 5, 9, 11, 12}), "3:5,9,11:12");
}

}  // namespace
}  // namespace hub::email
