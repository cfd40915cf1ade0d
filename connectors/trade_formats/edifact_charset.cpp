#include "trade_formats/edifact_charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <vector>

namespace hub::trade_formats {
namespace {

struct KnownCharset {
  const char* identifier;
  const char* icu_name;  // nullptr: decoded without a converter
};

// ISO 9735's syntax identifiers and the character sets they stand for.
constexpr std::array<KnownCharset, 13> kCharsets{{{"UNOA", nullptr},
                                                  {"UNOB", nullptr},
                                                  {"UNOC", nullptr},
                                                  {"UNOD", "ISO-8859-2"},
                                                  {"UNOE", "ISO-8859-5"},
                                                  {"UNOF", "ISO-8859-7"},
                                                  {"UNOG", "ISO-8859-3"},
                                                  {"UNOH", "ISO-8859-4"},
                                                  {"UNOI", "ISO-8859-6"},
                                                  {"UNOJ", "ISO-8859-8"},
                                                  {"UNOK", "ISO-8859-9"},
                                                  {"UNOW", nullptr},
                                                  {"UNOY", nullptr}}};

std::string ByteText(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

void AppendUtf8(std::uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace

sdk::Result<EdifactCharset> EdifactCharset::FromSyntaxIdentifier(std::string_view identifier) {
  for (const KnownCharset& known : kCharsets) {
    if (identifier != known.identifier) continue;
    std::string id(identifier);
    if (id == "UNOA" || id == "UNOB") return EdifactCharset(id, Kind::kAscii, nullptr);
    if (id == "UNOC") return EdifactCharset(id, Kind::kLatin1, nullptr);
    if (id == "UNOW" || id == "UNOY") return EdifactCharset(id, Kind::kUtf8, nullptr);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(known.icu_name, &status);
    if (U_FAILURE(status)) {
      return sdk::Status::Internal(std::string("ICU has no converter for ") + known.icu_name + ": " +
                                   u_errorName(status));
    }
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    return EdifactCharset(id, Kind::kIcu, std::shared_ptr<UConverter>(converter, ucnv_close));
  }
  return sdk::Status::InvalidArgument("syntax identifier '" + std::string(identifier) +
                                      "' is not supported (UNOA–UNOK, UNOW, UNOY)");
}

EdifactCharset EdifactCharset::ServiceAscii() { return EdifactCharset("UNOA", Kind::kAscii, nullptr); }

bool EdifactCharset::Decode(std::string_view bytes, std::string* out, std::string* why) const {
  switch (kind_) {
    case Kind::kAscii:
      for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E) {
          *why = "character " + ByteText(byte) + " is not allowed in " + identifier_;
          return false;
        }
      }
      out->append(bytes);
      return true;
    case Kind::kLatin1:
      for (char c : bytes) AppendUtf8(static_cast<unsigned char>(c), out);
      return true;
    case Kind::kUtf8: {
      const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
      auto length = static_cast<std::int32_t>(bytes.size());
      for (std::int32_t i = 0; i < length;) {
        std::int32_t start = i;
        UChar32 code_point = 0;
        U8_NEXT(data, i, length, code_point);
        if (code_point < 0) {
          *why = "byte " + ByteText(data[start]) + " is not valid UTF-8 (" + identifier_ + ")";
          return false;
        }
      }
      out->append(bytes);
      return true;
    }
    case Kind::kIcu:
      return DecodeWithIcu(bytes, out, why);
  }
  return false;
}

bool EdifactCharset::DecodeWithIcu(std::string_view bytes, std::string* out, std::string* why) const {
  std::vector<UChar> units(bytes.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_resetToUnicode(converter_.get());
  int32_t length = ucnv_toUChars(converter_.get(), units.data(), static_cast<int32_t>(units.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    *why = "a byte is not in " + identifier_ + " (" + u_errorName(status) + ")";
    return false;
  }
  icu::UnicodeString(false, units.data(), length).toUTF8String(*out);
  return true;
}

}  // namespace hub::trade_formats
