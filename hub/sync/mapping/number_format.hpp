// Private to hub_mapping: reading numbers written the way a source writes them ("1.234,56", "¥1,234.50").
#ifndef HUB_SYNC_MAPPING_NUMBER_FORMAT_HPP_
#define HUB_SYNC_MAPPING_NUMBER_FORMAT_HPP_

#include <string>
#include <string_view>

#include "config/hub_config.hpp"

namespace hub::sync::mapping {

// Reads exact decimal numbers per a NumberFormatConfig. Accepted around the digits: white space, a sign
// ('-' or '+' before, '-' after as SAP writes it, or the whole number in parentheses), and one of the
// configured currency symbols before or after. Thousands separators may stand only between digits of the
// integer part, in groups of three. Immutable: Read is thread-safe.
class NumberReader {
 public:
  enum class Problem { kNone, kNotANumber, kTooManyDecimals };

  explicit NumberReader(config::NumberFormatConfig format) : format_(std::move(format)) {}

  // On success writes the canonical text to `out` ("-1234.50": '-' only when non-zero, no leading zeros,
  // the fraction as written or padded/trimmed to the scale) and returns kNone. kTooManyDecimals: a digit
  // other than 0 beyond the scale (never rounded). `out` is unspecified on failure.
  Problem Read(std::string_view text, std::string* out) const;

  // "decimal '.', thousands ',', scale 2", for messages.
  std::string Describe() const;

 private:
  bool StripAffixes(std::string_view* text, bool* negative) const;
  bool ReadDigits(std::string_view text, std::string* integer, std::string_view* fraction) const;

  config::NumberFormatConfig format_;
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_NUMBER_FORMAT_HPP_
