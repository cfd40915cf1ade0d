// Normal forms of names, phone numbers, e-mail addresses and web sites: what the store indexes and the
// look-ups and the matcher compare.
#ifndef HUB_MODEL_NORMALIZE_HPP_
#define HUB_MODEL_NORMALIZE_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace hub::model {

// A name for comparison: NFKC (full-width letters and digits to half-width, compatibility characters
// folded), case-folded, punctuation other than '&' and '.' dropped, runs of white space collapsed to
// one space, trimmed. "  ＡＣＭＥ  Trading, Ltd. " -> "acme trading ltd."; "（上海）华腾" -> "上海 华腾".
// Thread-safe.
std::string NormalizeName(std::string_view name);

// An e-mail address for comparison: trimmed and lower-cased. Thread-safe.
std::string NormalizeEmail(std::string_view address);

// A phone number in E.164 ("+8613800138000"), or nullopt when it is no number anyone could dial: the
// e164 of ParsePhone (phone_number.hpp), which says why a number is refused and what kind of line it is.
//   "+86 138-0013-8000", "0086 13800138000", "8613800138000" -> +8613800138000;
//   "138 0013 8000" with country CN or none -> +8613800138000 (a Chinese mobile: 11 digits 1[3-9]...);
//   "021 5080 1234" with country CN or none -> +862150801234 (a Chinese landline with its area code);
//   "(010)10940526" -> nullopt (a subscriber number cannot start with 0 or 1);
//   "(617) 555-0142" with country US -> +16175550142; "020 7946 0123" with country GB -> +442079460123.
// `country` is ISO 3166-1 alpha-2 (empty: China). Extensions ("ext. 12", "转 12") are not part of it.
// Thread-safe.
std::optional<std::string> NormalizePhone(std::string_view raw, std::string_view country);

// The host of a web site for comparison: scheme, "www.", port, path and case dropped.
// "https://WWW.Example.com:8443/about" -> "example.com". Thread-safe.
std::string WebsiteHost(std::string_view url);

}  // namespace hub::model

#endif  // HUB_MODEL_NORMALIZE_HPP_
