// The typed getters of Statement: SQLGetData on the current row.
#include <sqlext.h>

#include <array>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/statement.hpp"
#include "parameter_binder.hpp"

namespace hub::odbc {

sdk::Status Statement::CheckColumn(std::size_t column) const {
  if (!cursor_open_) return sdk::Status::Internal("no current row: call Next() after Execute()");
  if (column >= columns_.size()) {
    return sdk::Status::Internal("column " + std::to_string(column) + " out of range: the result has " +
                                 std::to_string(columns_.size()) + " columns");
  }
  return sdk::Status::Ok();
}

// Reads a fixed-size value; false for SQL NULL.
sdk::Result<bool> Statement::ReadFixed(std::size_t column, SQLSMALLINT c_type, void* target, SQLLEN size) {
  HUB_RETURN_IF_ERROR(CheckColumn(column));
  SQLLEN indicator = 0;
  const SQLRETURN rc =
      SQLGetData(handle_.get(), static_cast<SQLUSMALLINT>(column + 1), c_type, target, size, &indicator);
  if (!SQL_SUCCEEDED(rc)) return Fail("reading column '" + columns_[column].name + "' of");
  return indicator != SQL_NULL_DATA;
}

sdk::Result<std::optional<std::string>> Statement::GetString(std::size_t column) {
  HUB_RETURN_IF_ERROR(CheckColumn(column));
  std::string text;
  std::array<char, 4096> chunk;  // not zeroed: the driver writes what it returns (zeroing it was a cost per cell)
  for (;;) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(handle_.get(), static_cast<SQLUSMALLINT>(column + 1), SQL_C_CHAR, chunk.data(),
                                    static_cast<SQLLEN>(chunk.size()), &indicator);
    if (rc == SQL_NO_DATA) break;  // the previous chunk was the last
    if (!SQL_SUCCEEDED(rc)) return Fail("reading column '" + columns_[column].name + "' of");
    if (indicator == SQL_NULL_DATA) return std::optional<std::string>();
    // A truncated chunk (SQL_SUCCESS_WITH_INFO, 01004) fills the buffer less its terminating zero.
    const bool whole = indicator != SQL_NO_TOTAL && static_cast<std::size_t>(indicator) < chunk.size();
    text.append(chunk.data(), whole ? static_cast<std::size_t>(indicator) : chunk.size() - 1);
    if (whole) break;
  }
  return std::optional<std::string>(std::move(text));
}

sdk::Result<std::optional<std::int64_t>> Statement::GetInt64(std::size_t column) {
  SQLBIGINT number = 0;
  sdk::Result<bool> present = ReadFixed(column, SQL_C_SBIGINT, &number, sizeof(number));
  if (!present.ok()) return present.status();
  return *present ? std::optional<std::int64_t>(number) : std::nullopt;
}

sdk::Result<std::optional<double>> Statement::GetDouble(std::size_t column) {
  double number = 0;
  sdk::Result<bool> present = ReadFixed(column, SQL_C_DOUBLE, &number, sizeof(number));
  if (!present.ok()) return present.status();
  return *present ? std::optional<double>(number) : std::nullopt;
}

sdk::Result<std::optional<bool>> Statement::GetBool(std::size_t column) {
  unsigned char bit = 0;
  sdk::Result<bool> present = ReadFixed(column, SQL_C_BIT, &bit, sizeof(bit));
  if (!present.ok()) return present.status();
  return *present ? std::optional<bool>(bit != 0) : std::nullopt;
}

sdk::Result<std::optional<std::int64_t>> Statement::GetTimestamp(std::size_t column) {
  SQL_TIMESTAMP_STRUCT timestamp{};
  sdk::Result<bool> present = ReadFixed(column, SQL_C_TYPE_TIMESTAMP, &timestamp, sizeof(timestamp));
  if (!present.ok()) return present.status();
  return *present ? std::optional<std::int64_t>(UnixMsFromTimestamp(timestamp)) : std::nullopt;
}

namespace {

// Wraps a getter's optional result into a Value built by `make`, NULL when absent.
template <typename T, typename Make>
sdk::Result<sdk::Value> ToValue(sdk::Result<std::optional<T>> result, Make make) {
  if (!result.ok()) return result.status();
  if (!result->has_value()) return sdk::Value::Null();
  return make(std::move(**result));
}

}  // namespace

sdk::Result<sdk::Value> Statement::GetValue(std::size_t column) {
  HUB_RETURN_IF_ERROR(CheckColumn(column));
  switch (columns_[column].type) {
    case sdk::ValueType::kInt64:
      return ToValue(GetInt64(column), sdk::Value::Int64);
    case sdk::ValueType::kDouble:
      return ToValue(GetDouble(column), sdk::Value::Double);
    case sdk::ValueType::kBool:
      return ToValue(GetBool(column), sdk::Value::Bool);
    case sdk::ValueType::kTimestamp:
      return ToValue(GetTimestamp(column), sdk::Value::Timestamp);
    case sdk::ValueType::kDecimal:
      return ToValue(GetString(column), sdk::Value::Decimal);
    case sdk::ValueType::kDate:
      return ToValue(GetString(column), sdk::Value::Date);
    default:
      return ToValue(GetString(column), sdk::Value::String);
  }
}

}  // namespace hub::odbc
