// Exact decimal sums for amounts read from the store (text on SQLite, numeric on PostgreSQL): a double would
// round 0.1 + 0.2, and SQLite's SUM over decimal text goes through doubles too.
#ifndef HUB_SERVICE_EXACT_DECIMAL_HPP_
#define HUB_SERVICE_EXACT_DECIMAL_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"

namespace hub::service {

// GCC's and Clang's 128-bit integer (__extension__: no -Wpedantic warning for a type ISO C++ does not name).
__extension__ typedef __int128 Int128;  // NOLINT(modernize-use-using): `using` takes no __extension__

// A signed decimal of up to 20 significant digits, 18 of them fractional at most, kept exactly. A value type.
class ExactDecimal {
 public:
  ExactDecimal() = default;

  // "1234.50", "-0.5", "+3", "7." as written (no exponent, no grouping); nullopt for other text or too many
  // digits.
  static std::optional<ExactDecimal> Parse(std::string_view text);

  ExactDecimal operator+(const ExactDecimal& other) const;
  ExactDecimal operator-(const ExactDecimal& other) const;
  // The exact product; past 18 fractional digits, rounded half away from zero to 18.
  ExactDecimal operator*(const ExactDecimal& other) const;
  bool IsPositive() const { return units_ > 0; }

  // The value with its fractional digits, at least two and without trailing zeros past them: "440000.00"
  // (also for 440000.0000), "-12.3456".
  std::string ToString() const;

 private:
  ExactDecimal(Int128 units, int scale) : units_(units), scale_(scale) {}
  // `units_` rescaled to `scale` (>= scale_).
  Int128 At(int scale) const;

  Int128 units_ = 0;  // the value times 10^scale_
  int scale_ = 0;
};

// A decimal column's value; zero when null (and for text no decimal reads, which the schema's types exclude).
ExactDecimal DecimalOf(const sdk::Value& value);

}  // namespace hub::service

#endif  // HUB_SERVICE_EXACT_DECIMAL_HPP_
