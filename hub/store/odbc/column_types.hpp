// The declared types of a PostgreSQL table's columns, from the catalog: what BatchWriter casts each column's
// array parameter to.
#ifndef HUB_STORE_ODBC_COLUMN_TYPES_HPP_
#define HUB_STORE_ODBC_COLUMN_TYPES_HPP_

#include <span>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// One column's type as PostgreSQL's format_type names it without modifiers ("bigint", "text", "jsonb",
// "numeric", "timestamp with time zone", "character varying": a length or precision is left to the column,
// so a value too long for it is refused as it would be by a plain INSERT, never cut), and whether it is an
// array type.
struct ColumnType {
  std::string name;
  bool is_array = false;
};

// The types of `columns` (in that order) of `table`, resolved on `connection` (a PostgreSQL one) as its
// search_path finds the table. Looked up once per process for each database (connection string) and table,
// then remembered: the store's schema changes only when it is migrated, before anything writes.
// Threads: safe (the memory is shared and locked); the connection is used by the calling thread only.
// Errors: NotFound naming the table or column when there is none (a table found is remembered, one not
// found is looked up again next time); the driver's.
sdk::Result<std::vector<ColumnType>> PostgresColumnTypes(Connection& connection, const std::string& table,
                                                         std::span<const std::string> columns);

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_COLUMN_TYPES_HPP_
