#include "trade_formats/decimal_text.hpp"

#include <algorithm>

namespace hub::trade_formats {
namespace {

constexpr int kMaxDigits = 30;
__extension__ typedef __int128 Int128;  // exact products of two 15-digit amounts

// A canonical decimal as an integer and a scale: value = mantissa / 10^scale.
struct Scaled {
  Int128 mantissa = 0;
  int scale = 0;
};

std::optional<Scaled> Parse(std::string_view text) {
  std::optional<std::string> canonical = CanonicalDecimal(text);
  if (!canonical) return std::nullopt;
  Scaled value;
  bool negative = false;
  int digits = 0;
  bool fraction = false;
  for (char c : *canonical) {
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      fraction = true;
    } else {
      if (++digits > kMaxDigits) return std::nullopt;
      value.mantissa = value.mantissa * 10 + (c - '0');
      if (fraction) ++value.scale;
    }
  }
  if (negative) value.mantissa = -value.mantissa;
  return value;
}

std::optional<std::string> Format(Scaled value) {
  bool negative = value.mantissa < 0;
  Int128 magnitude = negative ? -value.mantissa : value.mantissa;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude > 0);
  if (static_cast<int>(digits.size()) > kMaxDigits) return std::nullopt;
  while (static_cast<int>(digits.size()) <= value.scale) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (value.scale > 0) digits.insert(digits.size() - static_cast<std::size_t>(value.scale), 1, '.');
  return (negative ? "-" : "") + digits;
}

Int128 PowerOfTen(int exponent) {
  Int128 power = 1;
  while (exponent-- > 0) power *= 10;
  return power;
}

}  // namespace

std::optional<std::string> CanonicalDecimal(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    if (text[i] == '-') out.push_back('-');
    ++i;
  }
  bool digits_before = false;
  bool mark = false;
  bool digits_after = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      (mark ? digits_after : digits_before) = true;
      out.push_back(c);
    } else if ((c == '.' || c == ',') && !mark) {
      mark = true;
      if (!digits_before) out.push_back('0');
      out.push_back('.');
    } else {
      return std::nullopt;
    }
  }
  if (!digits_before && !digits_after) return std::nullopt;
  if (mark && !digits_after) out.pop_back();  // "12." is 12
  return out;
}

std::optional<std::string> MultiplyDecimals(std::string_view left, std::string_view right) {
  std::optional<Scaled> a = Parse(left);
  std::optional<Scaled> b = Parse(right);
  if (!a || !b) return std::nullopt;
  return Format(Scaled{a->mantissa * b->mantissa, a->scale + b->scale});
}

std::optional<std::string> AddDecimals(std::string_view left, std::string_view right) {
  std::optional<Scaled> a = Parse(left);
  std::optional<Scaled> b = Parse(right);
  if (!a || !b) return std::nullopt;
  int scale = std::max(a->scale, b->scale);
  return Format(Scaled{a->mantissa * PowerOfTen(scale - a->scale) + b->mantissa * PowerOfTen(scale - b->scale), scale});
}

std::optional<std::string> PercentToFraction(std::string_view percent) {
  std::optional<Scaled> value = Parse(percent);
  if (!value) return std::nullopt;
  value->scale += 2;
  return Format(*value);
}

}  // namespace hub::trade_formats
