#include "store/model/stored_number.hpp"

#include <charconv>
#include <cstdlib>

namespace hub::store_model {

std::optional<double> NumberOf(const sdk::Value& value) {
  switch (value.type()) {
    case sdk::ValueType::kNull:
      return std::nullopt;
    case sdk::ValueType::kInt64:
      return static_cast<double>(value.integer());
    case sdk::ValueType::kDouble:
      return value.real();
    default:
      break;
  }
  const char* text = value.text().c_str();
  char* end = nullptr;
  const double number = std::strtod(text, &end);
  if (end == text || *end != '\0') return std::nullopt;
  return number;
}

std::int64_t IntegerOf(const sdk::Value& value) {
  if (value.type() != sdk::ValueType::kString && value.type() != sdk::ValueType::kDecimal) return value.integer();
  std::int64_t number = 0;
  std::from_chars(value.text().data(), value.text().data() + value.text().size(), number);
  return number;
}

}  // namespace hub::store_model
