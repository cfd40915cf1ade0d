#include "sync/mapping/value_conversion.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace hub::sync::mapping {
namespace {

// What a date or timestamp field reads when the mapping gives no formats: ISO 8601 dates and times.
const std::vector<std::string>& DefaultDateFormats() {
  static const std::vector<std::string> kFormats = {"%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S",
                                                    "%Y-%m-%d %H:%M:%S"};
  return kFormats;
}

bool EqualsIgnoringAsciiCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

std::optional<bool> ReadBool(std::string_view text) {
  constexpr std::array<std::string_view, 5> kTrue = {"true", "yes", "y", "1", "是"};
  constexpr std::array<std::string_view, 5> kFalse = {"false", "no", "n", "0", "否"};
  for (std::string_view word : kTrue) {
    if (EqualsIgnoringAsciiCase(text, word)) return true;
  }
  for (std::string_view word : kFalse) {
    if (EqualsIgnoringAsciiCase(text, word)) return false;
  }
  return std::nullopt;
}

sdk::Status Mismatch(std::string_view what, model::FieldType type) {
  return sdk::Status::InvalidArgument(std::string(what) + " do not apply to a field of type " +
                                      std::string(model::FieldTypeName(type)));
}

}  // namespace

void AppendSourceText(const sdk::Value& value, std::string* out) {
  switch (value.type()) {
    case sdk::ValueType::kNull:
      return;
    case sdk::ValueType::kString:
    case sdk::ValueType::kDecimal:
    case sdk::ValueType::kDate:
      out->append(value.text());
      return;
    case sdk::ValueType::kInt64:
      out->append(std::to_string(value.integer()));
      return;
    case sdk::ValueType::kBool:
      out->append(value.boolean() ? "true" : "false");
      return;
    case sdk::ValueType::kDouble: {
      std::array<char, 400> digits;  // the longest fixed form of a double
      auto [end, error] =
          std::to_chars(digits.data(), digits.data() + digits.size(), value.real(), std::chars_format::fixed);
      if (error == std::errc()) out->append(digits.data(), end);
      return;
    }
    case sdk::ValueType::kTimestamp: {
      CivilTime time = FromUnixMillis(value.integer());
      char text[32];
      std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", time.year, time.month, time.day,
                    time.hour, time.minute, time.second, time.millisecond);
      out->append(text);
      return;
    }
  }
}

std::string Quoted(std::string_view text) {
  constexpr std::size_t kMaxShown = 80;
  std::size_t cut = text.size();
  if (cut > kMaxShown) {
    cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string quoted = "'";
  quoted.append(text.substr(0, cut));
  if (cut < text.size()) quoted.append("…");
  quoted.push_back('\'');
  return quoted;
}

sdk::Result<ValueConverter> ValueConverter::Create(model::FieldType type, const std::vector<std::string>& date_formats,
                                                   const std::optional<config::NumberFormatConfig>& number) {
  using model::FieldType;
  bool dated = type == FieldType::kDate || type == FieldType::kTimestamp;
  bool numeric = type == FieldType::kInt64 || type == FieldType::kDecimal;
  if (!date_formats.empty() && number) {
    return sdk::Status::InvalidArgument("date formats and a number format cannot both apply; give one of them");
  }
  if (!date_formats.empty() && !dated && type != FieldType::kString) return Mismatch("date formats", type);
  if (number && !numeric && type != FieldType::kString) return Mismatch("number formats", type);
  Reading reading = Reading::kText;
  if (dated || !date_formats.empty()) reading = Reading::kDate;
  if (numeric || number) reading = Reading::kNumber;
  if (type == FieldType::kBool) reading = Reading::kBool;
  ValueConverter converter(type, reading);
  if (reading == Reading::kNumber) converter.numbers_ = NumberReader(number.value_or(config::NumberFormatConfig{}));
  if (reading == Reading::kDate) {
    for (const std::string& pattern : date_formats.empty() ? DefaultDateFormats() : date_formats) {
      auto format = DateFormat::Parse(pattern);
      if (!format.ok()) return format.status();
      converter.dates_.push_back(std::move(format).value());
    }
  }
  return converter;
}

bool ValueConverter::TakesAsIs(const sdk::Value& value) const {
  switch (type_) {
    case model::FieldType::kString:
      return reading_ == Reading::kText && value.type() == sdk::ValueType::kString;
    case model::FieldType::kInt64:
      return value.type() == sdk::ValueType::kInt64;
    case model::FieldType::kDecimal:
      return value.type() == sdk::ValueType::kDecimal;
    case model::FieldType::kDate:
      return value.type() == sdk::ValueType::kDate;
    case model::FieldType::kTimestamp:
      return value.type() == sdk::ValueType::kTimestamp;
    case model::FieldType::kBool:
      return value.type() == sdk::ValueType::kBool;
  }
  return false;
}

bool ValueConverter::Convert(std::string text, sdk::Value* out, std::string* problem) const {
  switch (reading_) {
    case Reading::kText:
      *out = sdk::Value::String(std::move(text));
      return true;
    case Reading::kDate:
      return ConvertDate(text, out, problem);
    case Reading::kNumber:
      return ConvertNumber(text, out, problem);
    case Reading::kBool:
      if (std::optional<bool> flag = ReadBool(text)) {
        *out = sdk::Value::Bool(*flag);
        return true;
      }
      *problem = Quoted(text) + " is not a yes/no value (true/false, yes/no, y/n, 1/0, 是/否)";
      return false;
  }
  return false;
}

bool ValueConverter::ConvertDate(std::string_view text, sdk::Value* out, std::string* problem) const {
  for (const DateFormat& format : dates_) {
    std::optional<CivilTime> time = format.Match(text);
    if (!time) continue;
    if (type_ == model::FieldType::kTimestamp) {
      *out = sdk::Value::Timestamp(ToUnixMillis(*time));
    } else {
      *out = type_ == model::FieldType::kDate ? sdk::Value::Date(FormatIsoDate(*time))
                                              : sdk::Value::String(FormatIsoDate(*time));
    }
    return true;
  }
  *problem = Quoted(text) + " matches none of the date formats ";
  for (std::size_t i = 0; i < dates_.size(); ++i) *problem += (i == 0 ? "" : ", ") + dates_[i].pattern();
  return false;
}

bool ValueConverter::ConvertNumber(std::string_view text, sdk::Value* out, std::string* problem) const {
  std::string number;
  NumberReader::Problem read = numbers_.Read(text, &number);
  if (read != NumberReader::Problem::kNone) {
    *problem = Quoted(text) + " " +
               (read == NumberReader::Problem::kTooManyDecimals ? "has more decimals than the scale allows"
                                                                : "is not a number") +
               " (" + numbers_.Describe() + ")";
    return false;
  }
  if (type_ != model::FieldType::kInt64) {
    *out = type_ == model::FieldType::kDecimal ? sdk::Value::Decimal(std::move(number))
                                               : sdk::Value::String(std::move(number));
    return true;
  }
  std::size_t point = number.find('.');
  std::int64_t integer = 0;
  bool whole = point == std::string::npos || number.find_first_not_of('0', point + 1) == std::string::npos;
  const char* end = number.data() + (point == std::string::npos ? number.size() : point);
  auto [rest, error] = std::from_chars(number.data(), end, integer);
  if (!whole || error != std::errc() || rest != end) {
    *problem = Quoted(text) + " is not a whole number from -9223372036854775808 to 9223372036854775807";
    return false;
  }
  *out = sdk::Value::Int64(integer);
  return true;
}

}  // namespace hub::sync::mapping
