// An incremental ODBC query: the user's SELECT read page by page on a (timestamp, id) or id keyset, each
// run starting an overlap window before the last run's watermark. This file holds the SQL it sends (the
// query wrapped with the keyset predicate, order and limit); incremental_cursor.hpp its position. Shared by
// the odbc, finance and hr connectors.
#ifndef HUB_ODBC_INCREMENTAL_QUERY_HPP_
#define HUB_ODBC_INCREMENTAL_QUERY_HPP_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/incremental_cursor.hpp"
#include "hub/sdk/record.hpp"

namespace hub::odbc {

// How a query moves through its source, chosen by which cursor columns are set.
enum class ReadMode {
  kFull,         // no cursor column: every run reads the whole result
  kId,           // id_column only: rows after the highest id read
  kTimestampId,  // timestamp_column and id_column: the (timestamp, id) keyset, with the overlap window
};

// What an incremental query reads: the SELECT (no trailing semicolon) and its cursor columns, plain SQL
// identifiers of its result (the caller checks them), and how far back a run starts. A plain value.
struct IncrementalQuerySpec {
  std::string query;
  std::string timestamp_column;  // empty: none
  std::string id_column;         // empty: none
  std::chrono::milliseconds overlap{std::chrono::minutes(5)};

  ReadMode mode() const {
    if (id_column.empty()) return ReadMode::kFull;
    return timestamp_column.empty() ? ReadMode::kId : ReadMode::kTimestampId;
  }
};

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
KeysetRead PlanKeysetRead(const IncrementalQuerySpec& spec, const IncrementalCursor& cursor, std::string* warning);

// SELECT * FROM (<query>) src WHERE <predicate> ORDER BY <timestamp>, <id> <row_limit>. Pure.
SqlText BuildKeysetSql(const IncrementalQuerySpec& spec, const KeysetRead& read, std::string_view row_limit);

// The clause that keeps the first `rows` rows, by DBMS (SQL_DBMS_NAME): LIMIT for SQLite, PostgreSQL,
// MySQL and MariaDB; OFFSET 0 ROWS FETCH NEXT for Microsoft SQL Server; the standard FETCH FIRST n ROWS
// ONLY for any other (Oracle 12c+, DB2, ...). Pure.
std::string RowLimitClause(std::string_view dbms_name, std::size_t rows);

// `query` without the white space around it and its trailing semicolons, as a query the caller wraps as a
// subquery must be. Pure.
std::string TrimmedQuery(std::string_view query);

// A query that answers one row, by DBMS: SELECT 1 (FROM DUAL on Oracle, FROM SYSIBM.SYSDUMMY1 on DB2). Pure.
std::string_view PingSql(std::string_view dbms_name);

}  // namespace hub::odbc

#endif  // HUB_ODBC_INCREMENTAL_QUERY_HPP_
