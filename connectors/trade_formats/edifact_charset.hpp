// The character repertoire of an EDIFACT interchange (UNB S001 0001) and decoding its bytes to UTF-8.
#ifndef HUB_TRADE_FORMATS_EDIFACT_CHARSET_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_CHARSET_HPP_

#include <memory>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

struct UConverter;

namespace hub::trade_formats {

// UNOA/UNOB: printable ASCII, checked (ISO 9735 level A/B; lower case is accepted in UNOA, as senders
// write it); UNOC: ISO-8859-1; UNOD–UNOK: ISO-8859-2, -5, -7, -3, -4, -6, -8, -9; UNOW/UNOY: UTF-8 (checked).
// Decoded with ICU. Copyable; a copy shares the ICU converter, so one charset (and its copies) is used
// by one thread at a time.
class EdifactCharset {
 public:
  // The charset of a syntax identifier such as "UNOC"; InvalidArgument naming the supported ones otherwise.
  static sdk::Result<EdifactCharset> FromSyntaxIdentifier(std::string_view identifier);
  // What service segments are read in before UNB names the charset: printable ASCII.
  static EdifactCharset ServiceAscii();

  // Appends `bytes` as UTF-8 to *out. False (and *why says which byte) when a byte is not in the charset.
  bool Decode(std::string_view bytes, std::string* out, std::string* why) const;
  // True for printable ASCII, which decodes to itself in every charset.
  static constexpr bool IsPlainAscii(char byte) { return byte >= 0x20 && byte <= 0x7E; }
  const std::string& identifier() const { return identifier_; }

 private:
  enum class Kind { kAscii, kLatin1, kUtf8, kIcu };
  EdifactCharset(std::string identifier, Kind kind, std::shared_ptr<UConverter> converter)
      : identifier_(std::move(identifier)), kind_(kind), converter_(std::move(converter)) {}
  bool DecodeWithIcu(std::string_view bytes, std::string* out, std::string* why) const;

  std::string identifier_;
  Kind kind_;
  std::shared_ptr<UConverter> converter_;
};

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_CHARSET_HPP_
