#include "parameter_binder.hpp"

#include <chrono>

namespace hub::odbc {
namespace {

constexpr SQLULEN kLongTextBytes = 4000;
constexpr SQLULEN kTimestampColumnSize = 23;  // "YYYY-MM-DD HH:MM:SS.fff"
constexpr SQLSMALLINT kTimestampDigits = 3;

SQLPOINTER Text(const sdk::Value& value) {
  return const_cast<char*>(value.text().data());  // ODBC input buffers are not written to
}

// Digits after the decimal point of a decimal's text, for SQLBindParameter's DecimalDigits.
SQLSMALLINT Scale(const std::string& text) {
  const std::size_t point = text.find('.');
  if (point == std::string::npos) return 0;
  return static_cast<SQLSMALLINT>(text.size() - point - 1);
}

}  // namespace

SQLRETURN ParameterBinder::Bind(SQLHSTMT statement, std::span<const sdk::Value> values, std::size_t* failed_index) {
  if (slots_.size() < values.size()) slots_.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const SQLRETURN rc = BindOne(statement, static_cast<SQLUSMALLINT>(i + 1), values[i], slots_[i]);
    if (!SQL_SUCCEEDED(rc)) {
      *failed_index = i;
      return rc;
    }
  }
  return SQL_SUCCESS;
}

SQLRETURN ParameterBinder::BindOne(SQLHSTMT statement, SQLUSMALLINT number, const sdk::Value& value, Slot& slot) {
  const Binding binding = Stage(value, slot);
  if (binding.c_type == 0) return SQL_ERROR;
  if (binding == slot.bound) return SQL_SUCCESS;
  slot.bound = Binding{};  // a failed call leaves nothing reusable
  const SQLRETURN rc =
      SQLBindParameter(statement, number, SQL_PARAM_INPUT, binding.c_type, binding.sql_type, binding.column_size,
                       binding.digits, binding.buffer, binding.buffer_length, binding.indicator);
  if (SQL_SUCCEEDED(rc)) slot.bound = binding;
  return rc;
}

ParameterBinder::Binding ParameterBinder::Stage(const sdk::Value& value, Slot& slot) {
  slot.indicator = 0;
  switch (value.type()) {
    case sdk::ValueType::kNull:
      slot.indicator = SQL_NULL_DATA;
      return {SQL_C_CHAR, SQL_VARCHAR, 1, 0, nullptr, 0, &slot.indicator};
    case sdk::ValueType::kString: {
      const SQLULEN size = value.text().size();
      return TextBinding(value, size > kLongTextBytes ? SQL_LONGVARCHAR : SQL_VARCHAR, size == 0 ? 1 : size, 0, slot);
    }
    case sdk::ValueType::kInt64:
      slot.integer = value.integer();
      return {SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &slot.integer, 0, &slot.indicator};
    case sdk::ValueType::kDouble:
      slot.real = value.real();
      return {SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &slot.real, 0, &slot.indicator};
    case sdk::ValueType::kBool:
      slot.bit = value.boolean() ? 1 : 0;
      return {SQL_C_BIT, SQL_BIT, 1, 0, &slot.bit, 0, &slot.indicator};
    case sdk::ValueType::kDecimal:
      return TextBinding(value, SQL_NUMERIC, value.text().size(), Scale(value.text()), slot);
    case sdk::ValueType::kDate:
      return TextBinding(value, SQL_TYPE_DATE, 10, 0, slot);
    case sdk::ValueType::kTimestamp:
      slot.timestamp = TimestampFromUnixMs(value.integer());
      slot.indicator = sizeof(slot.timestamp);
      return {SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, kTimestampColumnSize, kTimestampDigits, &slot.timestamp, 0,
              &slot.indicator};
  }
  return {};
}

ParameterBinder::Binding ParameterBinder::TextBinding(const sdk::Value& value, SQLSMALLINT sql_type,
                                                      SQLULEN column_size, SQLSMALLINT digits, Slot& slot) {
  slot.indicator = static_cast<SQLLEN>(value.text().size());
  return {SQL_C_CHAR, sql_type, column_size, digits, Text(value), slot.indicator, &slot.indicator};
}

SQL_TIMESTAMP_STRUCT TimestampFromUnixMs(std::int64_t unix_ms) {
  using std::chrono::floor;
  const std::chrono::sys_time<std::chrono::milliseconds> time{std::chrono::milliseconds(unix_ms)};
  const auto day = floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> clock{time - day};
  SQL_TIMESTAMP_STRUCT result{};
  result.year = static_cast<SQLSMALLINT>(static_cast<int>(date.year()));
  result.month = static_cast<SQLUSMALLINT>(static_cast<unsigned>(date.month()));
  result.day = static_cast<SQLUSMALLINT>(static_cast<unsigned>(date.day()));
  result.hour = static_cast<SQLUSMALLINT>(clock.hours().count());
  result.minute = static_cast<SQLUSMALLINT>(clock.minutes().count());
  result.second = static_cast<SQLUSMALLINT>(clock.seconds().count());
  result.fraction = static_cast<SQLUINTEGER>(clock.subseconds().count() * 1000000);
  return result;
}

std::int64_t UnixMsFromTimestamp(const SQL_TIMESTAMP_STRUCT& timestamp) {
  const std::chrono::year_month_day date{std::chrono::year(timestamp.year), std::chrono::month(timestamp.month),
                                         std::chrono::day(timestamp.day)};
  const std::chrono::sys_days day{date};
  const std::chrono::milliseconds in_day = std::chrono::hours(timestamp.hour) + std::chrono::minutes(timestamp.minute) +
                                           std::chrono::seconds(timestamp.second) +
                                           std::chrono::milliseconds(timestamp.fraction / 1000000);
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch() + in_day).count();
}

}  // namespace hub::odbc
