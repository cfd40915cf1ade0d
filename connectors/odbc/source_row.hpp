// One row of the source's result as a hub record, with its keyset values.
#ifndef HUB_CONNECTORS_ODBC_SOURCE_ROW_HPP_
#define HUB_CONNECTORS_ODBC_SOURCE_ROW_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "odbc/odbc_options.hpp"

namespace hub::odbc_source {

// Which result columns play which part, found once per executed statement. A plain value.
struct ColumnRoles {
  std::optional<std::size_t> timestamp;  // timestamp_column's index, in mode kTimestampId
  std::optional<std::size_t> id;         // id_column's index, in modes kId and kTimestampId
  std::size_t id_field = 0;              // id_field's index
};

// Finds the option columns among `columns` (ASCII case-insensitively, as drivers differ in case).
// InvalidArgument naming the option and listing the query's columns when one is missing, or when the
// timestamp column is not a date/time or text column, or the id column not an integer, decimal or text one.
sdk::Result<ColumnRoles> FindColumnRoles(const std::vector<odbc::ColumnInfo>& columns, const OdbcOptions& options);

// What one row gives: the record and, in the keyset modes, its (timestamp, id).
struct SourceRow {
  sdk::Record record;
  std::optional<odbc::KeyPosition> key;
};

// How rows are named in positions and rejections.
struct RowNaming {
  std::string_view entity;
  std::string_view query_label;  // see QueryLabel
};

// Reads the statement's current row. Every column becomes a field named as the driver reports it, typed
// by its SQL type (see odbc::Statement); the timestamp column is read as the source's text, so that the
// keyset keeps its full precision, and typed from it. A value that cannot be converted, or an empty
// id_field, gives a record with `rejection` set ("<position>: column 'x': why"), not an error.
// `row_number` (1-based within the run) names the row when it has no source id. Errors: DataError when a
// keyset column cannot be read or is NULL (the read cannot move past such a row); Cancelled never.
sdk::Result<SourceRow> ReadSourceRow(odbc::Statement& statement, const ColumnRoles& roles, const RowNaming& naming,
                                     std::uint64_t row_number);

// The query collapsed to one line of spaces and cut to about 60 bytes (on a character boundary) with
// "...": how positions name the query.
std::string QueryLabel(std::string_view query);

}  // namespace hub::odbc_source

#endif  // HUB_CONNECTORS_ODBC_SOURCE_ROW_HPP_
