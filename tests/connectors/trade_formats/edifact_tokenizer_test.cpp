#include "trade_formats/edifact_tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using testing::Describe;

// Every segment described, and the status of Feed + Finish.
struct Tokens {
  std::vector<std::string> segments;
  sdk::Status status;
};

// What the tokenizer gives for `bytes`; at UNB the envelope's part is played: the version and charset set.
Tokens Tokenize(std::string_view bytes, int syntax_version = 0, std::string_view charset = "UNOA") {
  Tokens tokens;
  EdifactTokenizer* self = nullptr;
  EdifactTokenizer tokenizer([&](const EdifactSegment& segment) {
    tokens.segments.push_back(Describe(segment));
    if (segment.tag == "UNB" && syntax_version > 0) {
      self->SetSyntaxVersion(syntax_version);
      self->SetCharset(*EdifactCharset::FromSyntaxIdentifier(charset));
    }
    return sdk::Status::Ok();
  });
  self = &tokenizer;
  tokens.status = tokenizer.Feed(bytes);
  if (tokens.status.ok()) tokens.status = tokenizer.Finish();
  return tokens;
}

TEST(EdifactTokenizer, UsesTheDefaultSeparatorsWithoutUna) {
  Tokens tokens = Tokenize("UNB+UNOA:3+SENDER+RECEIVER+260101:1200+1'BGM+220+PO 1'");
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  EXPECT_EQ(tokens.segments,
            (std::vector<std::string>{"UNB[UNOA:3|SENDER|RECEIVER|260101:1200|1]@0:1", "BGM[220|PO 1]@41:1"}));
}

TEST(EdifactTokenizer, TakesEverySeparatorFromUna) {
  Tokens tokens = Tokenize("UNA|^,#~!UNB^UNOA|4^S^R^260101|1200^1!FTX^a#!b#^c|d~e|f!", 4);
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  ASSERT_EQ(tokens.segments.size(), 2u);
  EXPECT_EQ(tokens.segments[1], "FTX[a!b^c:d~e:f]@38:1");
}

TEST(EdifactTokenizer, ReleaseCharacterEscapesWhateverFollows) {
  Tokens tokens = Tokenize("FTX+A?'B?\?C?+D?:E?*F'IMD+x?\?'");
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  EXPECT_EQ(tokens.segments, (std::vector<std::string>{"FTX[A'B?C+D:E*F]@0:1", "IMD[x?]@21:1"}));
}

TEST(EdifactTokenizer, SkipsLineBreaksAfterATerminatorAndCountsLines) {
  Tokens tokens = Tokenize("\r\nUNB+X'\r\nUNH+1'\nBGM+2'\n\n");
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  EXPECT_EQ(tokens.segments, (std::vector<std::string>{"UNB[X]@2:2", "UNH[1]@10:3", "BGM[2]@17:4"}));
}

TEST(EdifactTokenizer, KeepsALineBreakInsideDataButFaultsItInAServiceSegment) {
  Tokens tokens = Tokenize("UNB+UNOC:3'FTX+a\nb'UNH+1\n+X'BGM+1'", 3, "UNOC");
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  ASSERT_EQ(tokens.segments.size(), 4u);
  EXPECT_EQ(tokens.segments[1], "FTX[a\nb]@11:1");
  EXPECT_NE(tokens.segments[2].find("!a line break inside the service segment UNH"), std::string::npos);
  EXPECT_EQ(tokens.segments[3], "BGM[1]@28:3");
}

TEST(EdifactTokenizer, MarksABadTagAndReadsOnAfterItsTerminator) {
  Tokens tokens = Tokenize("ab+1'BGM+2'LINE+3'");
  ASSERT_TRUE(tokens.status.ok()) << tokens.status.ToString();
  ASSERT_EQ(tokens.segments.size(), 3u);
  EXPECT_NE(tokens.segments[0].find("!segment tag 'ab' is not 3 upper-case letters or digits"), std::string::npos);
  EXPECT_EQ(tokens.segments[1], "BGM[2]@5:1");
  EXPECT_NE(tokens.segments[2].find("!segment tag 'LINE'"), std::string::npos);
}

TEST(EdifactTokenizer, AReleaseCharacterAsTheLastByteIsAnError) {
  Tokens tokens = Tokenize("BGM+1'FTX+abc?");
  EXPECT_EQ(tokens.status.code(), sdk::StatusCode::kDataError);
  EXPECT_NE(tokens.status.message().find("segment 2 byte 6: the data ends with the release character '?'"),
            std::string::npos)
      << tokens.status.message();
}

TEST(EdifactTokenizer, DataWithoutAFinalTerminatorIsAnError) {
  Tokens tokens = Tokenize("BGM+1'UNZ+1+2?'");
  EXPECT_EQ(tokens.status.code(), sdk::StatusCode::kDataError);
  EXPECT_NE(tokens.status.message().find("the data ends inside a segment"), std::string::npos)
      << tokens.status.message();
}

TEST(EdifactTokenizer, UnaCutShortOrNamingASeparatorTwiceIsAnError) {
  EXPECT_NE(Tokenize("UNA:+.").status.message().find("ends inside the UNA"), std::string::npos);
  Tokens twice = Tokenize("UNA:+.?:'UNB+X'");
  EXPECT_EQ(twice.status.code(), sdk::StatusCode::kDataError);
  EXPECT_NE(twice.status.message().find("twice"), std::string::npos);
}

TEST(EdifactTokenizer, CountsEmptyTrailingElementsAndComponents) {
  EdifactSegment kept;
  EdifactTokenizer tokenizer([&](const EdifactSegment& segment) {
    kept = segment;
    return sdk::Status::Ok();
  });
  ASSERT_TRUE(tokenizer.Feed("NAD+DP+++X+:::'").ok());
  EXPECT_EQ(kept.element_count(), 5u);
  EXPECT_EQ(kept.Get(3), "X");
  EXPECT_EQ(kept.component_count(4), 4u);
  EXPECT_EQ(kept.Get(9, 9), "");
}

TEST(EdifactTokenizer, HasNoRepetitionSeparatorBeforeVersion4) {
  EXPECT_EQ(Tokenize("UNB+UNOA:3'COM+a*b'", 3).segments[1], "COM[a*b]@11:1");
  EXPECT_EQ(Tokenize("UNB+UNOA:4'COM+a*b'", 4).segments[1], "COM[a~b]@11:1");
  // With UNA, v4 takes its repetition character; a space there means none.
  EXPECT_EQ(Tokenize("UNA:+.?*'UNB+UNOA:4'COM+a*b'", 4).segments[1], "COM[a~b]@20:1");
  EXPECT_EQ(Tokenize("UNA:+.? 'UNB+UNOA:4'COM+a*b'", 4).segments[1], "COM[a*b]@20:1");
}

}  // namespace
}  // namespace hub::trade_formats
