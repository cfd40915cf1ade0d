// Decoding text from its encoding into UTF-8: one line at a time, or a stream read in chunks.
#ifndef HUB_FILES_TEXT_DECODER_HPP_
#define HUB_FILES_TEXT_DECODER_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::files {

// Where a stream stopped being text in its encoding (TextDecoder::DecodeChunk). A plain value.
struct DecodeFault {
  std::uint64_t offset = 0;  // of the first byte that is not text, counted as Restart set
  std::string reason;        // "invalid GBK bytes 0x81 0x20", "NUL byte", "GBK bytes 0xD6 cut off by the end"
};

// Converts complete lines of bytes to UTF-8: UTF-8 itself is only validated (and not copied); any other
// encoding goes through an ICU converter. Lines are decoded independently, so a character can never be
// split: the line reader cuts only at line breaks, which never occur inside a character of the encodings
// accepted here. It also decodes one stream read in chunks of any size (DecodeChunk), whose state is its own.
// Owns its converters; one thread at a time; views it returns stay valid until the next call.
class TextDecoder {
 public:
  // `encoding` is an ICU converter name or alias ("UTF-8", "gbk", "GB18030", "UTF-16LE", "latin1", ...);
  // it also names the encoding in messages. InvalidArgument when ICU does not know it, or when lines of it
  // cannot be found byte-wise (SCSU, BOCU-1, or UTF-16/UTF-32 without a byte order: resolve those first).
  static sdk::Result<std::unique_ptr<TextDecoder>> Create(std::string_view encoding);

  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // The encoding as given to Create.
  const std::string& name() const { return name_; }
  // "\n" in this encoding; its length is the width of one code unit (1, 2 or 4).
  const std::string& line_break() const { return line_break_; }

  // `bytes` as UTF-8, or DataError naming the first invalid bytes, or the first NUL (never text), and where
  // they are in the line.
  sdk::Result<std::string_view> Decode(std::string_view bytes);
  // Never fails: bytes invalid in the encoding, and NULs, become "\xHH" escapes. For the raw text of
  // rejected records.
  std::string_view DecodeEscaped(std::string_view bytes);

  // Streamed decoding: appends to *out the UTF-8 of `bytes`, the next bytes of one stream (a file read in
  // chunks). A character cut by the end of `bytes` is held back and completed by the next call, so chunks
  // may end anywhere, inside a multi-byte sequence too; `last` says no bytes follow (a character still cut
  // is then a fault). At the first bytes that are not text in the encoding, or the first NUL, *out holds
  // the text before them, fault() says where and why, and the result is DataError "<reason> at byte
  // <offset>" — as is every later call, until Restart. InvalidArgument for an encoding whose code unit is
  // wider than a byte (UTF-16, UTF-32). Unaffected by Decode and DecodeEscaped.
  sdk::Status DecodeChunk(std::string_view bytes, bool last, std::string* out);
  // Begins a new stream, whose first byte is at `offset` of whatever it is read from (a file): fault()
  // offsets count from there. A decoder starts as Restart(0).
  void Restart(std::uint64_t offset);
  // Why the stream failed; nullopt while it has not.
  const std::optional<DecodeFault>& fault() const { return fault_; }

 private:
  struct Converters;
  TextDecoder(std::string name, std::string line_break, std::unique_ptr<Converters> converters);

  sdk::Result<std::string_view> DecodeWithIcu(std::string_view bytes);
  sdk::Result<std::string_view> DecodeUtf8(std::string_view bytes);
  sdk::Status DecodeChunkWithIcu(std::string_view bytes, bool last, std::string* out);
  sdk::Status DecodeUtf8Chunk(std::string_view bytes, bool last, std::string* out);
  sdk::Status Fail(std::uint64_t offset, std::string reason);

  std::string name_;
  std::string line_break_;
  std::unique_ptr<Converters> converters_;  // null for UTF-8
  std::string decoded_;
  std::string escaped_;
  // The stream of DecodeChunk: the offset of its next byte, a UTF-8 sequence cut by the previous chunk,
  // and its fault.
  std::uint64_t stream_offset_ = 0;
  std::string utf8_pending_;
  std::optional<DecodeFault> fault_;
};

// Canonical ICU name for `encoding` (e.g. "gbk" -> "windows-936-2000"), or InvalidArgument naming it.
sdk::Result<std::string> CanonicalEncodingName(std::string_view encoding);

}  // namespace hub::files

#endif  // HUB_FILES_TEXT_DECODER_HPP_
