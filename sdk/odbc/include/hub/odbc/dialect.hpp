// Which database engine sits behind a connection, and the limits that differ between engines.
#ifndef HUB_ODBC_DIALECT_HPP_
#define HUB_ODBC_DIALECT_HPP_

#include <cstddef>
#include <string_view>

namespace hub::odbc {

// The SQL dialect of a connection, detected from SQLGetInfo(SQL_DBMS_NAME) when it opens. kOther is any
// engine the hub has no specific support for yet: plain ODBC calls work, dialect-specific SQL does not.
enum class Dialect { kSqlite, kPostgres, kOther };

// "sqlite", "postgresql" or "other": for logs, messages and migration folder names.
std::string_view DialectName(Dialect dialect);

// Maps a DBMS name as drivers report it ("SQLite", "PostgreSQL", ...; case-insensitive) to a dialect.
Dialect DialectFromDbmsName(std::string_view dbms_name);

// The most parameter markers one statement may carry on this engine: SQLite 32766
// (SQLITE_MAX_VARIABLE_NUMBER since 3.32); PostgreSQL 7498 — the protocol allows 65535, but psqlODBC
// asks the server to describe prepared parameters and libpq (15 and older) drops the connection
// ("lost synchronization with server: got message type "t"") when that ParameterDescription message
// exceeds 30000 bytes, i.e. past 7498 parameters (measured; see docs/BENCHMARKS.md); a conservative 2000
// for other engines.
std::size_t MaxParameters(Dialect dialect);

}  // namespace hub::odbc

#endif  // HUB_ODBC_DIALECT_HPP_
