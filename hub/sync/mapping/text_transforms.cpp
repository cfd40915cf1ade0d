#include "sync/mapping/text_transforms.hpp"

#include <algorithm>

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace hub::sync::mapping {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* const normalizer = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  return normalizer;
}

void Trim(std::string* text) {
  std::string_view trimmed = TrimSpaces(*text);
  if (trimmed.size() == text->size()) return;
  std::size_t first = static_cast<std::size_t>(trimmed.data() - text->data());
  text->erase(first + trimmed.size());
  text->erase(0, first);
}

// The first bytes of every character LeadingSpaceLength counts: most bytes of most text are ruled out
// by this test alone (Chinese characters start with E4..E9, continuation bytes are 80..BF).
bool MayStartSpace(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) || byte == 0xEF;
}

void CollapseSpaces(std::string* text) {
  std::size_t out = 0;
  bool in_space = false;
  for (std::size_t in = 0; in < text->size();) {
    std::size_t space = MayStartSpace((*text)[in]) ? LeadingSpaceLength(std::string_view(*text).substr(in)) : 0;
    if (space > 0) {
      if (!in_space) (*text)[out++] = ' ';
      in_space = true;
      in += space;
    } else {
      (*text)[out++] = (*text)[in++];
      in_space = false;
    }
  }
  text->resize(out);
}

// Full-width digits U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
void DigitsOnly(std::string* text) {
  std::size_t out = 0;
  const std::string& in = *text;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] >= '0' && in[i] <= '9') {
      (*text)[out++] = in[i];
    } else if (in.compare(i, 2, "\xEF\xBC") == 0 && i + 2 < in.size() &&
               static_cast<unsigned char>(in[i + 2]) >= 0x90 && static_cast<unsigned char>(in[i + 2]) <= 0x99) {
      (*text)[out++] = static_cast<char>('0' + (static_cast<unsigned char>(in[i + 2]) - 0x90));
      i += 2;
    }
  }
  text->resize(out);
}

void ChangeCase(std::string* text, bool upper) {
  if (IsAscii(*text)) {
    for (char& c : *text) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(*text);
  if (upper) {
    unicode.toUpper(icu::Locale::getRoot());
  } else {
    unicode.toLower(icu::Locale::getRoot());
  }
  text->clear();
  unicode.toUTF8String(*text);
}

// ASCII is already in NFKC, which is most values of most sources.
void NormalizeNfkc(std::string* text) {
  const icu::Normalizer2* normalizer = Nfkc();
  if (normalizer == nullptr || IsAscii(*text)) return;
  icu::StringPiece piece(text->data(), static_cast<int32_t>(text->size()));
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return;
  std::string normalized;
  normalized.reserve(text->size());
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_SUCCESS(status)) *text = std::move(normalized);
}

}  // namespace

sdk::Status CheckTransformsAvailable() {
  if (Nfkc() == nullptr) return sdk::Status::Internal("ICU's NFKC normalization data could not be loaded");
  return sdk::Status::Ok();
}

std::size_t LeadingSpaceLength(std::string_view text) {
  if (text.empty() || !MayStartSpace(text[0])) return 0;
  auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  unsigned char first = byte(0);
  if (first == ' ' || (first >= '\t' && first <= '\r')) return 1;
  if (first == 0xC2) return byte(1) == 0xA0 ? 2 : 0;
  unsigned second = byte(1);
  unsigned third = byte(2);
  bool space = (first == 0xE1 && second == 0x9A && third == 0x80) ||
               (first == 0xE2 && second == 0x80 && (third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF) &&
                third >= 0x80) ||
               (first == 0xE2 && second == 0x81 && third == 0x9F) ||
               (first == 0xE3 && second == 0x80 && third == 0x80) || (first == 0xEF && second == 0xBB && third == 0xBF);
  return space ? 3 : 0;
}

std::string_view TrimSpaces(std::string_view text) {
  while (std::size_t space = LeadingSpaceLength(text)) text.remove_prefix(space);
  bool trimmed = true;
  while (trimmed && !text.empty()) {
    trimmed = false;
    for (std::size_t length = 1; length <= 3 && length <= text.size(); ++length) {
      if (LeadingSpaceLength(text.substr(text.size() - length)) == length) {
        text.remove_suffix(length);
        trimmed = true;
        break;
      }
    }
  }
  return text;
}

void ApplyTransform(config::MappingTransform transform, std::string* text) {
  switch (transform) {
    case config::MappingTransform::kTrim:
      return Trim(text);
    case config::MappingTransform::kUpper:
      return ChangeCase(text, true);
    case config::MappingTransform::kLower:
      return ChangeCase(text, false);
    case config::MappingTransform::kNfkc:
      return NormalizeNfkc(text);
    case config::MappingTransform::kCollapseSpaces:
      return CollapseSpaces(text);
    case config::MappingTransform::kDigitsOnly:
      return DigitsOnly(text);
  }
}

}  // namespace hub::sync::mapping
