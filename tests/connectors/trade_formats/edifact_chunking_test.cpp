// Every EDIFACT case read whole, cut in two at every byte, and fed one byte at a time gives the same
// messages, rejections and file error: nothing depends on where a chunk ends (a separator, a release pair,
// UNA, a CR/LF after a terminator).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trade_formats_test_support.hpp"

namespace hub::trade_formats {
namespace {

using testing::EdifactOutcome;
using testing::ReadEdifact;
using testing::ReadEdifactBytewise;
using testing::ReadFixture;

struct ChunkCase {
  const char* name;
  std::string bytes;
  bool file_fails;
  std::size_t rejected;
};

std::vector<ChunkCase> Cases() {
  return {
      {"orders_unoa_v4", ReadFixture("orders_unoa_v4.edi"), false, 0},
      {"invoic_una_unoc_v3", ReadFixture("invoic_una_unoc_v3.edi"), false, 0},
      {"desadv_unoy_crlf", ReadFixture("desadv_unoy_crlf.edi"), false, 0},
      {"release_pairs", "UNA:+.?*'UNB+UNOA:4+S+R+1:1+R'UNH+1+X:D:03B:UN'FTX+A?'B?\?C?+D?:E?*F?\?'UNT+3+1'UNZ+1+R'",
       false, 0},
      {"una_other_separators", "UNA|^,#~!UNB^UNOA|4^S^R^1|1^R!UNH^1^X|D|03B|UN!FTX^A#!B~C!UNT^3^1!UNZ^1^R!", false, 0},
      {"crlf_and_lf", "UNB+UNOA:4+S+R+1:1+R'\r\nUNH+1+X:D:03B:UN'\nFTX+A'\r\n\r\nUNT+3+1'\nUNZ+1+R'\r\n", false, 0},
      {"unt_mismatch", "UNB+UNOA:4+S+R+1:1+R'UNH+1+X:D:03B:UN'UNT+9+1'UNH+2+X:D:03B:UN'UNT+2+2'UNZ+2+R'", false, 1},
      {"bad_tag", "UNB+UNOA:4+S+R+1:1+R'UNH+1+X:D:03B:UN'x?'y+1'UNT+3+1'UNZ+1+R'", false, 1},
      {"missing_unz", "UNB+UNOA:4+S+R+1:1+R'UNH+1+X:D:03B:UN'UNT+2+1'", true, 0},
      {"release_at_end", "UNB+UNOA:4+S+R+1:1+R'UNH+1+X:D:03B:UN'FTX+a?", true, 0},
  };
}

class EdifactChunking : public ::testing::TestWithParam<std::size_t> {};

TEST_P(EdifactChunking, GivesTheSameMessagesWhereverTheChunksEnd) {
  ChunkCase chunk_case = Cases()[GetParam()];
  const std::string& bytes = chunk_case.bytes;
  ASSERT_FALSE(bytes.empty()) << chunk_case.name;
  EdifactOutcome whole = ReadEdifact(bytes);
  EXPECT_EQ(!whole.file_error.empty(), chunk_case.file_fails) << chunk_case.name << ": " << whole.file_error;
  EXPECT_EQ(whole.rejections.size(), chunk_case.rejected) << chunk_case.name;
  for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
    EdifactOutcome split = ReadEdifact(bytes, {cut});
    ASSERT_EQ(split.messages, whole.messages) << chunk_case.name << " cut at " << cut;
    ASSERT_EQ(split.file_error, whole.file_error) << chunk_case.name << " cut at " << cut;
  }
  EdifactOutcome bytewise = ReadEdifactBytewise(bytes);
  EXPECT_EQ(bytewise.messages, whole.messages) << chunk_case.name;
  EXPECT_EQ(bytewise.file_error, whole.file_error) << chunk_case.name;
}

INSTANTIATE_TEST_SUITE_P(EveryCase, EdifactChunking, ::testing::Range<std::size_t>(0, Cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                           return std::string(Cases()[info.param].name);
                         });

}  // namespace
}  // namespace hub::trade_formats
