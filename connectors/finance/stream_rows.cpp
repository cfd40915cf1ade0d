#include "finance/stream_rows.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "hub/odbc/incremental_query.hpp"
#include "hub/odbc/timestamp_text.hpp"

namespace hub::finance {
namespace {

constexpr std::string_view kIdColumn = "id";
constexpr std::string_view kWriteDateColumn = "write_date";
// How many rows go by between two looks at the cancellation flag.
constexpr std::size_t kCancelCheckRows = 256;

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// The columns a stream's rows are read by, found once per executed statement.
struct Roles {
  std::size_t id = 0;
  std::size_t write_date = 0;
  std::vector<bool> required;  // per column
};

sdk::Result<Roles> FindRoles(const std::vector<odbc::ColumnInfo>& columns, const StreamSpec& stream) {
  Roles roles;
  std::optional<std::size_t> id;
  std::optional<std::size_t> write_date;
  roles.required.assign(columns.size(), false);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (SameName(columns[i].name, kIdColumn)) id = i;
    if (SameName(columns[i].name, kWriteDateColumn)) write_date = i;
    roles.required[i] = std::any_of(stream.required.begin(), stream.required.end(),
                                    [&](const std::string& name) { return SameName(columns[i].name, name); });
  }
  if (!id || !write_date) {
    std::string list;
    for (const odbc::ColumnInfo& column : columns) list.append(list.empty() ? "" : ", ").append(column.name);
    return sdk::Status::InvalidArgument("stream '" + stream.name + "': its query must give the columns id and " +
                                        "write_date (option " + stream.name + "_query; its columns: " + list + ")");
  }
  roles.id = *id;
  roles.write_date = *write_date;
  return roles;
}

bool IsEmpty(const sdk::Value& value) {
  if (value.is_null()) return true;
  const bool text = value.type() == sdk::ValueType::kString || value.type() == sdk::ValueType::kDecimal ||
                    value.type() == sdk::ValueType::kDate;
  return text && value.text().find_first_not_of(" \t") == std::string::npos;
}

// The SQL errors of the stream's query are the user's or the profile's, not the hub's.
sdk::Status ReadError(const sdk::Status& status, const StreamSpec& stream) {
  const sdk::StatusCode code =
      status.code() == sdk::StatusCode::kInternal ? sdk::StatusCode::kInvalidArgument : status.code();
  return sdk::Status(code, status.message()).WithContext("reading stream '" + stream.name + "'");
}

// Reads the statement's current row into a record and its keyset position.
sdk::Result<sdk::Record> ReadRow(odbc::Statement& statement, const Roles& roles, const StreamSpec& stream,
                                 odbc::KeyPosition* key) {
  sdk::Record record;
  record.entity = stream.entity;
  std::string failure;
  for (std::size_t column = 0; column < statement.columns().size(); ++column) {
    const std::string& name = statement.columns()[column].name;
    sdk::Value value;
    if (column == roles.write_date) {
      sdk::Result<std::optional<std::string>> text = statement.GetString(column);
      if (!text.ok()) return text.status();
      if (!text->has_value()) return sdk::Status::DataError("column write_date is NULL");
      key->timestamp = **text;
      std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(key->timestamp);
      value = parsed ? sdk::Value::Timestamp(odbc::UnixMs(*parsed)) : sdk::Value::String(key->timestamp);
    } else {
      sdk::Result<sdk::Value> read = statement.GetValue(column);
      if (!read.ok() && column == roles.id) return read.status();
      if (!read.ok()) {
        if (failure.empty()) failure = "column '" + name + "': " + read.status().message();
        continue;
      }
      value = std::move(read).value();
    }
    if (column == roles.id) {
      if (value.is_null()) return sdk::Status::DataError("column id is NULL");
      key->id = value;
      record.source_id = IdText(value);
    }
    if (roles.required[column] && IsEmpty(value) && failure.empty()) {
      failure = "column '" + name + "' is empty, and the " + stream.entity + " needs it";
    }
    record.Set(name, std::move(value));
  }
  record.position = stream.table + " id=" + record.source_id;
  if (!failure.empty()) record.rejection = record.position + ": " + failure;
  return record;
}

// Runs one keyset page of `spec` and hands each row to `read` (false: stop before it, the page is full).
// Answers whether the result ended.
template <typename ReadRowFn>
sdk::Result<bool> RunPage(odbc::Connection& connection, const StreamSpec& stream,
                          const odbc::IncrementalQuerySpec& spec, const odbc::IncrementalCursor& cursor,
                          std::size_t max_rows, std::string* warning, const CancelCheck& cancelled, ReadRowFn read) {
  const odbc::KeysetRead plan = odbc::PlanKeysetRead(spec, cursor, warning);
  // One row more than asked tells whether the stream goes on without another round trip.
  const odbc::SqlText sql =
      odbc::BuildKeysetSql(spec, plan, odbc::RowLimitClause(connection.dbms_name(), max_rows + 1));
  sdk::Result<odbc::Statement*> statement = connection.PrepareCached(sql.sql);
  if (!statement.ok()) return ReadError(statement.status(), stream);
  sdk::Result<std::int64_t> executed = (*statement)->Execute(sql.params);
  if (!executed.ok()) return ReadError(executed.status(), stream);
  sdk::Result<Roles> roles = FindRoles((*statement)->columns(), stream);
  if (!roles.ok()) return roles.status();
  bool at_end = true;
  for (std::size_t rows = 0;; ++rows) {
    if (rows % kCancelCheckRows == 0 && cancelled && cancelled()) {
      return sdk::Status::Cancelled("stopped while reading stream '" + stream.name + "'");
    }
    sdk::Result<bool> next = (*statement)->Next();
    if (!next.ok()) return ReadError(next.status(), stream);
    if (!*next) break;
    if (rows == max_rows) {
      at_end = false;
      break;
    }
    HUB_RETURN_IF_ERROR(read(**statement, *roles));
  }
  // Closed at once: SQLite holds a read lock while a cursor is open.
  HUB_RETURN_IF_ERROR((*statement)->CloseCursor());
  return at_end;
}

}  // namespace

std::string IdText(const sdk::Value& value) {
  return value.type() == sdk::ValueType::kInt64 ? std::to_string(value.integer()) : value.text();
}

sdk::Status CheckStreamColumns(odbc::Connection& connection, const StreamSpec& stream) {
  sdk::Result<odbc::Statement> statement = connection.Prepare("SELECT * FROM (" + stream.query + ") src WHERE 1 = 0");
  if (!statement.ok()) return ReadError(statement.status(), stream);
  sdk::Result<std::int64_t> executed = statement->Execute();
  if (!executed.ok()) return ReadError(executed.status(), stream);
  sdk::Result<Roles> roles = FindRoles(statement->columns(), stream);
  if (!roles.ok()) return roles.status();
  return statement->CloseCursor();
}

sdk::Result<StreamPage> ReadStreamPage(odbc::Connection& connection, const StreamSpec& stream,
                                       std::chrono::milliseconds overlap, const odbc::IncrementalCursor& cursor,
                                       std::size_t max_rows, std::string* warning, const CancelCheck& cancelled) {
  const odbc::IncrementalQuerySpec spec{stream.query, std::string(kWriteDateColumn), std::string(kIdColumn), overlap};
  StreamPage page;
  sdk::Result<bool> at_end =
      RunPage(connection, stream, spec, cursor, max_rows, warning, cancelled,
              [&](odbc::Statement& statement, const Roles& roles) -> sdk::Status {
                odbc::KeyPosition key;
                sdk::Result<sdk::Record> record = ReadRow(statement, roles, stream, &key);
                if (!record.ok()) return record.status().WithContext("stream '" + stream.name + "'");
                page.records.push_back(std::move(record).value());
                page.after.push_back(odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kPage, std::move(key), 0});
                return sdk::Status::Ok();
              });
  if (!at_end.ok()) return at_end.status();
  page.at_end = *at_end;
  return page;
}

sdk::Result<IdPage> ReadStreamIds(odbc::Connection& connection, const StreamSpec& stream,
                                  const odbc::IncrementalCursor& after, std::size_t max_rows,
                                  const CancelCheck& cancelled) {
  const odbc::IncrementalQuerySpec spec{stream.query, "", std::string(kIdColumn), std::chrono::milliseconds(0)};
  IdPage page;
  std::string warning;  // only a timestamp watermark warns
  sdk::Result<bool> at_end = RunPage(connection, stream, spec, after, max_rows, &warning, cancelled,
                                     [&](odbc::Statement& statement, const Roles& roles) -> sdk::Status {
                                       sdk::Result<sdk::Value> id = statement.GetValue(roles.id);
                                       if (!id.ok()) return id.status().WithContext("stream '" + stream.name + "'");
                                       if (id->is_null()) return sdk::Status::DataError("column id is NULL");
                                       page.after.push_back(odbc::IncrementalCursor{
                                           odbc::IncrementalCursor::Phase::kPage, odbc::KeyPosition{"", *id}, 0});
                                       page.ids.push_back(std::move(id).value());
                                       return sdk::Status::Ok();
                                     });
  if (!at_end.ok()) return at_end.status();
  page.at_end = *at_end;
  return page;
}

}  // namespace hub::finance
