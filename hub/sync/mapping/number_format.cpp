#include "sync/mapping/number_format.hpp"

#include <algorithm>

#include "sync/mapping/text_transforms.hpp"

namespace hub::sync::mapping {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StripPrefix(std::string_view* text, std::string_view prefix) {
  if (text->substr(0, prefix.size()) != prefix) return false;
  text->remove_prefix(prefix.size());
  *text = TrimSpaces(*text);
  return true;
}

bool StripSuffix(std::string_view* text, std::string_view suffix) {
  if (text->size() < suffix.size() || text->substr(text->size() - suffix.size()) != suffix) return false;
  text->remove_suffix(suffix.size());
  *text = TrimSpaces(*text);
  return true;
}

// Length of the thousands separator at the front of `text`, or 0.
std::size_t SeparatorLength(std::string_view text, const std::vector<std::string>& separators) {
  for (const std::string& separator : separators) {
    if (text.substr(0, separator.size()) == separator) return separator.size();
  }
  return 0;
}

}  // namespace

bool NumberReader::StripAffixes(std::string_view* text, bool* negative) const {
  *text = TrimSpaces(*text);
  bool sign_seen = false;
  if (text->size() >= 2 && text->front() == '(' && text->back() == ')') {
    *negative = sign_seen = true;
    *text = TrimSpaces(text->substr(1, text->size() - 2));
  }
  bool currency_seen = false;
  auto strip_currency = [&](bool front) {
    for (const std::string& symbol : format_.currency) {
      if (currency_seen) break;
      currency_seen = front ? StripPrefix(text, symbol) : StripSuffix(text, symbol);
    }
    return currency_seen;
  };
  while (true) {
    if (!sign_seen && !text->empty() && (text->front() == '-' || text->front() == '+')) {
      *negative = text->front() == '-';
      sign_seen = StripPrefix(text, text->substr(0, 1));
    } else if (currency_seen || !strip_currency(true)) {
      break;
    }
  }
  while (true) {
    if (!sign_seen && !text->empty() && text->back() == '-') {
      *negative = sign_seen = StripSuffix(text, "-");
    } else if (currency_seen || !strip_currency(false)) {
      break;
    }
  }
  return !text->empty();
}

bool NumberReader::ReadDigits(std::string_view text, std::string* integer, std::string_view* fraction) const {
  std::size_t position = 0;
  std::size_t group = 0;
  bool grouped = false;
  while (position < text.size()) {
    if (IsDigit(text[position])) {
      integer->push_back(text[position++]);
      ++group;
    } else if (std::size_t length = group > 0 ? SeparatorLength(text.substr(position), format_.thousands) : 0) {
      // Groups of three after the first one: "12,34" is more likely a decimal comma than a thousand.
      if ((grouped && group != 3) || group > 3) return false;
      grouped = true;
      group = 0;
      position += length;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return false;
  if (position < text.size()) {
    if (text[position] != format_.decimal) return false;
    *fraction = text.substr(position + 1);
    if (!std::all_of(fraction->begin(), fraction->end(), IsDigit)) return false;
  }
  return !integer->empty() || !fraction->empty();
}

NumberReader::Problem NumberReader::Read(std::string_view text, std::string* out) const {
  bool negative = false;
  std::string integer;
  std::string_view fraction;
  if (!StripAffixes(&text, &negative) || !ReadDigits(text, &integer, &fraction)) return Problem::kNotANumber;
  if (format_.scale) {
    std::size_t scale = static_cast<std::size_t>(*format_.scale);
    if (fraction.size() > scale) {
      std::string_view beyond = fraction.substr(scale);
      if (beyond.find_first_not_of('0') != std::string_view::npos) return Problem::kTooManyDecimals;
      fraction = fraction.substr(0, scale);
    }
  }
  std::size_t first_digit = std::min(integer.find_first_not_of('0'), integer.size());
  std::string_view digits = std::string_view(integer).substr(first_digit);
  bool zero = digits.empty() && fraction.find_first_not_of('0') == std::string_view::npos;
  out->clear();
  if (negative && !zero) out->push_back('-');
  out->append(digits.empty() ? "0" : digits);
  std::size_t padding = format_.scale ? static_cast<std::size_t>(*format_.scale) - fraction.size() : 0;
  if (!fraction.empty() || padding > 0) {
    out->push_back('.');
    out->append(fraction);
    out->append(padding, '0');
  }
  return Problem::kNone;
}

std::string NumberReader::Describe() const {
  std::string description = "decimal '" + std::string(1, format_.decimal) + "', thousands ";
  if (format_.thousands.empty()) {
    description += "none";
  } else {
    description += format_.thousands[0] == " " ? "space" : "'" + format_.thousands[0] + "'";
  }
  for (const std::string& symbol : format_.currency) description += ", currency " + symbol;
  if (format_.scale) description += ", scale " + std::to_string(*format_.scale);
  return description;
}

}  // namespace hub::sync::mapping
