#include "model/phone_number.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "model/china_phone.hpp"

namespace hub::model {
namespace {

// Countries whose numbers the hub reads without a calling code, and the national length it checks
// (0: any length E.164 allows). China has a plan of its own (china_phone.hpp).
struct CountryDialing {
  std::string_view country;
  std::string_view calling_code;
  std::size_t national_digits;  // without the trunk '0'
};
constexpr CountryDialing kDialing[] = {
    {"HK", "852", 8}, {"MO", "853", 8}, {"TW", "886", 0}, {"SG", "65", 8},  {"MY", "60", 0},  {"TH", "66", 0},
    {"VN", "84", 0},  {"PH", "63", 0},  {"ID", "62", 0},  {"IN", "91", 10}, {"JP", "81", 0},  {"KR", "82", 0},
    {"AU", "61", 9},  {"NZ", "64", 0},  {"US", "1", 10},  {"CA", "1", 10},  {"MX", "52", 10}, {"BR", "55", 0},
    {"GB", "44", 0},  {"IE", "353", 0}, {"DE", "49", 0},  {"FR", "33", 9},  {"NL", "31", 9},  {"BE", "32", 0},
    {"IT", "39", 0},  {"ES", "34", 9},  {"PT", "351", 9}, {"CH", "41", 9},  {"AT", "43", 0},  {"DK", "45", 8},
    {"SE", "46", 0},  {"NO", "47", 8},  {"FI", "358", 0}, {"PL", "48", 9},  {"CZ", "420", 9}, {"RU", "7", 10},
    {"TR", "90", 10}, {"AE", "971", 0}, {"SA", "966", 9}, {"ZA", "27", 9},
};
constexpr std::string_view kChina = "CN";
constexpr std::string_view kChinaCode = "86";

// E.164: a calling code and national number of at most 15 digits; fewer than 8 reach no one.
constexpr std::size_t kMinE164Digits = 8;
constexpr std::size_t kMaxE164Digits = 15;

// What comes before an extension number, lower-cased: "转 8", "ext. 12", "x12", "#12", "分机 3".
constexpr std::string_view kExtensionMarkers[] = {"ext", "x", "转", "分机", "#"};

// The most digits an extension written without a marker may have ("-808").
constexpr std::size_t kMaxBareExtensionDigits = 5;

constexpr std::string_view kNoDigits = "no digits";

// A number as written, taken apart: its digits, whether a '+' or "00" put a calling code first, and the
// digits of its extension.
struct DialText {
  std::string digits;
  bool international = false;
  std::string extension;
};

// `raw` with full-width digits and '+' (U+FF10-FF19, U+FF0B) as ASCII and ASCII letters lower-cased.
std::string Folded(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(raw[at]); };
    if (i + 2 < raw.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) >= 0x90 && byte(i + 2) <= 0x99) {
      out.push_back(static_cast<char>('0' + (byte(i + 2) - 0x90)));
      i += 2;
    } else if (i + 2 < raw.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) == 0x8B) {
      out.push_back('+');
      i += 2;
    } else {
      out.push_back(static_cast<char>(std::tolower(byte(i))));
    }
  }
  return out;
}

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

DialText Split(std::string_view raw) {
  const std::string text = Folded(raw);
  const std::size_t first_digit = text.find_first_of("0123456789");
  std::size_t cut = text.size();
  std::size_t marker_size = 0;
  // A marker counts only after some digits: the "x" of a leading "Fax:" is no extension.
  for (std::string_view marker : kExtensionMarkers) {
    const std::size_t at = first_digit == std::string::npos ? std::string::npos : text.find(marker, first_digit);
    if (at != std::string::npos && at < cut) {
      cut = at;
      marker_size = marker.size();
    }
  }
  DialText split;
  const std::string_view number = std::string_view(text).substr(0, cut);
  split.international = number.find('+') < number.find_first_of("0123456789");
  split.digits = DigitsOf(number);
  if (cut < text.size()) split.extension = DigitsOf(std::string_view(text).substr(cut + marker_size));
  if (!split.international && split.digits.starts_with("00")) {
    split.international = true;
    split.digits.erase(0, 2);
  }
  return split;
}

sdk::Result<PhoneNumber> Checked(std::string_view calling_code, std::string_view national) {
  const std::size_t digits = calling_code.size() + national.size();
  if (digits < kMinE164Digits || digits > kMaxE164Digits) {
    return sdk::Status::InvalidArgument("+" + std::string(calling_code) + std::string(national) + " has " +
                                        std::to_string(digits) + " digits; an international number has 8 to 15");
  }
  return PhoneNumber{"+" + std::string(calling_code) + std::string(national), PhoneType::kUnknown, ""};
}

// Checks `national` against its country's length, and a North American number's area code and exchange
// (neither starts with 0 or 1).
sdk::Result<PhoneNumber> CheckedNational(const CountryDialing& dialing, std::string_view national) {
  if (dialing.national_digits != 0 && national.size() != dialing.national_digits) {
    return sdk::Status::InvalidArgument("a number of " + std::string(dialing.country) + " (+" +
                                        std::string(dialing.calling_code) + ") has " +
                                        std::to_string(dialing.national_digits) + " digits, not " +
                                        std::to_string(national.size()) + " (" + std::string(national) + ")");
  }
  if (dialing.calling_code == "1" && (national[0] < '2' || national[3] < '2')) {
    return sdk::Status::InvalidArgument("a North American area code and exchange cannot start with 0 or 1 (" +
                                        std::string(national) + ")");
  }
  return Checked(dialing.calling_code, national);
}

const CountryDialing* DialingOfCountry(std::string_view country) {
  for (const CountryDialing& entry : kDialing) {
    if (entry.country == country) return &entry;
  }
  return nullptr;
}

// The entry whose calling code starts `digits` (the longest one).
const CountryDialing* DialingOfDigits(std::string_view digits) {
  const CountryDialing* found = nullptr;
  for (const CountryDialing& entry : kDialing) {
    if (digits.starts_with(entry.calling_code) &&
        (found == nullptr || entry.calling_code.size() > found->calling_code.size())) {
      found = &entry;
    }
  }
  return found;
}

// A Chinese number after "86": a trunk 0 written after the calling code ("+86 (0)21 ...") is dropped.
sdk::Result<PhoneNumber> AfterChinaCode(std::string_view national) {
  if (national.starts_with("0")) national.remove_prefix(1);
  return internal::ParseChineseNational(national, true);
}

sdk::Result<PhoneNumber> International(std::string_view digits) {
  if (digits.starts_with("0")) return sdk::Status::InvalidArgument("a calling code cannot start with 0");
  if (digits.starts_with(kChinaCode)) return AfterChinaCode(digits.substr(kChinaCode.size()));
  const CountryDialing* dialing = DialingOfDigits(digits);
  if (dialing == nullptr) return Checked("", digits);
  return CheckedNational(*dialing, digits.substr(dialing->calling_code.size()));
}

sdk::Result<PhoneNumber> National(std::string_view digits, std::string_view country) {
  if (country == kChina) {
    if (digits.starts_with("0")) return internal::ParseChineseNational(digits.substr(1), true);
    // No national number starts with 86: a bare "86" is the calling code without its '+'.
    if (digits.starts_with(kChinaCode)) return AfterChinaCode(digits.substr(kChinaCode.size()));
    return internal::ParseChineseNational(digits, false);
  }
  const CountryDialing* dialing = DialingOfCountry(country);
  if (dialing == nullptr) {
    return sdk::Status::InvalidArgument("no calling code is known for country '" + std::string(country) +
                                        "': write the number with its +code");
  }
  std::string_view national = digits;
  if (national.size() > 1 && national.front() == '0') national.remove_prefix(1);
  if (dialing->calling_code == "1" && national.size() == dialing->national_digits + 1 && national.front() == '1') {
    national.remove_prefix(1);
  }
  return CheckedNational(*dialing, national);
}

// `raw` read with its extension after a marker; `country` upper-case.
sdk::Result<PhoneNumber> ParseWithMarkers(std::string_view raw, const std::string& country) {
  DialText text = Split(raw);
  if (text.digits.empty()) return sdk::Status::InvalidArgument(std::string(kNoDigits));
  sdk::Result<PhoneNumber> number = text.international ? International(text.digits) : National(text.digits, country);
  if (number.ok()) number->extension = std::move(text.extension);
  return number;
}

std::string UpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

sdk::Result<PhoneNumber> ParsePhone(std::string_view raw, std::string_view country) {
  const std::string country_code = country.empty() ? std::string(kChina) : UpperAscii(country);
  sdk::Result<PhoneNumber> number = ParseWithMarkers(raw, country_code);
  if (number.ok() || number.status().message() == kNoDigits) return number;
  // "0755-2660-3321-808": a last hyphenated group of up to 5 digits after a number that is not valid
  // with it, but is without it, is an extension written without a marker.
  const std::size_t hyphen = raw.rfind('-');
  if (hyphen == std::string_view::npos) return number;
  const std::string tail = DigitsOf(raw.substr(hyphen + 1));
  const bool digits_only = raw.substr(hyphen + 1).find_first_not_of("0123456789 ") == std::string_view::npos;
  if (!digits_only || tail.empty() || tail.size() > kMaxBareExtensionDigits) return number;
  sdk::Result<PhoneNumber> shorter = ParseWithMarkers(raw.substr(0, hyphen), country_code);
  if (!shorter.ok() || !shorter->extension.empty()) return number;
  shorter->extension = tail;
  return shorter;
}

std::string_view PhoneTypeName(PhoneType type) {
  switch (type) {
    case PhoneType::kMobile:
      return "mobile";
    case PhoneType::kFixedLine:
      return "fixed_line";
    case PhoneType::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace hub::model
