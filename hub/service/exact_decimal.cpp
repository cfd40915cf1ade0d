#include "service/exact_decimal.hpp"

#include <algorithm>

namespace hub::service {
namespace {

constexpr int kMaxScale = 18;
// Significant digits a value may have: with every rescale to kMaxScale, sums stay far inside Int128.
constexpr int kMaxSignificant = 20;

Int128 PowerOfTen(int exponent) {
  Int128 power = 1;
  for (int i = 0; i < exponent; ++i) power *= 10;
  return power;
}

}  // namespace

std::optional<ExactDecimal> ExactDecimal::Parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  Int128 units = 0;
  int scale = 0;
  int significant = 0;
  bool seen_digit = false;
  bool after_point = false;
  for (char c : text) {
    if (c == '.' && !after_point) {
      after_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (units != 0 || c != '0') ++significant;
    if (significant > kMaxSignificant || (after_point && scale == kMaxScale)) return std::nullopt;
    units = units * 10 + (c - '0');
    if (after_point) ++scale;
  }
  if (!seen_digit) return std::nullopt;
  return ExactDecimal(negative ? -units : units, scale);
}

Int128 ExactDecimal::At(int scale) const { return units_ * PowerOfTen(scale - scale_); }

ExactDecimal ExactDecimal::operator+(const ExactDecimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  return ExactDecimal(At(scale) + other.At(scale), scale);
}

ExactDecimal ExactDecimal::operator-(const ExactDecimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  return ExactDecimal(At(scale) - other.At(scale), scale);
}

ExactDecimal ExactDecimal::operator*(const ExactDecimal& other) const {
  Int128 units = units_ * other.units_;
  const int scale = scale_ + other.scale_;
  if (scale <= kMaxScale) return ExactDecimal(units, scale);
  const Int128 divisor = PowerOfTen(scale - kMaxScale);
  const Int128 half = divisor / 2;
  units = (units + (units < 0 ? -half : half)) / divisor;
  return ExactDecimal(units, kMaxScale);
}

std::string ExactDecimal::ToString() const {
  const int scale = std::max(scale_, 2);
  Int128 units = At(scale);
  const bool negative = units < 0;
  if (negative) units = -units;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(units % 10)));
    units /= 10;
  } while (units != 0);
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  digits.insert(digits.size() - scale, ".");
  // Trailing zeros past the second fractional digit say nothing (PostgreSQL's numeric(19,4) adds them).
  while (digits.size() - digits.find('.') > 3 && digits.back() == '0') digits.pop_back();
  return negative ? "-" + digits : digits;
}

ExactDecimal DecimalOf(const sdk::Value& value) {
  if (value.is_null()) return {};
  if (value.type() == sdk::ValueType::kInt64) return *ExactDecimal::Parse(std::to_string(value.integer()));
  return ExactDecimal::Parse(value.text()).value_or(ExactDecimal());
}

}  // namespace hub::service
