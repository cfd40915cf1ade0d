#include "store/odbc/array_literal.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace hub::odbc {
namespace {

void AppendQuoted(const std::string& text, std::string& literal) {
  literal.push_back('"');
  std::size_t done = 0;
  for (std::size_t i = text.find_first_of("\"\\"); i != std::string::npos; i = text.find_first_of("\"\\", i + 1)) {
    literal.append(text, done, i - done).push_back('\\');
    done = i;
  }
  literal.append(text, done, std::string::npos).push_back('"');
}

template <typename Number>
void AppendNumber(Number number, std::string& literal) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof(buffer), number);
  literal.append(buffer, written.ptr);
}

void AppendDouble(double number, std::string& literal) {
  if (std::isnan(number)) {
    literal += "NaN";
  } else if (std::isinf(number)) {
    literal += number < 0 ? "-Infinity" : "Infinity";
  } else {
    AppendNumber(number, literal);
  }
}

// As the parameter binder sends a timestamp: the UTC calendar time with milliseconds.
void AppendTimestamp(std::int64_t unix_ms, std::string& literal) {
  using std::chrono::floor;
  const std::chrono::sys_time<std::chrono::milliseconds> time{std::chrono::milliseconds(unix_ms)};
  const auto day = floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> clock{time - day};
  char buffer[48];
  const int length =
      std::snprintf(buffer, sizeof(buffer), "\"%04d-%02u-%02u %02d:%02d:%02d.%03d\"", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                    static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                    static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  literal.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

void AppendArrayElement(const sdk::Value& value, std::string& literal) {
  switch (value.type()) {
    case sdk::ValueType::kNull:
      literal += "NULL";
      return;
    case sdk::ValueType::kString:
    case sdk::ValueType::kDecimal:
    case sdk::ValueType::kDate:
      AppendQuoted(value.text(), literal);
      return;
    case sdk::ValueType::kInt64:
      AppendNumber(value.integer(), literal);
      return;
    case sdk::ValueType::kDouble:
      AppendDouble(value.real(), literal);
      return;
    case sdk::ValueType::kBool:
      literal.push_back(value.boolean() ? 't' : 'f');
      return;
    case sdk::ValueType::kTimestamp:
      AppendTimestamp(value.integer(), literal);
      return;
  }
}

std::string ColumnArrayLiteral(std::span<const sdk::Value> values, std::size_t columns, std::size_t column) {
  std::string literal = "{";
  for (std::size_t i = column; i < values.size(); i += columns) {
    if (i != column) literal.push_back(',');
    AppendArrayElement(values[i], literal);
  }
  literal.push_back('}');
  return literal;
}

}  // namespace hub::odbc
