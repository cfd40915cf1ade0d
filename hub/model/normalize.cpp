#include "model/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "model/phone_number.hpp"

namespace hub::model {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(error);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString folded = U_SUCCESS(error) ? nfkc->normalize(text, error) : text;
  if (U_FAILURE(error)) folded = text;
  icu::UnicodeString kept;
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    bool keep = u_isalnum(c) || c == '&' || c == '.' || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
    if (!keep) {
      pending_space = !kept.isEmpty();
      continue;
    }
    if (pending_space) kept.append(static_cast<UChar>(' '));
    pending_space = false;
    kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string NormalizeEmail(std::string_view address) { return Lower(Trim(address)); }

std::optional<std::string> NormalizePhone(std::string_view raw, std::string_view country) {
  sdk::Result<PhoneNumber> number = ParsePhone(raw, country);
  if (!number.ok()) return std::nullopt;
  return std::move(number->e164);
}

std::string WebsiteHost(std::string_view url) {
  std::string host = Lower(Trim(url));
  if (std::size_t scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (std::size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  host = host.substr(0, host.find(':'));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

}  // namespace hub::model
