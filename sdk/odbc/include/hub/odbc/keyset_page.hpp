// One page of an incremental query (incremental_query.hpp) run on a connection: the keyset SELECT sent,
// its rows handed over one by one, and a row read into fields and its keyset position. Shared by the
// finance and hr connectors.
#ifndef HUB_ODBC_KEYSET_PAGE_HPP_
#define HUB_ODBC_KEYSET_PAGE_HPP_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/incremental_query.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// Polled while rows are read: true stops the read with Cancelled. May be empty.
using CancelCheck = std::function<bool()>;

// Where the cursor columns of a spec are in a result: the timestamp column's index (mode kTimestampId
// only) and the id column's. A plain value.
struct KeysetColumns {
  std::optional<std::size_t> timestamp;
  std::size_t id = 0;
};

// Finds spec's cursor columns among `columns`, ASCII case-insensitively (drivers differ in case).
// InvalidArgument "the query gives no column 'x' (its columns: a, b)" when one is missing. Pure.
sdk::Result<KeysetColumns> FindKeysetColumns(const std::vector<ColumnInfo>& columns, const IncrementalQuerySpec& spec);

// True when the two column names are equal ASCII case-insensitively. Pure.
bool SameColumnName(std::string_view a, std::string_view b);

// The columns of `query`, from running it without rows (SELECT * FROM (<query>) src WHERE 1 = 0), so that
// a caller can check them and name its option before the first page. Errors as RunKeysetPage's SQL, with
// context `label`.
sdk::Result<std::vector<ColumnInfo>> QueryColumns(Connection& connection, std::string_view query,
                                                  std::string_view label);

// Handed each row of a page, the statement standing on it; an error stops the page with it.
using KeysetRowReader = std::function<sdk::Status(Statement& statement, const KeysetColumns& columns)>;

// Runs one page of `spec` from `cursor` (PlanKeysetRead, BuildKeysetSql with the DBMS's row limit, the
// statement cached on the connection) and hands at most max_rows rows to `read`, in keyset order.
// Answers whether no row follows the last one handed over (one row more is asked for to tell). The cursor
// is closed before it answers (SQLite holds a read lock while one is open). Errors: the SQL's — the source's
// query is the user's, so an error the driver calls internal (a syntax error, an unknown table) is
// InvalidArgument — each with context `label`; FindKeysetColumns's; `read`'s as it gave it; Cancelled
// when `cancelled` says so (asked every 256 rows). *warning as PlanKeysetRead's.
sdk::Result<bool> RunKeysetPage(Connection& connection, const IncrementalQuerySpec& spec,
                                const IncrementalCursor& cursor, std::size_t max_rows, std::string_view label,
                                std::string* warning, const CancelCheck& cancelled, const KeysetRowReader& read);

// A row read by ReadKeysetRow: its columns as fields, its keyset position, and why a value could not be
// read ("column 'x': why" for the first such column, which is left out of `fields`; "" when all were).
struct KeysetRow {
  std::vector<sdk::Field> fields;
  KeyPosition key;
  std::string failure;
};

// Reads the statement's current row: every column a field named as the driver reports it, typed by its SQL
// type (see Statement::GetValue); the timestamp column read as the source's text, so that the keyset keeps
// its full precision, and typed as a timestamp when it parses as one (else kept as text). DataError when a
// cursor column is NULL or cannot be read: the read cannot move past such a row.
sdk::Result<KeysetRow> ReadKeysetRow(Statement& statement, const KeysetColumns& columns);

// The text of an id value, as records carry it as their source id. Pure.
std::string IdText(const sdk::Value& value);

}  // namespace hub::odbc

#endif  // HUB_ODBC_KEYSET_PAGE_HPP_
