// UTF-8 text as the Unicode code points the string kernels compare, so that one CJK character counts as one.
#ifndef HUB_MATCHING_CODE_POINTS_HPP_
#define HUB_MATCHING_CODE_POINTS_HPP_

#include <string>
#include <string_view>

namespace hub::matching {

// The code points of `utf8`; an ill-formed byte sequence becomes U+FFFD, one per maximal bad subpart (ICU's
// U8_NEXT). "华信 Ab" -> {U+534E, U+4FE1, ' ', 'A', 'b'}. Thread-safe.
std::u32string ToCodePoints(std::string_view utf8);

// `code_points` written back as UTF-8. Thread-safe.
std::string ToUtf8(std::u32string_view code_points);

}  // namespace hub::matching

#endif  // HUB_MATCHING_CODE_POINTS_HPP_
