#include "hub/odbc/statement.hpp"

#include <sqlext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "hub/odbc/connection.hpp"
#include "parameter_binder.hpp"

namespace hub::odbc {
namespace {

constexpr std::size_t kSqlInMessages = 120;

std::string Shorten(const std::string& sql) {
  if (sql.size() <= kSqlInMessages) return sql;
  return sql.substr(0, kSqlInMessages) + "...";
}

sdk::ValueType ValueTypeFor(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_BIGINT:
      return sdk::ValueType::kInt64;
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE:
      return sdk::ValueType::kDouble;
    case SQL_BIT:
      return sdk::ValueType::kBool;
    case SQL_DECIMAL:
    case SQL_NUMERIC:
      return sdk::ValueType::kDecimal;
    case SQL_TYPE_DATE:
    case SQL_DATE:
      return sdk::ValueType::kDate;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP:
      return sdk::ValueType::kTimestamp;
    default:
      return sdk::ValueType::kString;
  }
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// SQLite's driver types a declared DECIMAL as VARCHAR and NUMERIC as DOUBLE; the type name tells.
sdk::ValueType ValueTypeFor(SQLSMALLINT sql_type, std::string_view type_name) {
  if (StartsWithIgnoreCase(type_name, "decimal") || StartsWithIgnoreCase(type_name, "numeric")) {
    return sdk::ValueType::kDecimal;
  }
  return ValueTypeFor(sql_type);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace

std::optional<std::size_t> RowSet::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (EqualsIgnoreCase(columns[i].name, name)) return i;
  }
  return std::nullopt;
}

Statement::Statement(Connection* connection, StatementHandle handle, std::string sql, std::size_t parameter_count)
    : connection_(connection),
      handle_(std::move(handle)),
      sql_(std::move(sql)),
      parameter_count_(parameter_count),
      binder_(std::make_unique<ParameterBinder>()) {}

Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

sdk::Status Statement::Fail(std::string_view action) const {
  return connection_->Diagnose(SQL_HANDLE_STMT, handle_.get(), std::string(action) + " `" + Shorten(sql_) + "`");
}

sdk::Result<std::int64_t> Statement::ExecuteWith(std::span<const sdk::Value> params) {
  if (params.size() != parameter_count_) {
    std::string message = "`";
    message.append(Shorten(sql_)).append("` takes ").append(std::to_string(parameter_count_));
    return sdk::Status::Internal(message.append(" parameters, ").append(std::to_string(params.size())) + " given");
  }
  HUB_RETURN_IF_ERROR(CloseCursor());
  std::size_t failed_index = 0;
  if (!SQL_SUCCEEDED(binder_->Bind(handle_.get(), params, &failed_index))) {
    std::string action = "binding parameter ";
    return Fail(action.append(std::to_string(failed_index + 1)).append(" of"));
  }
  const SQLRETURN rc = SQLExecute(handle_.get());
  if (rc == SQL_NO_DATA) return 0;  // a searched UPDATE/DELETE that matched nothing
  if (!SQL_SUCCEEDED(rc)) return Fail("executing");
  SQLLEN row_count = -1;
  if (!SQL_SUCCEEDED(SQLRowCount(handle_.get(), &row_count))) row_count = -1;
  HUB_RETURN_IF_ERROR(DescribeColumns());
  cursor_open_ = !columns_.empty();
  return static_cast<std::int64_t>(row_count);
}

sdk::Status Statement::DescribeColumns() {
  if (columns_described_) return sdk::Status::Ok();
  SQLSMALLINT count = 0;
  if (!SQL_SUCCEEDED(SQLNumResultCols(handle_.get(), &count))) return Fail("describing the result of");
  if (count == 0) return sdk::Status::Ok();  // DML: described again after a later execute, which is cheap
  columns_.clear();
  for (SQLUSMALLINT number = 1; number <= count; ++number) {
    std::array<SQLCHAR, 256> name{};
    SQLSMALLINT name_length = 0;
    SQLSMALLINT sql_type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
    if (!SQL_SUCCEEDED(SQLDescribeCol(handle_.get(), number, name.data(), static_cast<SQLSMALLINT>(name.size()),
                                      &name_length, &sql_type, &size, &digits, &nullable))) {
      return Fail("describing column " + std::to_string(number) + " of");
    }
    std::string type_name = TypeName(number);
    const sdk::ValueType value_type = ValueTypeFor(sql_type, type_name);
    columns_.push_back({reinterpret_cast<const char*>(name.data()), std::move(type_name), value_type, sql_type,
                        nullable != SQL_NO_NULLS});
  }
  columns_described_ = true;
  return sdk::Status::Ok();
}

std::string Statement::TypeName(SQLUSMALLINT number) const {
  std::array<SQLCHAR, 128> type_name{};
  SQLSMALLINT length = 0;
  if (!SQL_SUCCEEDED(SQLColAttribute(handle_.get(), number, SQL_DESC_TYPE_NAME, type_name.data(),
                                     static_cast<SQLSMALLINT>(type_name.size()), &length, nullptr))) {
    return {};
  }
  return reinterpret_cast<const char*>(type_name.data());
}

sdk::Result<bool> Statement::Next() {
  if (!cursor_open_) return false;
  const SQLRETURN rc = SQLFetch(handle_.get());
  if (rc == SQL_NO_DATA) {
    HUB_RETURN_IF_ERROR(CloseCursor());
    return false;
  }
  if (!SQL_SUCCEEDED(rc)) return Fail("fetching a row of");
  return true;
}

sdk::Status Statement::CloseCursor() {
  if (!cursor_open_) return sdk::Status::Ok();
  cursor_open_ = false;
  if (!SQL_SUCCEEDED(SQLFreeStmt(handle_.get(), SQL_CLOSE))) return Fail("closing the cursor of");
  return sdk::Status::Ok();
}

sdk::Result<Row> Statement::GetRow() {
  Row row;
  row.reserve(columns_.size());
  for (std::size_t column = 0; column < columns_.size(); ++column) {
    sdk::Result<sdk::Value> value = GetValue(column);
    if (!value.ok()) return value.status();
    row.push_back(std::move(*value));
  }
  return row;
}

sdk::Result<std::vector<Row>> Statement::FetchAll() {
  std::vector<Row> rows;
  for (;;) {
    sdk::Result<bool> more = Next();
    if (!more.ok()) return more.status();
    if (!*more) return rows;
    sdk::Result<Row> row = GetRow();
    if (!row.ok()) return row.status();
    rows.push_back(std::move(*row));
  }
}

}  // namespace hub::odbc
