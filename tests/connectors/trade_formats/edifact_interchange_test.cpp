#include "trade_formats/edifact_interchange.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using testing::EdifactOutcome;
using ::testing::HasSubstr;
using testing::ReadEdifact;
using testing::ReadFixture;

// An interchange around `messages` (already terminated segments), with UNZ counting `count` messages.
std::string Interchange(const std::string& messages, int count, const std::string& charset = "UNOA:4") {
  return "UNB+" + charset + "+SENDER:14+RECEIVER:14+20261201:1200+REF1'" + messages + "UNZ+" + std::to_string(count) +
         "+REF1'";
}

const std::string kGoodMessage = "UNH+2+ORDERS:D:03B:UN'BGM+220+PO-2+9'UNT+3+2'";

TEST(EdifactInterchange, ReadsEveryMessageOfTheOrdersFixture) {
  EdifactOutcome outcome = ReadEdifact(ReadFixture("orders_unoa_v4.edi"), {}, "orders.edi");
  EXPECT_EQ(outcome.file_error, "");
  EXPECT_EQ(outcome.accepted_types, (std::vector<std::string>{"ORDERS", "ORDERS"}));
  EXPECT_TRUE(outcome.rejections.empty());
}

TEST(EdifactInterchange, AUntCountThatDisagreesRejectsOnlyItsMessage) {
  EdifactOutcome outcome = ReadEdifact(Interchange("UNH+1+ORDERS:D:03B:UN'BGM+220+PO-1+9'UNT+99+1'" + kGoodMessage, 2));
  EXPECT_EQ(outcome.file_error, "");
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_EQ(outcome.rejections[0],
            "test.edi:segment 4 byte 89: UNT counts 99 segments, the message '1' has 3 (UNH to UNT)");
  EXPECT_EQ(outcome.accepted_types, (std::vector<std::string>{"ORDERS"}));
}

TEST(EdifactInterchange, AUntReferenceThatDisagreesRejectsItsMessage) {
  EdifactOutcome outcome = ReadEdifact(Interchange("UNH+1+ORDERS:D:03B:UN'BGM+220+PO-1+9'UNT+3+7'", 1));
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_THAT(outcome.rejections[0], HasSubstr("UNT message reference '7' is not UNH's '1'"));
}

TEST(EdifactInterchange, AMissingUntRejectsTheMessageAndTheNextOneIsRead) {
  EdifactOutcome outcome = ReadEdifact(Interchange("UNH+1+ORDERS:D:03B:UN'BGM+220+PO-1+9'" + kGoodMessage, 2));
  EXPECT_EQ(outcome.file_error, "");
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_THAT(outcome.rejections[0], HasSubstr("test.edi:segment 2 byte 52: message '1' its UNT is missing"));
  EXPECT_EQ(outcome.accepted_types.size(), 1u);
}

TEST(EdifactInterchange, ABadSegmentRejectsItsMessageWithItsPosition) {
  EdifactOutcome outcome =
      ReadEdifact(Interchange("UNH+1+ORDERS:D:03B:UN'BGM+220+PO-1+9'qty+1'UNT+4+1'" + kGoodMessage, 2));
  EXPECT_EQ(outcome.file_error, "");
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_EQ(outcome.rejections[0],
            "test.edi:segment 4 byte 89: segment tag 'qty' is not 3 upper-case letters or digits");
  EXPECT_EQ(outcome.accepted_types.size(), 1u);
}

TEST(EdifactInterchange, AMissingUnzIsAFileError) {
  std::string bytes = "UNB+UNOA:4+S+R+20261201:1200+REF1'" + kGoodMessage;
  EdifactOutcome outcome = ReadEdifact(bytes);
  EXPECT_EQ(outcome.accepted_types.size(), 1u);
  EXPECT_EQ(outcome.file_error, "test.edi:byte 79: the interchange 'REF1' has no UNZ trailer (the file is cut short)");
}

TEST(EdifactInterchange, AMessageCutShortAtTheEndIsRejectedAndTheFileFails) {
  EdifactOutcome outcome = ReadEdifact("UNB+UNOA:4+S+R+20261201:1200+REF1'UNH+1+ORDERS:D:03B:UN'BGM+220+X'");
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_THAT(outcome.rejections[0], HasSubstr("the data ends before its UNT"));
  EXPECT_THAT(outcome.file_error, HasSubstr("has no UNZ trailer"));
}

TEST(EdifactInterchange, AUnzThatDisagreesIsAFileError) {
  EXPECT_THAT(ReadEdifact(Interchange(kGoodMessage, 3)).file_error,
              HasSubstr("UNZ counts 3 messages, the interchange holds 1"));
  EXPECT_THAT(ReadEdifact("UNB+UNOA:4+S+R+20261201:1200+REF1'" + kGoodMessage + "UNZ+1+REF2'").file_error,
              HasSubstr("UNZ control reference 'REF2' is not UNB's 'REF1'"));
}

TEST(EdifactInterchange, WhatIsNotAnInterchangeIsAFileError) {
  EXPECT_EQ(ReadEdifact("").file_error, "test.edi: no UNB interchange header");
  EXPECT_THAT(ReadEdifact("UNH+1+ORDERS:D:03B:UN'").file_error,
              HasSubstr("test.edi:segment 1 byte 0: expected the UNB interchange header, found UNH"));
  EXPECT_THAT(ReadEdifact(Interchange("BGM+220+X'", 0)).file_error, HasSubstr("segment BGM outside a message"));
  EXPECT_THAT(ReadEdifact(Interchange(kGoodMessage, 1) + "BGM+1'").file_error,
              HasSubstr("expected UNB or the end of the data after UNZ, found BGM"));
}

TEST(EdifactInterchange, AnUnsupportedCharsetOrVersionIsAFileError) {
  EXPECT_THAT(ReadEdifact(Interchange(kGoodMessage, 1, "UNOX:4")).file_error,
              HasSubstr("syntax identifier 'UNOX' is not supported"));
  EXPECT_THAT(ReadEdifact(Interchange(kGoodMessage, 1, "UNOA:9")).file_error,
              HasSubstr("UNB syntax version '9' is not 1, 2, 3 or 4"));
}

TEST(EdifactInterchange, ALineBreakInsideUnbIsAFileError) {
  EXPECT_THAT(ReadEdifact("UNB+UNOA:4+S+R\n+20261201:1200+REF1'" + kGoodMessage + "UNZ+1+REF1'").file_error,
              HasSubstr("a line break inside the service segment UNB"));
}

TEST(EdifactInterchange, UnoaRefusesANonAsciiCharacterInItsMessageOnly) {
  EdifactOutcome outcome =
      ReadEdifact(Interchange("UNH+1+ORDERS:D:03B:UN'FTX+AAA+++Caf\xE9'UNT+3+1'" + kGoodMessage, 2));
  EXPECT_EQ(outcome.file_error, "");
  ASSERT_EQ(outcome.rejections.size(), 1u);
  EXPECT_THAT(outcome.rejections[0], HasSubstr("segment 3 byte 74: FTX: character 0xE9 is not allowed in UNOA"));
  EXPECT_EQ(outcome.accepted_types.size(), 1u);
}

TEST(EdifactInterchange, DecodesTheCharsetUnbNames) {
  EdifactOutcome latin1 = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'FTX+AAA+++M\xFCller'UNT+3+1'", 1, "UNOC:3"));
  ASSERT_EQ(latin1.messages.size(), 1u);
  EXPECT_THAT(latin1.messages[0], HasSubstr("FTX[AAA|||M\xC3\xBCller]"));
  EdifactOutcome greek = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'FTX+AAA+++\xC1\xE8'UNT+3+1'", 1, "UNOF:3"));
  EXPECT_THAT(greek.messages[0], HasSubstr("FTX[AAA|||\xCE\x91\xCE\xB8]"));
  EdifactOutcome bad_utf8 = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'FTX+AAA+++\xC3('UNT+3+1'", 1, "UNOW:4"));
  ASSERT_EQ(bad_utf8.rejections.size(), 1u);
  EXPECT_THAT(bad_utf8.rejections[0], HasSubstr("byte 0xC3 is not valid UTF-8 (UNOW)"));
}

TEST(EdifactInterchange, DecodesAReleasedByteAndLeavesSeparatorsOutsideAsciiOutOfTheText) {
  // The only byte outside ASCII follows the release character: it is decoded all the same.
  EdifactOutcome released = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'FTX+AAA+++M?\xFCller'UNT+3+1'", 1, "UNOC:3"));
  ASSERT_EQ(released.messages.size(), 1u);
  EXPECT_THAT(released.messages[0], HasSubstr("FTX[AAA|||M\xC3\xBCller]"));
  // Level B's information separators as UNA names them: control characters that never reach the texts.
  std::string bytes = "UNA|^.? ~UNB^UNOB|3^S^R^20261201|1200^R1~UNH^1^ORDERS|D|03B|UN~FTX^AAA^^^A|B~UNT^3^1~UNZ^1^R1~";
  std::replace(bytes.begin(), bytes.end(), '|', '\x1F');  // IS1, components
  std::replace(bytes.begin(), bytes.end(), '^', '\x1D');  // IS3, elements
  std::replace(bytes.begin(), bytes.end(), '~', '\x1C');  // IS4, segments
  EdifactOutcome level_b = ReadEdifact(bytes);
  EXPECT_EQ(level_b.file_error, "");
  ASSERT_EQ(level_b.messages.size(), 1u);
  EXPECT_THAT(level_b.messages[0], HasSubstr("FTX[AAA|||A:B]"));
}

TEST(EdifactInterchange, Version4RepeatsElementsWithAsteriskWithoutUna) {
  EdifactOutcome v4 = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'COM+s11:AA*s21:AA'UNT+3+1'", 1, "UNOA:4"));
  EXPECT_THAT(v4.messages[0], HasSubstr("COM[s11:AA~s21:AA]"));
  EdifactOutcome v3 = ReadEdifact(Interchange("UNH+1+X:D:03B:UN'COM+s11:AA*s21:AA'UNT+3+1'", 1, "UNOA:3"));
  EXPECT_THAT(v3.messages[0], HasSubstr("COM[s11:AA*s21:AA]"));
}

TEST(EdifactInterchange, ReadsAnInterchangeWrittenWithOtherSeparators) {
  std::string bytes =
      "UNA|^,#~!UNB^UNOA|4^S^R^20261201|1200^R1!UNH^1^ORDERS|D|03B|UN!FTX^AAA^^^A#!B#^C~D!UNT^3^1!UNZ^1^R1!";
  EdifactOutcome outcome = ReadEdifact(bytes);
  EXPECT_EQ(outcome.file_error, "");
  ASSERT_EQ(outcome.messages.size(), 1u);
  EXPECT_THAT(outcome.messages[0], HasSubstr("FTX[AAA|||A!B^C~D]"));
}

TEST(EdifactInterchange, ChecksFunctionalGroups) {
  std::string group = "UNG+ORDERS+S+R+261201:1200+G1+UN+D:03B'" + kGoodMessage + "UNE+1+G1'";
  EdifactOutcome outcome = ReadEdifact(Interchange(group, 1));
  EXPECT_EQ(outcome.file_error, "");
  EXPECT_EQ(outcome.accepted_types.size(), 1u);
  std::string miscounted = "UNG+ORDERS+S+R+261201:1200+G1+UN+D:03B'" + kGoodMessage + "UNE+2+G1'";
  EXPECT_THAT(ReadEdifact(Interchange(miscounted, 1)).file_error,
              HasSubstr("UNE counts 2 messages, the group holds 1"));
}

TEST(EdifactInterchange, ReadsInterchangesOneAfterTheOther) {
  EdifactOutcome outcome = ReadEdifact(Interchange(kGoodMessage, 1) + "\n" + Interchange(kGoodMessage, 1));
  EXPECT_EQ(outcome.file_error, "");
  EXPECT_EQ(outcome.accepted_types.size(), 2u);
}

TEST(EdifactInterchange, AStoppingSinkStopsTheReader) {
  int calls = 0;
  EdifactInterchangeReader reader("x.edi", [&](const EdifactMessage&) {
    ++calls;
    return sdk::Status::Cancelled("enough");
  });
  sdk::Status status = reader.Feed(Interchange(kGoodMessage + kGoodMessage, 2));
  EXPECT_EQ(status.code(), sdk::StatusCode::kCancelled);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace hub::trade_formats
