#include "email/mime_charset.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include "email/ascii_text.hpp"
#include "email/html_text.hpp"
#include "hub/files/text_decoder.hpp"
#include "hub/files/utf8.hpp"

namespace hub::email {
namespace {

constexpr std::string_view kGbSuperset = "GB18030";
constexpr std::array<std::string_view, 7> kGbFamily = {"gb2312", "euc-cn", "gbk",        "x-gbk",
                                                       "cp936",  "ms936",  "windows-936"};

bool IsGbFamily(std::string_view label) {
  std::string lower = AsciiLower(label);
  return std::find(kGbFamily.begin(), kGbFamily.end(), lower) != kGbFamily.end();
}

bool IsAscii(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The decoder for `name`, created once per thread; null when ICU does not know the charset.
files::TextDecoder* DecoderFor(const std::string& name) {
  thread_local std::map<std::string, std::unique_ptr<files::TextDecoder>> decoders;
  auto found = decoders.find(name);
  if (found != decoders.end()) return found->second.get();
  sdk::Result<std::unique_ptr<files::TextDecoder>> created = files::TextDecoder::Create(name);
  std::unique_ptr<files::TextDecoder> decoder = created.ok() ? std::move(*created) : nullptr;
  return decoders.emplace(name, std::move(decoder)).first->second.get();
}

// `bytes` decoded as `charset` when the decoder knows it.
bool TryDecode(std::string_view bytes, std::string_view label, CharsetSource source, DecodedText* out) {
  if (label.empty()) return false;
  std::string name = DecoderCharsetName(label);
  std::string lower = AsciiLower(name);
  if (source == CharsetSource::kContentType && (lower == "us-ascii" || lower == "ascii") && !IsAscii(bytes)) {
    return false;
  }
  files::TextDecoder* decoder = DecoderFor(name);
  if (decoder == nullptr) return false;
  *out = DecodedText{std::string(decoder->DecodeEscaped(bytes)), name, source};
  return true;
}

}  // namespace

std::string_view CharsetSourceName(CharsetSource source) {
  switch (source) {
    case CharsetSource::kContentType:
      return "content-type";
    case CharsetSource::kHtmlMeta:
      return "html-meta";
    case CharsetSource::kDetected:
      return "detected";
  }
  return "detected";
}

std::string DecoderCharsetName(std::string_view label) {
  std::string_view trimmed = TrimmedOf(label, " \t\"'");
  if (IsGbFamily(trimmed)) return std::string(kGbSuperset);
  return std::string(trimmed);
}

DecodedText DecodeTextPart(std::string_view bytes, std::string_view declared_charset, bool is_html) {
  DecodedText decoded;
  if (TryDecode(bytes, declared_charset, CharsetSource::kContentType, &decoded)) return decoded;
  if (is_html && TryDecode(bytes, HtmlMetaCharset(bytes), CharsetSource::kHtmlMeta, &decoded)) return decoded;
  std::string detected = files::ValidUtf8Prefix(bytes) == bytes.size() ? "UTF-8" : std::string(kGbSuperset);
  TryDecode(bytes, detected, CharsetSource::kDetected, &decoded);
  return decoded;
}

std::string WidenGbCharsetLabels(std::string_view raw_header) {
  std::string widened;
  widened.reserve(raw_header.size());
  std::size_t at = 0;
  for (std::size_t word = raw_header.find("=?"); word != std::string_view::npos; word = raw_header.find("=?", at)) {
    std::size_t label_end = raw_header.find('?', word + 2);
    if (label_end == std::string_view::npos) break;
    // The word goes on to its "?=", after the encoding letter and its '?'.
    std::size_t word_end = raw_header.find("?=", std::min(label_end + 3, raw_header.size()));
    word_end = word_end == std::string_view::npos ? raw_header.size() : word_end + 2;
    std::string_view label = raw_header.substr(word + 2, label_end - word - 2);
    widened.append(raw_header.substr(at, word + 2 - at));
    widened.append(IsGbFamily(label) ? kGbSuperset : label);
    widened.append(raw_header.substr(label_end, word_end - label_end));
    at = word_end;
  }
  widened.append(raw_header.substr(at));
  return widened;
}

}  // namespace hub::email
