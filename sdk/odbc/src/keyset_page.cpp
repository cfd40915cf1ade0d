#include "hub/odbc/keyset_page.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "hub/odbc/timestamp_text.hpp"

namespace hub::odbc {
namespace {

// How many rows go by between two looks at the cancellation flag.
constexpr std::size_t kCancelCheckRows = 256;

// A failed statement of the source's query: the SQL is the user's, not the hub's.
sdk::Status QueryError(const sdk::Status& status, std::string_view label) {
  const sdk::StatusCode code =
      status.code() == sdk::StatusCode::kInternal ? sdk::StatusCode::kInvalidArgument : status.code();
  return sdk::Status(code, status.message()).WithContext(std::string(label));
}

std::optional<std::size_t> FindColumn(const std::vector<ColumnInfo>& columns, std::string_view name) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (SameColumnName(columns[i].name, name)) return i;
  }
  return std::nullopt;
}

sdk::Status MissingColumn(const std::vector<ColumnInfo>& columns, std::string_view name) {
  std::string list;
  for (const ColumnInfo& column : columns) list.append(list.empty() ? "" : ", ").append(column.name);
  return sdk::Status::InvalidArgument("the query gives no column '" + std::string(name) + "' (its columns: " + list +
                                      ")");
}

// Hands the executed statement's rows to `read`, at most max_rows; *at_end false when another row follows.
sdk::Status ReadRows(Statement& statement, const IncrementalQuerySpec& spec, std::size_t max_rows,
                     std::string_view label, const CancelCheck& cancelled, const KeysetRowReader& read, bool* at_end) {
  sdk::Result<KeysetColumns> columns = FindKeysetColumns(statement.columns(), spec);
  if (!columns.ok()) return columns.status();
  for (std::size_t rows = 0;; ++rows) {
    if (rows % kCancelCheckRows == 0 && cancelled && cancelled()) {
      return sdk::Status::Cancelled("stopped while " + std::string(label));
    }
    sdk::Result<bool> next = statement.Next();
    if (!next.ok()) return QueryError(next.status(), label);
    if (!*next) return sdk::Status::Ok();
    if (rows == max_rows) {
      *at_end = false;
      return sdk::Status::Ok();
    }
    HUB_RETURN_IF_ERROR(read(statement, *columns));
  }
}

}  // namespace

bool SameColumnName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

sdk::Result<KeysetColumns> FindKeysetColumns(const std::vector<ColumnInfo>& columns, const IncrementalQuerySpec& spec) {
  KeysetColumns found;
  const std::optional<std::size_t> id = FindColumn(columns, spec.id_column);
  if (!id) return MissingColumn(columns, spec.id_column);
  found.id = *id;
  if (spec.mode() == ReadMode::kTimestampId) {
    found.timestamp = FindColumn(columns, spec.timestamp_column);
    if (!found.timestamp) return MissingColumn(columns, spec.timestamp_column);
  }
  return found;
}

sdk::Result<std::vector<ColumnInfo>> QueryColumns(Connection& connection, std::string_view query,
                                                  std::string_view label) {
  sdk::Result<Statement> statement = connection.Prepare("SELECT * FROM (" + std::string(query) + ") src WHERE 1 = 0");
  if (!statement.ok()) return QueryError(statement.status(), label);
  sdk::Result<std::int64_t> executed = statement->Execute();
  if (!executed.ok()) return QueryError(executed.status(), label);
  std::vector<ColumnInfo> columns = statement->columns();
  HUB_RETURN_IF_ERROR(statement->CloseCursor());
  return columns;
}

sdk::Result<bool> RunKeysetPage(Connection& connection, const IncrementalQuerySpec& spec,
                                const IncrementalCursor& cursor, std::size_t max_rows, std::string_view label,
                                std::string* warning, const CancelCheck& cancelled, const KeysetRowReader& read) {
  const KeysetRead plan = PlanKeysetRead(spec, cursor, warning);
  const SqlText sql = BuildKeysetSql(spec, plan, RowLimitClause(connection.dbms_name(), max_rows + 1));
  sdk::Result<Statement*> statement = connection.PrepareCached(sql.sql);
  if (!statement.ok()) return QueryError(statement.status(), label);
  sdk::Result<std::int64_t> executed = (*statement)->Execute(sql.params);
  if (!executed.ok()) return QueryError(executed.status(), label);
  bool at_end = true;
  sdk::Status outcome = ReadRows(**statement, spec, max_rows, label, cancelled, read, &at_end);
  // Closed at once, whatever happened: SQLite holds a read lock while a cursor is open.
  sdk::Status closed = (*statement)->CloseCursor();
  if (!outcome.ok()) return outcome;
  if (!closed.ok()) return closed;
  return at_end;
}

sdk::Result<KeysetRow> ReadKeysetRow(Statement& statement, const KeysetColumns& columns) {
  KeysetRow row;
  for (std::size_t column = 0; column < statement.columns().size(); ++column) {
    const std::string& name = statement.columns()[column].name;
    sdk::Value value;
    if (column == columns.timestamp) {
      sdk::Result<std::optional<std::string>> text = statement.GetString(column);
      if (!text.ok()) return text.status().WithContext("column '" + name + "'");
      if (!text->has_value()) return sdk::Status::DataError("column '" + name + "' is NULL");
      row.key.timestamp = **text;
      std::optional<TimestampText> parsed = ParseTimestampText(row.key.timestamp);
      value = parsed ? sdk::Value::Timestamp(UnixMs(*parsed)) : sdk::Value::String(row.key.timestamp);
    } else {
      sdk::Result<sdk::Value> read = statement.GetValue(column);
      if (!read.ok() && column == columns.id) return read.status().WithContext("column '" + name + "'");
      if (!read.ok()) {
        if (row.failure.empty()) row.failure = "column '" + name + "': " + read.status().message();
        continue;
      }
      value = std::move(read).value();
      if (column == columns.id) {
        if (value.is_null()) return sdk::Status::DataError("column '" + name + "' is NULL");
        row.key.id = value;
      }
    }
    row.fields.push_back(sdk::Field{name, std::move(value)});
  }
  return row;
}

std::string IdText(const sdk::Value& value) {
  return value.type() == sdk::ValueType::kInt64 ? std::to_string(value.integer()) : value.text();
}

}  // namespace hub::odbc
