// PostgreSQL array literals ('{"a","b",NULL}') of sdk::Values: how BatchWriter sends a column of many rows as one
// parameter (unnest).
#ifndef HUB_STORE_ODBC_ARRAY_LITERAL_HPP_
#define HUB_STORE_ODBC_ARRAY_LITERAL_HPP_

#include <cstddef>
#include <span>
#include <string>

#include "hub/sdk/record.hpp"

namespace hub::odbc {

// Appends to `literal` the array element for `value`, as the server reads it into the element type of the
// column it goes to, giving the same value the statement would store with `value` bound as a parameter:
//   Null                    -> NULL (unquoted: the SQL NULL; a string "NULL" is quoted and stays a string)
//   String, Decimal, Date   -> the text in double quotes, `"` and `\` escaped with a backslash (every
//                              other byte as it is: commas, braces, quotes, spaces, UTF-8), "" for empty
//   Int64                   -> its digits
//   Double                  -> the shortest text that reads back as the same double; NaN, Infinity, -Infinity
//   Bool                    -> t or f
//   Timestamp               -> "YYYY-MM-DD HH:MM:SS.fff" in UTC (the session's time zone, see Connection)
// Text must hold no NUL byte (PostgreSQL text cannot; the sync refuses such records before they get here).
void AppendArrayElement(const sdk::Value& value, std::string& literal);

// The array literal "{…}" of column `column` of the row-major rows in `values`, `columns` values per row.
std::string ColumnArrayLiteral(std::span<const sdk::Value> values, std::size_t columns, std::size_t column);

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_ARRAY_LITERAL_HPP_
