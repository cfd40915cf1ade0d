// The SQL the odbc connector sends: the user's query wrapped with the keyset predicate, order and limit.
#ifndef HUB_CONNECTORS_ODBC_SOURCE_QUERY_HPP_
#define HUB_CONNECTORS_ODBC_SOURCE_QUERY_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "odbc/odbc_cursor.hpp"
#include "odbc/odbc_options.hpp"

namespace hub::odbc_source {

// Which rows a keyset read asks for (modes kId and kTimestampId). A plain value.
struct KeysetRead {
  enum class From {
    kBeginning,  // every row whose cursor columns are not NULL
    kTimestamp,  // timestamp >= `timestamp` (a run's start: the watermark less the overlap)
    kAfter,      // strictly after (`timestamp`, `id`); by id alone in mode kId
  };
  From from = From::kBeginning;
  std::string timestamp;
  sdk::Value id;
};

// A statement and its parameters, in marker order.
struct SqlText {
  std::string sql;
  std::vector<sdk::Value> params;
};

// Where a read from `cursor` starts. At a run's start in mode kTimestampId the watermark's timestamp is
// moved back by the overlap in its own text form; when it does not parse as a date/time the run starts
// at the watermark itself and *warning says why (otherwise it is left unchanged). Pure.
KeysetRead PlanKeysetRead(const OdbcOptions& options, const OdbcCursor& cursor, std::string* warning);

// SELECT * FROM (<query>) src WHERE <predicate> ORDER BY <timestamp>, <id> <row_limit>. Pure.
SqlText BuildKeysetSql(const OdbcOptions& options, const KeysetRead& read, std::string_view row_limit);

// The clause that keeps the first `rows` rows, by DBMS (SQL_DBMS_NAME): LIMIT for SQLite, PostgreSQL,
// MySQL and MariaDB; OFFSET 0 ROWS FETCH NEXT for Microsoft SQL Server; the standard FETCH FIRST n ROWS
// ONLY for any other (Oracle 12c+, DB2, ...). Pure.
std::string RowLimitClause(std::string_view dbms_name, std::size_t rows);

// A query that answers one row, by DBMS: SELECT 1 (FROM DUAL on Oracle, FROM SYSIBM.SYSDUMMY1 on DB2). Pure.
std::string_view PingSql(std::string_view dbms_name);

}  // namespace hub::odbc_source

#endif  // HUB_CONNECTORS_ODBC_SOURCE_QUERY_HPP_
