// Registration and tax identifiers: the form they are compared in, and the check of the schemes whose
// numbers carry one (the unified social credit code).
#ifndef HUB_MODEL_IDENTIFIER_HPP_
#define HUB_MODEL_IDENTIFIER_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::model {

// An identifier as compared: upper case (ASCII), without blanks, tabs, hyphens, dots or slashes.
// "9131-0115 ma1k.4xy" -> "91310115MA1K4XY". Thread-safe.
std::string NormalizeIdentifier(std::string_view value);

// OK when `normalized` (NormalizeIdentifier's form) is well-formed for `scheme` (party_identifiers.scheme):
//   uscc  统一社会信用代码, GB 32100-2015: 18 characters of 0-9 and the capitals other than I, O, S, V
//         and Z; characters 3 to 8 (the registering authority's division code) digits; the 18th the check
//         character of the first 17 (UsccCheckCharacter);
//   organization_code  组织机构代码, GB 11714-1997: 8 characters of 0-9 and A-Z, then the check character of those
//         (OrganizationCodeCheckCharacter), written with or without the hyphen before it;
//   duns  D-U-N-S number: 9 digits.
// Other schemes have no rule and are always OK. Errors: InvalidArgument saying what is wrong ("check
// character is 0, expected Y"). Thread-safe.
sdk::Status CheckIdentifier(std::string_view scheme, std::string_view normalized);

// The GB 32100-2015 check character of a unified social credit code's first 17 characters: their values
// in the code's alphabet (0-9 -> 0-9, A -> 10, ... Y -> 30) weighted by 3^i mod 31 (1, 3, 9, 27, 19, 26,
// ...), and the character of 31 - (sum mod 31), with 31 written 0. nullopt when `first17` is not 17
// characters of that alphabet. Thread-safe.
std::optional<char> UsccCheckCharacter(std::string_view first17);

// The GB 11714-1997 check character of an organization code's first 8 characters: their values (0-9 -> 0-9,
// A -> 10, ... Z -> 35) weighted by 3, 7, 9, 10, 5, 8, 4, 2, and 11 - (sum mod 11) written as a digit, with
// 10 written X and 11 written 0. "59083016" -> '9'. nullopt when `first8` is not 8 such characters.
// Thread-safe.
std::optional<char> OrganizationCodeCheckCharacter(std::string_view first8);

}  // namespace hub::model

#endif  // HUB_MODEL_IDENTIFIER_HPP_
