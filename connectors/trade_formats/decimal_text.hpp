// Decimal numbers as text, exact: what EDIFACT and UBL write them as, and the little arithmetic readers need.
#ifndef HUB_TRADE_FORMATS_DECIMAL_TEXT_HPP_
#define HUB_TRADE_FORMATS_DECIMAL_TEXT_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace hub::trade_formats {

// "1234.50", "-3", ",5" or "12,5" (either decimal mark) → canonical text with a '.' mark ("1234.50", "-3",
// "0.5", "12.5"); trailing zeros are kept. nullopt when the text is not a plain decimal number (no exponent,
// no thousands separators).
std::optional<std::string> CanonicalDecimal(std::string_view text);

// Exact product and sum of two canonical decimals (at most 30 significant digits in the result, else nullopt).
std::optional<std::string> MultiplyDecimals(std::string_view left, std::string_view right);
std::optional<std::string> AddDecimals(std::string_view left, std::string_view right);
// A percentage as a fraction: "19" → "0.19", "7.5" → "0.075".
std::optional<std::string> PercentToFraction(std::string_view percent);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_DECIMAL_TEXT_HPP_
