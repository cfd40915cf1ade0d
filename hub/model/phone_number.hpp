// Reading a phone number written in any common form: its E.164 form, what kind of line it is, and its
// extension, or why it is not a number anyone could dial.
#ifndef HUB_MODEL_PHONE_NUMBER_HPP_
#define HUB_MODEL_PHONE_NUMBER_HPP_

#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::model {

// What a number is, as far as its digits tell. Only Chinese numbers are told apart; elsewhere the digits
// of a mobile and a landline look alike, so they are kUnknown.
enum class PhoneType { kMobile, kFixedLine, kUnknown };

// A number that was read: `e164` ("+8613885398656"), its type, and the extension written after it
// ("转 8", "分机 8", "ext. 12", "x12", "#12" -> "8", "12"; also a last hyphenated group of up to 5 digits
// that the number is only valid without: "0755-2660-3321-808" -> "808"; empty when none).
struct PhoneNumber {
  std::string e164;
  PhoneType type = PhoneType::kUnknown;
  std::string extension;
};

// Reads `raw` (any punctuation, blanks, full-width digits; an extension after one of the markers above).
// `country` is the ISO 3166-1 alpha-2 country the number belongs to when it carries no calling code
// (empty: China). A calling code, written "+86", "0086" or — for China only — a bare "86" in front of a
// complete national number, wins over `country`.
//
// Chinese numbers (+86) follow the national numbering plan: a mobile is 11 digits 1[3-9]XXXXXXXXX (a
// leading trunk 0 tolerated); a landline is the trunk prefix 0 (or +86), an area code — 10 or 20-29 (two
// digits, then an 8-digit subscriber number) or three digits from 3XX to 9XX (then 7 or 8 digits) — and a
// subscriber number that cannot start with 0 or 1; 400 and 800 service numbers are 10 digits without the
// trunk prefix. A landline without its area code is refused (the area cannot be guessed). Numbers of the
// other countries the hub knows (US, CA, GB, HK, SG, ...) are checked against their national length; any
// other calling code, against E.164's 8 to 15 digits.
//
// Errors: InvalidArgument saying what is wrong ("area code 010 is followed by 10940526: a subscriber
// number cannot start with 0 or 1"). Thread-safe.
sdk::Result<PhoneNumber> ParsePhone(std::string_view raw, std::string_view country);

// "mobile", "fixed_line", "unknown". Thread-safe.
std::string_view PhoneTypeName(PhoneType type);

}  // namespace hub::model

#endif  // HUB_MODEL_PHONE_NUMBER_HPP_
