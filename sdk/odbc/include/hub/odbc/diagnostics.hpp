// ODBC diagnostic records, and how a failed call becomes a hub::sdk::Status.
#ifndef HUB_ODBC_DIAGNOSTICS_HPP_
#define HUB_ODBC_DIAGNOSTICS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sql.h>

#include "hub/odbc/dialect.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// One diagnostic record of a failed ODBC call: the five-character SQLSTATE, the driver's native error
// code and its message text.
struct DiagnosticRecord {
  std::string sqlstate;
  std::int64_t native_error = 0;
  std::string message;
};

// Reads every diagnostic record attached to `handle` (of type SQL_HANDLE_ENV/DBC/STMT), in order.
// Empty when the driver left none. Messages are the driver's text on one line (runs of spaces, tabs and
// line breaks become one space).
// Thread-safety: as the handle (one thread at a time per handle).
std::vector<DiagnosticRecord> ReadDiagnostics(SQLSMALLINT handle_type, SQLHANDLE handle);

// The SQLite ODBC driver reports every engine error as SQLSTATE HY000 with the SQLite result code as
// the native error. This replaces such a state with the standard one the message implies, so that
// callers see the same classes on every engine: constraint failures (native 19) become 23505 (UNIQUE or
// PRIMARY KEY), 23502 (NOT NULL), 23503 (FOREIGN KEY), 23514 (CHECK) or 23000; "syntax error" becomes
// 42601, "no such table" 42P01, "no such column" 42703, other SQL errors (native 1) 42000; "database is
// locked"/"busy" (native 5, 6) 40001 (retryable); "unable to open database" (native 14) 08001; "string or
// blob too big" (native 18) 22001 and "datatype mismatch" (native 20) 22000 (the value's fault). The
// driver's original state is kept in the message ("[driver state HY000]"). Records of other dialects are
// returned unchanged.
std::vector<DiagnosticRecord> NormalizeDiagnostics(Dialect dialect, std::vector<DiagnosticRecord> records);

// True for SQLSTATEs that mean the connection itself is gone or unusable: class 08 (08001, 08003,
// 08S01, ...). A connection that reported one must be discarded.
bool IsConnectionFailure(std::string_view sqlstate);

// The Status for a failed call, built from all of its diagnostic records (the first decides the code):
//   class 08                  -> Unavailable (connection failed or lost)
//   40001, 40P01              -> Unavailable (serialization failure / deadlock: retry the transaction)
//   class 22, class 23        -> DataError, naming the kind ("unique violation", "foreign key
//                                violation", "not-null violation", "check violation", "integrity
//                                constraint violation", "invalid data")
//   54000                     -> DataError, "value too large for the store" (a value over an index's
//                                entry limit; 54001, 54011, … — the statement's shape — stay IoError)
//   class 42, 0A, 3F, 25      -> Internal (the SQL or its use is wrong: a bug, not an outage)
//   anything else / no record -> IoError
// Only DataError is a refusal of the data a statement carried; every other code is a fault of the SQL,
// the connection or the server, never of the values bound to it.
// The message reads "<context>: <kind: >SQLSTATE 23505 (native 7): ERROR: duplicate key value ...",
// further records appended after "; ". `fallback` is used as the detail when there is no record.
sdk::Status StatusFromDiagnostics(const std::vector<DiagnosticRecord>& records, std::string_view context,
                                  std::string_view fallback = "the driver returned no diagnostic");

}  // namespace hub::odbc

#endif  // HUB_ODBC_DIAGNOSTICS_HPP_
