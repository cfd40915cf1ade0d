// The IMAP response reader and scanner on byte streams written here, as servers send them.
#include "email/imap_response.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hub::email {
namespace {

std::vector<ImapResponse> ReadAll(const std::string& stream, std::size_t piece) {
  ImapResponseReader reader;
  std::vector<ImapResponse> responses;
  for (std::size_t at = 0; at < stream.size(); at += piece) {
    reader.Feed(std::string_view(stream).substr(at, piece));
    while (std::optional<ImapResponse> response = reader.Next()) responses.push_back(std::move(*response));
  }
  return responses;
}

// A message whose text holds what looks like protocol: a tagged completion, an untagged response, a literal's
// announcement. Taken by its length, none of it ends the response.
const std::string kTrickyMessage = "Subject: x\r\n\r\nh2 OK done\r\n* 9 EXISTS\r\nsee {12}\r\n";

TEST(ImapResponseReader, TakesALiteralByItsLengthWhateverItHolds) {
  const std::string stream = "* 1 FETCH (UID 7 BODY[] {" + std::to_string(kTrickyMessage.size()) + "}\r\n" +
                             kTrickyMessage + ")\r\nh2 OK Fetch completed.\r\n";
  const std::vector<ImapResponse> responses = ReadAll(stream, stream.size());
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].text, "* 1 FETCH (UID 7 BODY[] {" + std::to_string(kTrickyMessage.size()) + "})");
  ASSERT_EQ(responses[0].literals.size(), 1u);
  EXPECT_EQ(responses[0].literals[0], kTrickyMessage);
  EXPECT_EQ(responses[1].text, "h2 OK Fetch completed.");
}

TEST(ImapResponseReader, GivesTheSameResponsesWhateverPiecesTheBytesArriveIn) {
  std::string stream = "* OK [UIDVALIDITY 17] UIDs valid\r\n";
  for (int uid = 1; uid <= 3; ++uid) {
    stream += "* " + std::to_string(uid) + " FETCH (UID " + std::to_string(uid) + " BODY[] {" +
              std::to_string(kTrickyMessage.size()) + "+}\r\n" + kTrickyMessage + ")\r\n";
  }
  stream += "h3 OK done\r\n";
  const std::vector<ImapResponse> whole = ReadAll(stream, stream.size());
  for (std::size_t piece : {1u, 2u, 7u, 64u}) {
    const std::vector<ImapResponse> pieces = ReadAll(stream, piece);
    ASSERT_EQ(pieces.size(), 5u) << "pieces of " << piece;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      EXPECT_EQ(pieces[i].text, whole[i].text);
      EXPECT_EQ(pieces[i].literals, whole[i].literals);
    }
  }
}

TEST(ImapResponseReader, WaitsForTheRestOfAnAnnouncedLiteral) {
  ImapResponseReader reader;
  reader.Feed("* 1 FETCH (BODY[] {10}\r\n12345");
  EXPECT_FALSE(reader.Next().has_value());
  reader.Feed("67890)\r\n");
  std::optional<ImapResponse> response = reader.Next();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->literals, std::vector<std::string>{"1234567890"});
}

TEST(ImapScanner, ReadsAtomsStringsLiteralsNilAndLists) {
  ImapResponse response{R"(* 4 FETCH (UID 12 FLAGS (\Seen $Junk) X "a \"q\" \\b" BODY[] {3} Y NIL))", {"abc"}};
  ImapScanner scanner(response);
  using Kind = ImapScanner::Kind;
  const std::vector<std::pair<Kind, std::string>> expected = {{Kind::kAtom, "*"},
                                                              {Kind::kAtom, "4"},
                                                              {Kind::kAtom, "FETCH"},
                                                              {Kind::kOpen, ""},
                                                              {Kind::kAtom, "UID"},
                                                              {Kind::kAtom, "12"},
                                                              {Kind::kAtom, "FLAGS"},
                                                              {Kind::kOpen, ""},
                                                              {Kind::kAtom, "\\Seen"},
                                                              {Kind::kAtom, "$Junk"},
                                                              {Kind::kClose, ""},
                                                              {Kind::kAtom, "X"},
                                                              {Kind::kString, "a \"q\" \\b"},
                                                              {Kind::kAtom, "BODY[]"},
                                                              {Kind::kString, "abc"},
                                                              {Kind::kAtom, "Y"},
                                                              {Kind::kNil, ""},
                                                              {Kind::kClose, ""},
                                                              {Kind::kEnd, ""}};
  for (const auto& [kind, value] : expected) {
    const ImapScanner::Token token = scanner.Next();
    EXPECT_EQ(token.kind, kind) << value;
    EXPECT_EQ(token.value, value);
  }
}

TEST(ImapScanner, SkipsAWholeListAsOneValue) {
  ImapResponse response{"(A (B (C)) D) E", {}};
  ImapScanner scanner(response);
  EXPECT_TRUE(scanner.SkipValue());
  EXPECT_EQ(scanner.Next().value, "E");
  EXPECT_FALSE(scanner.SkipValue());
}

}  // namespace
}  // namespace hub::email
