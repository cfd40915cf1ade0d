// Reading EXAMINE, UID SEARCH and UID FETCH replies.
#include "email/imap_replies.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

ImapReply Reply(std::vector<ImapResponse> untagged) { return ImapReply{std::move(untagged), "OK", "done"}; }

TEST(ImapReplies, ReadsTheUidValidityOfAnExamine) {
  const ImapReply reply = Reply({{"* 3 EXISTS", {}},
                                 {"* OK [UIDVALIDITY 1796233875] UIDs valid", {}},
                                 {"* OK [UIDNEXT 4] Predicted next UID", {}}});
  EXPECT_EQ(UidValidityOf(reply), 1796233875u);
  EXPECT_FALSE(UidValidityOf(Reply({{"* 3 EXISTS", {}}})).has_value());
}

TEST(ImapReplies, ReadsSearchedUidsAscendingWithoutRepeats) {
  sdk::Result<std::vector<std::uint32_t>> uids =
      SearchedUids(Reply({{"* SEARCH 9 4 7", {}}, {"* 5 EXISTS", {}}, {"* SEARCH 4 12", {}}}));
  ASSERT_TRUE(uids.ok());
  EXPECT_EQ(*uids, (std::vector<std::uint32_t>{4, 7, 9, 12}));
  sdk::Result<std::vector<std::uint32_t>> none = SearchedUids(Reply({{"* SEARCH", {}}}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(SearchedUids(Reply({{"* SEARCH 4 x", {}}})).status().code(), sdk::StatusCode::kDataError);
}

TEST(ImapReplies, TakesTheBodiesOfFetchResponsesAndLeavesFlagUpdatesOut) {
  ImapReply reply = Reply({{"* 1 FETCH (UID 5 INTERNALDATE \" 2-Dec-2026 18:12:24 +0800\" BODY[] {3})", {"abc"}},
                           {"* 2 FETCH (FLAGS (\\Seen))", {}},
                           {"* 3 FETCH (BODY[] {2} UID 9 FLAGS ())", {"de"}},
                           {"* 4 FETCH (UID 10 BODY[] NIL)", {}},
                           {"* 7 EXISTS", {}}});
  sdk::Result<std::vector<FetchedBody>> bodies = FetchedBodies(reply);
  ASSERT_TRUE(bodies.ok()) << bodies.status().ToString();
  ASSERT_EQ(bodies->size(), 3u);
  EXPECT_EQ((*bodies)[0].uid, 5u);
  EXPECT_EQ((*bodies)[0].bytes, "abc");
  EXPECT_EQ((*bodies)[0].internal_date, ParseInternalDate("02-Dec-2026 10:12:24 +0000"));
  EXPECT_FALSE((*bodies)[1].internal_date.has_value());
  EXPECT_EQ((*bodies)[1].uid, 9u);
  EXPECT_EQ((*bodies)[1].bytes, "de");
  EXPECT_EQ((*bodies)[2].uid, 10u);
  EXPECT_EQ((*bodies)[2].bytes, "");
}

TEST(ImapReplies, ReadsAnInternalDateAsUtc) {
  using namespace std::chrono;
  EXPECT_EQ(ParseInternalDate("02-Dec-2026 18:12:24 +0800"),
            sys_days(year(2026) / December / 2) + hours(10) + minutes(12) + seconds(24));
  EXPECT_EQ(ParseInternalDate(" 1-Jan-2027 00:30:00 -0130"), sys_days(year(2027) / January / 1) + hours(2));
  for (const char* bad : {"", "02-Dek-2026 18:12:24 +0800", "31-Feb-2026 18:12:24 +0800", "02-Dec-2026 18:12:24"}) {
    EXPECT_FALSE(ParseInternalDate(bad).has_value()) << bad;
  }
}

TEST(ImapReplies, RefusesAFetchResponseThatDoesNotParse) {
  ImapReply reply = Reply({{"* 1 FETCH (UID five BODY[] {3})", {"abc"}}});
  EXPECT_EQ(FetchedBodies(reply).status().code(), sdk::StatusCode::kDataError);
  ImapReply unterminated = Reply({{"* 1 FETCH (UID 5 BODY[] {3}", {"abc"}}});
  EXPECT_EQ(FetchedBodies(unterminated).status().code(), sdk::StatusCode::kDataError);
}

}  // namespace
}  // namespace hub::email
