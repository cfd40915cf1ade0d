// TextDecoder::DecodeChunk: a stream decoded in chunks gives the same text wherever the chunks end, inside a
// multi-byte character too, and a fault names the stream offset of the first byte that is not text.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "hub/files/text_decoder.hpp"

namespace hub::files {
namespace {

// "<NAME1>北京华信精密机械有限公司</NAME1>" in GBK: two bytes a character.
constexpr std::string_view kGbk =
    "\x3C\x4E\x41\x4D\x45\x31\x3E\xB1\xB1\xBE\xA9\xBB\xAA\xD0\xC5\xBE\xAB\xC3\xDC\xBB\xFA\xD0\xB5\xD3\xD0\xCF\xDE"
    "\xB9\xAB\xCB\xBE\x3C\x2F\x4E\x41\x4D\x45\x31\x3E";
constexpr std::string_view kGbkText = "<NAME1>北京华信精密机械有限公司</NAME1>";
// "𠮷祥 A" in GB18030: U+20BB7 is four bytes, outside GBK.
constexpr std::string_view kGb18030 = "\x95\x34\xB2\x35\xCF\xE9\x20\x41";
constexpr std::string_view kGb18030Text = "𠮷祥 A";

std::unique_ptr<TextDecoder> Decoder(std::string_view encoding) {
  sdk::Result<std::unique_ptr<TextDecoder>> decoder = TextDecoder::Create(encoding);
  EXPECT_TRUE(decoder.ok()) << decoder.status().ToString();
  return decoder.ok() ? std::move(decoder).value() : nullptr;
}

// The text of `bytes` decoded as two chunks cut at `cut`; the status of the last call that failed.
sdk::Status DecodeCut(TextDecoder& decoder, std::string_view bytes, std::size_t cut, std::string* text) {
  decoder.Restart(0);
  text->clear();
  HUB_RETURN_IF_ERROR(decoder.DecodeChunk(bytes.substr(0, cut), false, text));
  return decoder.DecodeChunk(bytes.substr(cut), true, text);
}

struct StreamCase {
  std::string_view encoding;
  std::string_view bytes;
  std::string_view text;
};

class DecodeChunkAtEveryCut : public ::testing::TestWithParam<StreamCase> {};

TEST_P(DecodeChunkAtEveryCut, GivesTheSameTextWhereverTheFirstChunkEnds) {
  const StreamCase& c = GetParam();
  std::unique_ptr<TextDecoder> decoder = Decoder(c.encoding);
  ASSERT_NE(decoder, nullptr);
  for (std::size_t cut = 0; cut <= c.bytes.size(); ++cut) {
    std::string text;
    const sdk::Status status = DecodeCut(*decoder, c.bytes, cut, &text);
    EXPECT_TRUE(status.ok()) << "cut at " << cut << ": " << status.ToString();
    EXPECT_EQ(text, c.text) << "cut at " << cut;
  }
}

TEST_P(DecodeChunkAtEveryCut, GivesTheSameTextFedOneByteAtATime) {
  const StreamCase& c = GetParam();
  std::unique_ptr<TextDecoder> decoder = Decoder(c.encoding);
  ASSERT_NE(decoder, nullptr);
  std::string text;
  for (char byte : c.bytes) ASSERT_TRUE(decoder->DecodeChunk(std::string_view(&byte, 1), false, &text).ok());
  ASSERT_TRUE(decoder->DecodeChunk({}, true, &text).ok());
  EXPECT_EQ(text, c.text);
  EXPECT_FALSE(decoder->fault().has_value());
}

INSTANTIATE_TEST_SUITE_P(Encodings, DecodeChunkAtEveryCut,
                         ::testing::Values(StreamCase{"gbk", kGbk, kGbkText},
                                           StreamCase{"GB18030", kGb18030, kGb18030Text},
                                           StreamCase{"UTF-8", kGbkText, kGbkText},
                                           StreamCase{"UTF-8", kGb18030Text, kGb18030Text}));

struct FaultCase {
  std::string_view encoding;
  std::string_view bytes;
  std::uint64_t offset;
  std::string_view reason;
  std::string_view text_before;
};

class DecodeChunkFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(DecodeChunkFault, NamesTheStreamOffsetOfTheFirstBadByteWhereverTheChunksEnd) {
  const FaultCase& c = GetParam();
  std::unique_ptr<TextDecoder> decoder = Decoder(c.encoding);
  ASSERT_NE(decoder, nullptr);
  for (std::size_t cut = 0; cut <= c.bytes.size(); ++cut) {
    std::string text;
    const sdk::Status status = DecodeCut(*decoder, c.bytes, cut, &text);
    ASSERT_FALSE(status.ok()) << "cut at " << cut;
    EXPECT_EQ(status.code(), sdk::StatusCode::kDataError);
    ASSERT_TRUE(decoder->fault().has_value()) << "cut at " << cut;
    EXPECT_EQ(decoder->fault()->offset, c.offset) << "cut at " << cut;
    EXPECT_EQ(decoder->fault()->reason, c.reason) << "cut at " << cut;
    EXPECT_EQ(status.message(), std::string(c.reason) + " at byte " + std::to_string(c.offset));
    EXPECT_EQ(text, c.text_before) << "cut at " << cut;
  }
}

INSTANTIATE_TEST_SUITE_P(Encodings, DecodeChunkFault,
                         ::testing::Values(
                             // A GBK lead byte before "<": UTF-8 pasted into a GBK file leaves one.
                             FaultCase{"gbk", "\xB1\xB1\xBE<A>", 2, "invalid gbk byte 0xBE", "北"},
                             // 0x95 0x34 begins a four-byte GB18030 character, which GBK lacks.
                             FaultCase{"gbk", "A\x95\x34\xB2\x35", 1, "invalid gbk byte 0x95", "A"},
                             FaultCase{"GB18030", "\xCF\xE9\x95\x34\xB2", 2,
                                       "GB18030 bytes 0x95 0x34 0xB2 cut off by the end", "祥"},
                             FaultCase{"UTF-8", "ab\xC3\x28", 2, "invalid UTF-8 byte 0xC3", "ab"},
                             FaultCase{"UTF-8", "a\xE5\x8C", 1, "UTF-8 bytes 0xE5 0x8C cut off by the end", "a"},
                             FaultCase{"gbk", std::string_view("\xB1\xB1\0x", 4), 2, "NUL byte", "北"}));

TEST(DecodeChunk, CountsOffsetsFromTheRestartAndStaysFailedUntilTheNextRestart) {
  std::unique_ptr<TextDecoder> decoder = Decoder("gbk");
  ASSERT_NE(decoder, nullptr);
  decoder->Restart(1000);
  std::string text;
  EXPECT_FALSE(decoder->DecodeChunk("ab\xB1<", true, &text).ok());
  ASSERT_TRUE(decoder->fault().has_value());
  EXPECT_EQ(decoder->fault()->offset, 1002u);
  EXPECT_FALSE(decoder->DecodeChunk("cd", true, &text).ok());
  EXPECT_EQ(text, "ab");
  decoder->Restart(0);
  EXPECT_TRUE(decoder->DecodeChunk("cd", true, &text).ok());
  EXPECT_FALSE(decoder->fault().has_value());
  EXPECT_EQ(text, "abcd");
}

TEST(DecodeChunk, LeavesLineDecodingAlone) {
  std::unique_ptr<TextDecoder> decoder = Decoder("gbk");
  ASSERT_NE(decoder, nullptr);
  std::string text;
  ASSERT_TRUE(decoder->DecodeChunk("\xB1", false, &text).ok());
  sdk::Result<std::string_view> line = decoder->Decode("\xBE\xA9");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(*line, "京");
  ASSERT_TRUE(decoder->DecodeChunk("\xB1", true, &text).ok());
  EXPECT_EQ(text, "北");
}

TEST(DecodeChunk, RefusesEncodingsOfWiderCodeUnits) {
  std::unique_ptr<TextDecoder> decoder = Decoder("UTF-16LE");
  ASSERT_NE(decoder, nullptr);
  std::string text;
  EXPECT_EQ(decoder->DecodeChunk("a\0", true, &text).code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::files
