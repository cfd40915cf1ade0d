#include "trade_formats/decimal_text.hpp"

#include <algorithm>
#include <cstdint>

namespace hub::trade_formats {
namespace {

constexpr int kMaxDigits = 30;
__extension__ typedef __int128 Int128;  // exact products of two 15-digit amounts

// A canonical decimal as an integer and a scale: value = mantissa / 10^scale.
struct Scaled {
  Int128 mantissa = 0;
  int scale = 0;
};

// A plain decimal number taken apart: sign, the digits before and after its mark ('.' or ',').
struct DecimalParts {
  bool negative = false;
  bool plus_sign = false;
  char mark = '\0';
  std::string_view before;
  std::string_view after;
};

std::optional<DecimalParts> TakeApart(std::string_view text) {
  DecimalParts parts;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    parts.negative = text[0] == '-';
    parts.plus_sign = text[0] == '+';
    text.remove_prefix(1);
  }
  std::size_t mark = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') continue;
    if ((c != '.' && c != ',') || mark != std::string_view::npos) return std::nullopt;
    mark = i;
  }
  parts.before = text.substr(0, mark);
  if (mark != std::string_view::npos) {
    parts.mark = text[mark];
    parts.after = text.substr(mark + 1);
  }
  if (parts.before.empty() && parts.after.empty()) return std::nullopt;
  return parts;
}

std::optional<Scaled> Parse(std::string_view text) {
  std::optional<DecimalParts> parts = TakeApart(text);
  // As many digits as its canonical text has (",5" is "0.5").
  if (!parts || std::max<std::size_t>(parts->before.size(), 1) + parts->after.size() > kMaxDigits) return std::nullopt;
  Scaled value;
  for (char c : parts->before) value.mantissa = value.mantissa * 10 + (c - '0');
  for (char c : parts->after) value.mantissa = value.mantissa * 10 + (c - '0');
  value.scale = static_cast<int>(parts->after.size());
  if (parts->negative) value.mantissa = -value.mantissa;
  return value;
}

std::optional<std::string> Format(Scaled value) {
  bool negative = value.mantissa < 0;
  Int128 magnitude = negative ? -value.mantissa : value.mantissa;
  char reversed[40];  // 10^p at [p]; 2^127 has 39 digits
  int count = 0;
  while (magnitude > UINT64_MAX) {  // 128-bit division is a library call: only for what 64 bits cannot hold
    reversed[count++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  auto small = static_cast<std::uint64_t>(magnitude);
  do {
    reversed[count++] = static_cast<char>('0' + static_cast<int>(small % 10));
    small /= 10;
  } while (small > 0);
  if (count > kMaxDigits) return std::nullopt;
  int positions = std::max(count, value.scale + 1);  // "0.05": the zeros up to the mark
  std::string text;
  text.reserve(static_cast<std::size_t>(positions) + 2);
  if (negative) text.push_back('-');
  for (int p = positions - 1; p >= 0; --p) {
    text.push_back(p < count ? reversed[p] : '0');
    if (p == value.scale && p > 0) text.push_back('.');
  }
  return text;
}

Int128 PowerOfTen(int exponent) {
  Int128 power = 1;
  while (exponent-- > 0) power *= 10;
  return power;
}

}  // namespace

std::optional<std::string> CanonicalDecimal(std::string_view text) {
  std::optional<DecimalParts> parts = TakeApart(text);
  if (!parts) return std::nullopt;
  // Most numbers are written canonically already: no '+', and a '.' only between digits.
  if (!parts->plus_sign && !parts->before.empty() &&
      (parts->mark == '\0' || (parts->mark == '.' && !parts->after.empty()))) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 2);
  if (parts->negative) out.push_back('-');
  out.append(parts->before.empty() ? std::string_view("0") : parts->before);
  if (!parts->after.empty()) out.append(1, '.').append(parts->after);  // "12." is 12
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
