// A prepared statement: typed parameters from hub::sdk::Value, execution, and reading its rows.
#ifndef HUB_ODBC_STATEMENT_HPP_
#define HUB_ODBC_STATEMENT_HPP_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sql.h>

#include "hub/odbc/handles.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

class Connection;
class ParameterBinder;

// One result column: its name as the driver reports it (lower case on PostgreSQL unless quoted), its
// type name (SQL_DESC_TYPE_NAME: the declared type on SQLite, e.g. "NUMERIC(20,4)"; may be empty), the
// Value type GetValue gives it, the ODBC SQL type and whether it may be NULL (true when unknown).
struct ColumnInfo {
  std::string name;
  std::string type_name;
  sdk::ValueType type = sdk::ValueType::kString;
  SQLSMALLINT sql_type = SQL_VARCHAR;
  bool nullable = true;
};

// One row of a result, a value per column in column order; SQL NULL is Value::Null().
using Row = std::vector<sdk::Value>;

// A whole result held in memory (for small results: look-ups, counts, schema queries).
struct RowSet {
  std::vector<ColumnInfo> columns;
  std::vector<Row> rows;

  // The index of the column named `name` (ASCII case-insensitive), or nullopt.
  std::optional<std::size_t> ColumnIndex(std::string_view name) const;
};

// A statement prepared on one Connection (SQLPrepare), executed any number of times with new parameters.
//
// Parameters bind by position (the `?` markers, in order) from sdk::Value:
//   Null      -> SQL NULL (typed as VARCHAR; both drivers let the server infer the column type)
//   String    -> SQL_C_CHAR holding UTF-8, as SQL_VARCHAR (SQL_LONGVARCHAR past 4000 bytes)
//   Int64     -> SQL_C_SBIGINT as SQL_BIGINT
//   Double    -> SQL_C_DOUBLE as SQL_DOUBLE
//   Bool      -> SQL_C_BIT as SQL_BIT
//   Decimal   -> its text as SQL_NUMERIC (exact: never through a double)
//   Date      -> its text (YYYY-MM-DD) as SQL_TYPE_DATE
//   Timestamp -> SQL_C_TYPE_TIMESTAMP (UTC, millisecond precision) as SQL_TYPE_TIMESTAMP. PostgreSQL
//                sessions run with TimeZone UTC (set by Connection), so `timestamptz` columns store the
//                right instant; SQLite stores the driver's text "YYYY-MM-DD HH:MM:SS.fff", which sorts.
// Columns read back as Values by their SQL type: integer types -> Int64, REAL/FLOAT/DOUBLE -> Double,
// BIT/BOOLEAN -> Bool, DECIMAL/NUMERIC (by SQL type or type name) -> Decimal (text), DATE -> Date,
// TIMESTAMP -> Timestamp (ms UTC), anything else -> String (UTF-8). Expressions without a declared type
// (SELECT 42, COUNT(*)) come back as the driver types them: integers as Int64 on both shipped drivers.
// The typed getters convert whatever the column holds through the driver (GetInt64 on text "42" is 42).
//
// SQLite caveat: a column declared NUMERIC or DECIMAL has NUMERIC affinity, so SQLite itself stores
// "12345.6789" as a REAL (exact to about 15 digits, "1.10" reads back "1.1"). Where exact decimals matter
// on SQLite, declare the column TEXT and compare/sum in code, or store integer minor units.
//
// Columns are numbered from 0 in this API. A statement must not outlive its Connection, and, like it, is
// used by one thread at a time. Move-only. Errors are Statuses as in diagnostics.hpp, with the SQL text
// (shortened) as context; a connection failure also marks the Connection broken.
class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  const std::string& sql() const { return sql_; }
  // The number of `?` markers (SQLNumParams).
  std::size_t parameter_count() const { return parameter_count_; }

  // Closes any open cursor, binds `params` and executes. Returns the rows affected for INSERT/UPDATE/
  // DELETE (SQLRowCount; -1 when the driver does not say, as for SELECT). For a statement returning rows
  // the cursor is open afterwards: call Next() and the getters. `params` must stay unchanged during the
  // call only. Errors: Internal (a caller's mistake, never a record's) when params.size() != parameter_count(); driver
  // errors as above.
  sdk::Result<std::int64_t> Execute(const std::vector<sdk::Value>& params = {}) { return ExecuteWith(params); }

  // Execute with the parameters in any contiguous range (a slice of a larger buffer), same contract.
  sdk::Result<std::int64_t> ExecuteWith(std::span<const sdk::Value> params);

  // The result columns of the last Execute (empty for statements without rows).
  const std::vector<ColumnInfo>& columns() const { return columns_; }

  // Moves to the next row: true when there is one, false at the end (the cursor is then closed).
  sdk::Result<bool> Next();

  // Getters on the current row (after Next() returned true); nullopt / Value::Null() for SQL NULL.
  // Each column may be read once per row, in any order on both shipped drivers.
  // Errors: Internal for a column out of range or no current row (a caller's mistake); DataError when the
  // driver cannot convert.
  sdk::Result<sdk::Value> GetValue(std::size_t column);
  sdk::Result<std::optional<std::string>> GetString(std::size_t column);
  sdk::Result<std::optional<std::int64_t>> GetInt64(std::size_t column);
  sdk::Result<std::optional<double>> GetDouble(std::size_t column);
  sdk::Result<std::optional<bool>> GetBool(std::size_t column);
  // A TIMESTAMP column as milliseconds since the epoch, UTC.
  sdk::Result<std::optional<std::int64_t>> GetTimestamp(std::size_t column);

  // The current row as Values (GetValue for every column).
  sdk::Result<Row> GetRow();

  // Reads every remaining row (Next + GetRow until the end).
  sdk::Result<std::vector<Row>> FetchAll();

  // Closes the open cursor, if any, so that the connection can run other statements (SQLite holds a
  // read lock while a cursor is open). Execute does it too.
  sdk::Status CloseCursor();

 private:
  friend class Connection;
  Statement(Connection* connection, StatementHandle handle, std::string sql, std::size_t parameter_count);

  sdk::Status Fail(std::string_view action) const;
  sdk::Status DescribeColumns();
  std::string TypeName(SQLUSMALLINT number) const;
  sdk::Status CheckColumn(std::size_t column) const;
  sdk::Result<bool> ReadFixed(std::size_t column, SQLSMALLINT c_type, void* target, SQLLEN size);

  Connection* connection_;  // not owned; outlives this statement
  StatementHandle handle_;
  std::string sql_;
  std::size_t parameter_count_ = 0;
  std::unique_ptr<ParameterBinder> binder_;
  std::vector<ColumnInfo> columns_;
  bool columns_described_ = false;  // the result shape of a prepared statement does not change
  bool cursor_open_ = false;
};

}  // namespace hub::odbc

#endif  // HUB_ODBC_STATEMENT_HPP_
