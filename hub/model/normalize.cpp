#include "model/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <utility>

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

// Calling codes and trunk prefix handling for the countries our customers' data mostly comes from.
struct CountryDialing {
  std::string_view country;
  std::string_view calling_code;
  std::size_t national_digits;  // the length of a national number without its trunk '0' (0: any)
};
constexpr CountryDialing kDialing[] = {
    {"CN", "86", 0}, {"HK", "852", 8}, {"TW", "886", 0}, {"SG", "65", 8}, {"JP", "81", 0},
    {"KR", "82", 0}, {"US", "1", 10},  {"CA", "1", 10},  {"GB", "44", 0}, {"DE", "49", 0},
    {"FR", "33", 9}, {"NL", "31", 9},  {"IT", "39", 0},  {"ES", "34", 9}, {"AU", "61", 9},
};

const CountryDialing* DialingOf(std::string_view country) {
  for (const CountryDialing& entry : kDialing) {
    if (entry.country == country) return &entry;
  }
  return nullptr;
}

// The number before any extension marker, as '+' (if leading) and digits.
std::string DialDigits(std::string_view raw) {
  static constexpr std::string_view kExtensionMarkers[] = {"ext", "x", "转", "#"};
  std::string lowered = Lower(raw);
  std::size_t cut = lowered.size();
  for (std::string_view marker : kExtensionMarkers) {
    std::size_t at = lowered.find(marker);
    // A marker counts only after some digits: "x" alone at the start is not an extension.
    if (at != std::string::npos && at > 0 && at < cut) cut = at;
  }
  std::string digits;
  for (std::size_t i = 0; i < cut; ++i) {
    char c = lowered[i];
    if (c == '+' && digits.empty()) digits.push_back('+');
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

std::optional<std::string> E164(std::string digits) {
  // E.164: at most 15 digits after '+'; fewer than 8 cannot be a reachable number.
  if (digits.size() < 9 || digits.size() > 16) return std::nullopt;
  return digits;
}

std::optional<std::string> NationalToE164(const std::string& digits, const CountryDialing& dialing) {
  std::string national = digits;
  if (national.size() > 1 && national.front() == '0') national.erase(0, 1);
  if (dialing.country == "US" || dialing.country == "CA") {
    if (national.size() == 11 && national.front() == '1') national.erase(0, 1);
  }
  if (dialing.national_digits != 0 && national.size() != dialing.national_digits) return std::nullopt;
  return E164("+" + std::string(dialing.calling_code) + national);
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
  std::string digits = DialDigits(raw);
  if (digits.empty()) return std::nullopt;
  if (digits.front() == '+') return E164(std::move(digits));
  if (digits.rfind("00", 0) == 0) return E164("+" + digits.substr(2));
  const CountryDialing* dialing = DialingOf(country.empty() ? std::string_view("CN") : country);
  if (dialing == nullptr) return std::nullopt;
  if (dialing->country == "CN") {
    bool mobile = digits.size() == 11 && digits.front() == '1';
    bool landline = digits.size() >= 10 && digits.size() <= 12 && digits.front() == '0';
    if (!mobile && !landline) return std::nullopt;
  }
  return NationalToE164(digits, *dialing);
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
