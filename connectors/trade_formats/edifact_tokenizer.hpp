// Splits an EDIFACT byte stream into segments, fed in chunks of any size.
#ifndef HUB_TRADE_FORMATS_EDIFACT_TOKENIZER_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_TOKENIZER_HPP_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"
#include "trade_formats/edifact_charset.hpp"
#include "trade_formats/edifact_segment.hpp"

namespace hub::trade_formats {

// The lexical layer of ISO 9735. An optional UNA service string advice is exactly the first 9 bytes; without
// it the default separators hold (`:` `+` `.` `?` `'`, no repetition until the envelope turns on v4's `*`).
// The release character escapes the next byte, whatever it is. CR and LF right after a terminator (and
// before the first segment) are skipped; anywhere else they are data, and a fault in a service segment.
// Tags are 3 upper-case letters or digits. Each component is decoded from the current charset to UTF-8.
//
// Chunks may split anything (a separator, a release pair, UNA); only the current segment's bytes are carried
// over, so memory is O(chunk + longest segment). A segment that cannot be read is still handed on, with
// `error` set, and reading resumes after its terminator: the envelope decides what it rejects. Feed/Finish
// return non-OK only for faults of the stream itself (a bad UNA, data left unterminated at the end, a release
// character as the last byte) and for a non-OK return of the sink, which stops the tokenizer.
// Not thread-safe; one tokenizer per stream.
class EdifactTokenizer {
 public:
  // Called once per segment. The tokenizer reuses the segment for the next one: a sink that keeps it swaps it
  // out (EdifactSegment::swap with a segment of its own, whose storage the tokenizer then reuses) or copies it.
  using SegmentSink = std::function<sdk::Status(EdifactSegment&)>;

  explicit EdifactTokenizer(SegmentSink sink);

  sdk::Status Feed(std::string_view chunk);
  // End of data: what is left must be nothing but line breaks.
  sdk::Status Finish();

  // Settings the envelope takes from UNB, for the segments after the current one.
  void SetCharset(EdifactCharset charset) { charset_ = std::move(charset); }
  // v4 enables the repetition separator (UNA's, or `*` without UNA); older versions have none.
  void SetSyntaxVersion(int version);

  bool has_una() const { return has_una_; }
  const EdifactSeparators& separators() const { return separators_; }
  // Bytes taken so far (all of the chunks fed), and the offset just after the last segment's terminator.
  std::uint64_t bytes_consumed() const { return offset_; }
  std::uint64_t last_segment_end() const { return segment_end_; }

 private:
  sdk::Status FeedHeader(std::string_view* chunk);
  sdk::Status ReadUna(std::string_view una);
  sdk::Status Scan(std::string_view data);
  bool TerminatorEscaped(std::string_view data, std::size_t terminator_at) const;
  sdk::Status EmitSegment(std::string_view bytes);
  bool Split(std::string_view bytes);
  void CheckTag();
  void Decode();
  void RebuildClasses();

  // What Split does with a byte: nothing (printable ASCII), note it (a line break; any other byte outside
  // printable ASCII, which the charset decodes), or cut (a separator or the release character).
  enum class ByteClass : std::uint8_t { kPlain, kBreak, kOtherData, kSeparator };

  SegmentSink sink_;
  EdifactSeparators separators_;
  char una_repetition_ = '\0';  // what UNA named (kept until the version is known)
  EdifactCharset charset_ = EdifactCharset::ServiceAscii();
  std::array<ByteClass, 256> classes_{};
  bool header_done_ = false;
  bool has_una_ = false;
  std::string header_;  // the first bytes, until it is known whether they are UNA
  bool skipping_breaks_ = true;
  std::string pending_;  // the current segment's bytes so far
  std::uint64_t offset_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t segment_offset_ = 0;
  std::uint64_t segment_end_ = 0;
  std::uint64_t segment_line_ = 1;
  std::uint64_t segment_count_ = 0;
  EdifactSegment segment_;
};

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_TOKENIZER_HPP_
