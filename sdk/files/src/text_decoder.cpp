#include "hub/files/text_decoder.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "hub/files/utf8.hpp"

namespace hub::files {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

sdk::Status UnknownEncoding(std::string_view encoding) {
  return sdk::Status::InvalidArgument("unknown encoding '" + std::string(encoding) +
                                      "' (use auto, utf-8, gbk, gb18030, big5, utf-16le, utf-16be, latin1 or "
                                      "another ICU converter name)");
}

sdk::Result<ConverterPtr> OpenConverter(std::string_view encoding) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(std::string(encoding).c_str(), &status));
  if (U_FAILURE(status) || converter == nullptr) return UnknownEncoding(encoding);
  return converter;
}

// "0x81 0x20"
std::string HexBytes(std::string_view bytes) {
  std::string text;
  for (unsigned char byte : bytes) {
    std::array<char, 8> hex{};
    std::snprintf(hex.data(), hex.size(), "%s0x%02X", text.empty() ? "" : " ", byte);
    text += hex.data();
  }
  return text;
}

// "invalid GBK bytes 0x81 0x20"
std::string InvalidBytesText(std::string_view encoding, std::string_view bytes) {
  return "invalid " + std::string(encoding) + (bytes.size() == 1 ? " byte " : " bytes ") + HexBytes(bytes);
}

sdk::Status InvalidBytes(std::string_view encoding, std::string_view bytes, std::size_t at) {
  return sdk::Status::DataError(InvalidBytesText(encoding, bytes) + " at byte " + std::to_string(at + 1) +
                                " of the line");
}

// The length of the maximal ill-formed UTF-8 subpart at bytes[valid] (at least one byte): the start of a
// sequence that breaks off.
std::size_t IllFormedUtf8Length(std::string_view bytes, std::size_t valid) {
  for (std::size_t n = 3; n > 1; --n) {
    bool cut = false;
    if (valid + n <= bytes.size() && ValidUtf8Prefix(bytes.substr(valid, n), &cut) == 0 && cut) return n;
  }
  return 1;
}

// The offset of the first NUL code unit in `bytes` (`unit` zero bytes at a unit boundary), or npos.
std::size_t FindNul(std::string_view bytes, std::size_t unit) {
  if (unit == 1) return bytes.find('\0');
  for (std::size_t at = 0; at + unit <= bytes.size(); at += unit) {
    if (bytes.substr(at, unit).find_first_not_of('\0') == std::string_view::npos) return at;
  }
  return std::string_view::npos;
}

// "\xHH" for one byte.
std::string HexEscape(unsigned char byte) {
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "\\x%02X", byte);
  return hex.data();
}

// A NUL is never text (and no database column holds one): written as \x00 like an invalid byte.
void EscapeNuls(std::string* text) {
  for (std::size_t at = text->find('\0'); at != std::string::npos; at = text->find('\0', at + 4)) {
    text->replace(at, 1, HexEscape(0));
  }
}

// Converts all of `bytes` from `source` into UTF-8 in *out. The error, if any, is left in *status and
// *consumed says how many bytes were read up to it.
void ConvertToUtf8(UConverter* utf8, UConverter* source, std::string_view bytes, std::string* out,
                   std::size_t* consumed, UErrorCode* status) {
  out->resize(bytes.size() * 4 + 16);
  for (;;) {
    std::array<UChar, 1024> pivot{};
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    char* target = out->data();
    const char* input = bytes.data();
    *status = U_ZERO_ERROR;
    ucnv_convertEx(utf8, source, &target, out->data() + out->size(), &input, bytes.data() + bytes.size(), pivot.data(),
                   &pivot_source, &pivot_target, pivot.data() + pivot.size(), true, true, status);
    if (*status == U_BUFFER_OVERFLOW_ERROR) {
      out->resize(out->size() * 2);
      continue;
    }
    out->resize(static_cast<std::size_t>(target - out->data()));
    *consumed = static_cast<std::size_t>(input - bytes.data());
    return;
  }
}

}  // namespace

struct TextDecoder::Converters {
  ConverterPtr strict;    // stops at the first invalid sequence
  ConverterPtr escaping;  // writes invalid bytes as \xHH
  ConverterPtr utf8;      // the target of both
  // DecodeChunk's own pair, whose state (a character cut between chunks) lasts from one call to the next,
  // with the pivot buffer between them, which ucnv_convertEx needs kept too.
  ConverterPtr stream;
  ConverterPtr stream_utf8;
  std::array<UChar, 1024> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();

  // Appends the UTF-8 of `bytes`, the stream's next, to *out through `stream`; *consumed: how many bytes were
  // read, up to just after an invalid sequence. ICU's status: a failure is the stream's fault.
  UErrorCode ConvertChunk(std::string_view bytes, bool last, std::string* out, std::size_t* consumed) {
    const std::size_t start = out->size();
    // Room for every character of the chunk (at most 3 bytes of UTF-8 per byte); grown if ever short.
    out->resize(start + bytes.size() * 3 + 16);
    char* target = out->data() + start;
    static constexpr char kNothing = 0;  // ICU takes no null source, even an empty one
    const char* begin = bytes.empty() ? &kNothing : bytes.data();
    const char* input = begin;
    auto grow = [&] {
      const std::size_t written = static_cast<std::size_t>(target - out->data());
      out->resize(out->size() * 2);
      target = out->data() + written;
    };
    UErrorCode status = U_ZERO_ERROR;
    for (;;) {
      status = U_ZERO_ERROR;
      ucnv_convertEx(stream_utf8.get(), stream.get(), &target, out->data() + out->size(), &input, begin + bytes.size(),
                     pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), false, last, &status);
      if (status != U_BUFFER_OVERFLOW_ERROR) break;
      grow();
    }
    // A fault stops ucnv_convertEx with the text before it still in the pivot: it is written out too.
    while (U_FAILURE(status) && pivot_source < pivot_target) {
      UErrorCode flushed = U_ZERO_ERROR;
      const UChar* pending = pivot_source;
      ucnv_fromUnicode(stream_utf8.get(), &target, out->data() + out->size(), &pending, pivot_target, nullptr, false,
                       &flushed);
      pivot_source = const_cast<UChar*>(pending);
      if (flushed != U_BUFFER_OVERFLOW_ERROR) break;
      grow();
    }
    out->resize(static_cast<std::size_t>(target - out->data()));
    *consumed = static_cast<std::size_t>(input - begin);
    return status;
  }
};

sdk::Result<std::string> CanonicalEncodingName(std::string_view encoding) {
  sdk::Result<ConverterPtr> converter = OpenConverter(encoding);
  if (!converter.ok()) return converter.status();
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(converter->get(), &status);
  if (U_FAILURE(status) || name == nullptr) return UnknownEncoding(encoding);
  return std::string(name);
}

sdk::Result<std::unique_ptr<TextDecoder>> TextDecoder::Create(std::string_view encoding) {
  sdk::Result<std::string> canonical = CanonicalEncodingName(encoding);
  if (!canonical.ok()) return canonical.status();
  if (*canonical == "UTF-8") return std::unique_ptr<TextDecoder>(new TextDecoder(std::string(encoding), "\n", {}));

  auto converters = std::make_unique<Converters>();
  for (ConverterPtr* slot : {&converters->strict, &converters->escaping, &converters->stream}) {
    sdk::Result<ConverterPtr> opened = OpenConverter(encoding);
    if (!opened.ok()) return opened.status();
    *slot = std::move(opened).value();
  }
  for (ConverterPtr* slot : {&converters->utf8, &converters->stream_utf8}) {
    sdk::Result<ConverterPtr> opened = OpenConverter("UTF-8");
    if (!opened.ok()) return opened.status();
    *slot = std::move(opened).value();
  }

  const UConverterType type = ucnv_getType(converters->strict.get());
  if (type == UCNV_SCSU || type == UCNV_BOCU1 || type == UCNV_IMAP_MAILBOX || type == UCNV_UTF16 ||
      type == UCNV_UTF32) {
    return sdk::Status::InvalidArgument("encoding '" + std::string(encoding) +
                                        "' cannot be read line by line (for UTF-16/UTF-32 say utf-16le, utf-16be, "
                                        "utf-32le or utf-32be, or use auto with a byte-order mark)");
  }
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converters->strict.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setToUCallBack(converters->stream.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setToUCallBack(converters->escaping.get(), UCNV_TO_U_CALLBACK_ESCAPE, UCNV_ESCAPE_C, nullptr, nullptr, &status);
  std::array<char, 16> line_break{};
  const UChar newline[] = {u'\n'};
  const int32_t length =
      ucnv_fromUChars(converters->strict.get(), line_break.data(), line_break.size(), newline, 1, &status);
  if (U_FAILURE(status) || (length != 1 && length != 2 && length != 4)) {
    return sdk::Status::InvalidArgument("encoding '" + std::string(encoding) + "' has no usable line break");
  }
  return std::unique_ptr<TextDecoder>(new TextDecoder(
      std::string(encoding), std::string(line_break.data(), static_cast<std::size_t>(length)), std::move(converters)));
}

TextDecoder::TextDecoder(std::string name, std::string line_break, std::unique_ptr<Converters> converters)
    : name_(std::move(name)), line_break_(std::move(line_break)), converters_(std::move(converters)) {}

TextDecoder::~TextDecoder() = default;

sdk::Result<std::string_view> TextDecoder::Decode(std::string_view bytes) {
  const std::size_t nul = FindNul(bytes, line_break_.size());
  if (nul != std::string_view::npos) {
    return sdk::Status::DataError(std::string(line_break_.size() == 1 ? "NUL byte" : "NUL character") + " at byte " +
                                  std::to_string(nul + 1) + " of the line");
  }
  return converters_ == nullptr ? DecodeUtf8(bytes) : DecodeWithIcu(bytes);
}

sdk::Result<std::string_view> TextDecoder::DecodeUtf8(std::string_view bytes) {
  const std::size_t valid = ValidUtf8Prefix(bytes);
  if (valid == bytes.size()) return bytes;
  return InvalidBytes(name_, bytes.substr(valid, IllFormedUtf8Length(bytes, valid)), valid);
}

sdk::Result<std::string_view> TextDecoder::DecodeWithIcu(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::size_t consumed = 0;
  ConvertToUtf8(converters_->utf8.get(), converters_->strict.get(), bytes, &decoded_, &consumed, &status);
  if (U_SUCCESS(status)) return std::string_view(decoded_);
  std::array<char, 32> invalid{};
  int8_t length = sizeof(invalid);
  UErrorCode ignored = U_ZERO_ERROR;
  ucnv_getInvalidChars(converters_->strict.get(), invalid.data(), &length, &ignored);
  const std::size_t invalid_length = length > 0 ? static_cast<unsigned char>(length) : 0;
  if (U_FAILURE(ignored) || invalid_length == 0 || invalid_length > consumed) {
    return sdk::Status::DataError("cannot decode the line as " + name_ + ": " + u_errorName(status));
  }
  return InvalidBytes(name_, std::string_view(invalid.data(), invalid_length), consumed - invalid_length);
}

std::string_view TextDecoder::DecodeEscaped(std::string_view bytes) {
  escaped_.clear();
  if (converters_ != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    std::size_t consumed = 0;
    ConvertToUtf8(converters_->utf8.get(), converters_->escaping.get(), bytes, &escaped_, &consumed, &status);
    if (!U_SUCCESS(status)) escaped_ = HexBytes(bytes);
    EscapeNuls(&escaped_);
    return escaped_;
  }
  while (!bytes.empty()) {
    const std::size_t valid = std::min(ValidUtf8Prefix(bytes), bytes.find('\0'));
    escaped_.append(bytes.substr(0, valid));
    if (valid == bytes.size()) break;
    escaped_ += HexEscape(static_cast<unsigned char>(bytes[valid]));
    bytes.remove_prefix(valid + 1);
  }
  return escaped_;
}

void TextDecoder::Restart(std::uint64_t offset) {
  stream_offset_ = offset;
  utf8_pending_.clear();
  fault_.reset();
  if (converters_ == nullptr) return;
  ucnv_reset(converters_->stream.get());
  ucnv_reset(converters_->stream_utf8.get());
  converters_->pivot_source = converters_->pivot.data();
  converters_->pivot_target = converters_->pivot.data();
}

sdk::Status TextDecoder::Fail(std::uint64_t offset, std::string reason) {
  fault_ = DecodeFault{offset, std::move(reason)};
  return sdk::Status::DataError(fault_->reason + " at byte " + std::to_string(offset));
}

sdk::Status TextDecoder::DecodeChunk(std::string_view bytes, bool last, std::string* out) {
  if (fault_) return sdk::Status::DataError(fault_->reason + " at byte " + std::to_string(fault_->offset));
  if (line_break_.size() != 1) {
    return sdk::Status::InvalidArgument("encoding '" + name_ + "' cannot be decoded as a stream of bytes");
  }
  // A NUL is never text; in the encodings of one-byte units a zero byte is always NUL, never part of a
  // character, so it ends the stream where it is.
  const std::size_t nul = bytes.find('\0');
  const std::string_view text = bytes.substr(0, nul);
  const bool ends = last || nul != std::string_view::npos;
  HUB_RETURN_IF_ERROR(converters_ == nullptr ? DecodeUtf8Chunk(text, ends, out) : DecodeChunkWithIcu(text, ends, out));
  if (nul != std::string_view::npos) return Fail(stream_offset_, "NUL byte");
  return sdk::Status::Ok();
}

sdk::Status TextDecoder::DecodeChunkWithIcu(std::string_view bytes, bool last, std::string* out) {
  std::size_t consumed = 0;
  const UErrorCode status = converters_->ConvertChunk(bytes, last, out, &consumed);
  const std::uint64_t chunk_offset = stream_offset_;
  stream_offset_ += consumed;
  if (U_SUCCESS(status)) return sdk::Status::Ok();
  std::array<char, 32> invalid{};
  int8_t length = sizeof(invalid);
  UErrorCode ignored = U_ZERO_ERROR;
  ucnv_getInvalidChars(converters_->stream.get(), invalid.data(), &length, &ignored);
  const std::size_t invalid_length = U_SUCCESS(ignored) && length > 0 ? static_cast<unsigned char>(length) : 0;
  // The invalid bytes end where reading stopped; they may begin in an earlier chunk.
  const std::uint64_t at = stream_offset_ - std::min<std::uint64_t>(invalid_length, stream_offset_);
  const std::string_view shown(invalid.data(), invalid_length);
  if (status == U_TRUNCATED_CHAR_FOUND) return Fail(at, name_ + " bytes " + HexBytes(shown) + " cut off by the end");
  if (invalid_length == 0) {
    return Fail(chunk_offset + consumed, "cannot decode as " + name_ + ": " + u_errorName(status));
  }
  return Fail(at, InvalidBytesText(name_, shown));
}

sdk::Status TextDecoder::DecodeUtf8Chunk(std::string_view bytes, bool last, std::string* out) {
  // First complete the sequence the previous chunk cut, byte by byte.
  while (!utf8_pending_.empty() && !bytes.empty()) {
    const std::uint64_t begins = stream_offset_ - utf8_pending_.size();
    utf8_pending_ += bytes.front();
    bytes.remove_prefix(1);
    ++stream_offset_;
    bool cut = false;
    if (ValidUtf8Prefix(utf8_pending_, &cut) == utf8_pending_.size()) {
      out->append(utf8_pending_);
      utf8_pending_.clear();
    } else if (!cut) {
      return Fail(begins, InvalidBytesText(name_, std::string_view(utf8_pending_).substr(0, utf8_pending_.size() - 1)));
    }
  }
  bool cut = false;
  const std::size_t valid = ValidUtf8Prefix(bytes, &cut);
  out->append(bytes.substr(0, valid));
  if (valid < bytes.size() && !cut) {
    return Fail(stream_offset_ + valid,
                InvalidBytesText(name_, bytes.substr(valid, IllFormedUtf8Length(bytes, valid))));
  }
  utf8_pending_.append(bytes.substr(valid));
  stream_offset_ += bytes.size();
  if (last && !utf8_pending_.empty()) {
    return Fail(stream_offset_ - utf8_pending_.size(),
                name_ + " bytes " + HexBytes(utf8_pending_) + " cut off by the end");
  }
  return sdk::Status::Ok();
}

}  // namespace hub::files
