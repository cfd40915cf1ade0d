// Decoding one line of a file from its encoding into UTF-8.
#ifndef HUB_FILES_TEXT_DECODER_HPP_
#define HUB_FILES_TEXT_DECODER_HPP_

#include <memory>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::files {

// Converts complete lines of bytes to UTF-8: UTF-8 itself is only validated (and not copied); any other
// encoding goes through an ICU converter. Lines are decoded independently, so a character can never be
// split: the line reader cuts only at line breaks, which never occur inside a character of the encodings
// accepted here. Owns its converters; one thread at a time; views it returns stay valid until the next call.
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

 private:
  struct Converters;
  TextDecoder(std::string name, std::string line_break, std::unique_ptr<Converters> converters);

  sdk::Result<std::string_view> DecodeWithIcu(std::string_view bytes);
  sdk::Result<std::string_view> DecodeUtf8(std::string_view bytes);

  std::string name_;
  std::string line_break_;
  std::unique_ptr<Converters> converters_;  // null for UTF-8
  std::string decoded_;
  std::string escaped_;
};

// Canonical ICU name for `encoding` (e.g. "gbk" -> "windows-936-2000"), or InvalidArgument naming it.
sdk::Result<std::string> CanonicalEncodingName(std::string_view encoding);

}  // namespace hub::files

#endif  // HUB_FILES_TEXT_DECODER_HPP_
