// Private: binds sdk::Values to a statement's parameter markers (SQLBindParameter), see statement.hpp.
#ifndef HUB_ODBC_SRC_PARAMETER_BINDER_HPP_
#define HUB_ODBC_SRC_PARAMETER_BINDER_HPP_

#include <span>
#include <string>
#include <vector>

#include <sql.h>
#include <sqlext.h>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// Holds the buffers the driver reads at execution time. Strings, decimals and dates are not copied: the
// bound Values must stay alive and unchanged until the statement has executed. One per statement.
//
// A parameter whose binding would be the same as at the previous Bind (same types and sizes, same buffer
// and indicator addresses: integers, doubles, booleans, timestamps and NULLs, whose buffers are this
// binder's own) is not bound again: only its buffer is updated, since the driver reads the buffers at
// execution time. That saves most SQLBindParameter calls when a statement runs again and again.
class ParameterBinder {
 public:
  // Binds values[i] to marker i + 1. Returns the SQLRETURN of the last call; on failure the index of the
  // failing value is in `failed_index` and the statement's diagnostics say why.
  SQLRETURN Bind(SQLHSTMT statement, std::span<const sdk::Value> values, std::size_t* failed_index);

 private:
  // What one SQLBindParameter call was given (input parameters only).
  struct Binding {
    SQLSMALLINT c_type = 0;
    SQLSMALLINT sql_type = 0;
    SQLULEN column_size = 0;
    SQLSMALLINT digits = 0;
    SQLPOINTER buffer = nullptr;
    SQLLEN buffer_length = 0;
    SQLLEN* indicator = nullptr;

    bool operator==(const Binding&) const = default;
  };

  // The fixed-size storage of one parameter; the indicator tells the driver its length or NULL.
  struct Slot {
    SQLLEN indicator = 0;
    SQLBIGINT integer = 0;
    double real = 0;
    unsigned char bit = 0;
    SQL_TIMESTAMP_STRUCT timestamp{};
    Binding bound;  // the last binding made; c_type 0: none
  };

  SQLRETURN BindOne(SQLHSTMT statement, SQLUSMALLINT number, const sdk::Value& value, Slot& slot);
  // Puts `value` where the driver will read it (its own text stays where it is) and answers the binding
  // that reads it; c_type 0 for a value of no known type.
  static Binding Stage(const sdk::Value& value, Slot& slot);
  // The binding of `value`'s text (UTF-8, a decimal or a date) as `sql_type`.
  static Binding TextBinding(const sdk::Value& value, SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT digits,
                             Slot& slot);

  std::vector<Slot> slots_;
};

// The UTC calendar time of `unix_ms` milliseconds since the epoch, with the milliseconds as fraction.
SQL_TIMESTAMP_STRUCT TimestampFromUnixMs(std::int64_t unix_ms);
// Milliseconds since the epoch of a UTC calendar time (fraction in nanoseconds, truncated to ms).
std::int64_t UnixMsFromTimestamp(const SQL_TIMESTAMP_STRUCT& timestamp);

}  // namespace hub::odbc

#endif  // HUB_ODBC_SRC_PARAMETER_BINDER_HPP_
