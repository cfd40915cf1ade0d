// Private: binds sdk::Values to a statement's parameter markers (SQLBindParameter), see statement.hpp.
#ifndef HUB_STORE_ODBC_PARAMETER_BINDER_HPP_
#define HUB_STORE_ODBC_PARAMETER_BINDER_HPP_

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
class ParameterBinder {
 public:
  // Binds values[i] to marker i + 1. Returns the SQLRETURN of the last call; on failure the index of the
  // failing value is in `failed_index` and the statement's diagnostics say why.
  SQLRETURN Bind(SQLHSTMT statement, std::span<const sdk::Value> values, std::size_t* failed_index);

 private:
  // The fixed-size storage of one parameter; the indicator tells the driver its length or NULL.
  struct Slot {
    SQLLEN indicator = 0;
    SQLBIGINT integer = 0;
    double real = 0;
    unsigned char bit = 0;
    SQL_TIMESTAMP_STRUCT timestamp{};
  };

  SQLRETURN BindOne(SQLHSTMT statement, SQLUSMALLINT number, const sdk::Value& value, Slot& slot);

  std::vector<Slot> slots_;
};

// The UTC calendar time of `unix_ms` milliseconds since the epoch, with the milliseconds as fraction.
SQL_TIMESTAMP_STRUCT TimestampFromUnixMs(std::int64_t unix_ms);
// Milliseconds since the epoch of a UTC calendar time (fraction in nanoseconds, truncated to ms).
std::int64_t UnixMsFromTimestamp(const SQL_TIMESTAMP_STRUCT& timestamp);

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_PARAMETER_BINDER_HPP_
