#include "finance/stream_rows.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "hub/odbc/keyset_page.hpp"

namespace hub::finance {
namespace {

constexpr std::string_view kIdColumn = "id";
constexpr std::string_view kWriteDateColumn = "write_date";

odbc::IncrementalQuerySpec QuerySpec(const StreamSpec& stream, std::string_view timestamp_column,
                                     std::chrono::milliseconds overlap) {
  return odbc::IncrementalQuerySpec{stream.query, std::string(timestamp_column), std::string(kIdColumn), overlap};
}

std::string Label(const StreamSpec& stream) { return "reading stream '" + stream.name + "'"; }

sdk::Status CheckRoles(const std::vector<odbc::ColumnInfo>& columns, const StreamSpec& stream) {
  const auto has = [&columns](std::string_view name) {
    return std::any_of(columns.begin(), columns.end(),
                       [name](const odbc::ColumnInfo& column) { return odbc::SameColumnName(column.name, name); });
  };
  if (has(kIdColumn) && has(kWriteDateColumn)) return sdk::Status::Ok();
  std::string list;
  for (const odbc::ColumnInfo& column : columns) list.append(list.empty() ? "" : ", ").append(column.name);
  return sdk::Status::InvalidArgument("stream '" + stream.name + "': its query must give the columns id and " +
                                      "write_date (option " + stream.name + "_query; its columns: " + list + ")");
}

bool IsEmpty(const sdk::Value& value) {
  if (value.is_null()) return true;
  const bool text = value.type() == sdk::ValueType::kString || value.type() == sdk::ValueType::kDecimal ||
                    value.type() == sdk::ValueType::kDate;
  return text && value.text().find_first_not_of(" \t") == std::string::npos;
}

bool IsRequired(const StreamSpec& stream, std::string_view column) {
  return std::any_of(stream.required.begin(), stream.required.end(),
                     [column](const std::string& name) { return odbc::SameColumnName(column, name); });
}

// The stream's record of a row the SDK read: its entity, source id and position, and the rejection of a
// value that could not be read or a required column left empty.
sdk::Record StreamRecord(odbc::KeysetRow row, const StreamSpec& stream) {
  sdk::Record record;
  record.entity = stream.entity;
  record.source_id = odbc::IdText(row.key.id);
  std::string failure = std::move(row.failure);
  for (sdk::Field& field : row.fields) {
    if (failure.empty() && IsRequired(stream, field.name) && IsEmpty(field.value)) {
      failure = "column '" + field.name + "' is empty, and the " + stream.entity + " needs it";
    }
    record.fields.push_back(std::move(field));
  }
  record.position = stream.table + " id=" + record.source_id;
  if (!failure.empty()) record.rejection = record.position + ": " + failure;
  return record;
}

}  // namespace

sdk::Status CheckStreamColumns(odbc::Connection& connection, const StreamSpec& stream) {
  sdk::Result<std::vector<odbc::ColumnInfo>> columns = odbc::QueryColumns(connection, stream.query, Label(stream));
  if (!columns.ok()) return columns.status();
  return CheckRoles(*columns, stream);
}

sdk::Result<StreamPage> ReadStreamPage(odbc::Connection& connection, const StreamSpec& stream,
                                       std::chrono::milliseconds overlap, const odbc::IncrementalCursor& cursor,
                                       std::size_t max_rows, std::string* warning, const CancelCheck& cancelled) {
  StreamPage page;
  sdk::Result<bool> at_end = odbc::RunKeysetPage(
      connection, QuerySpec(stream, kWriteDateColumn, overlap), cursor, max_rows, Label(stream), warning, cancelled,
      [&](odbc::Statement& statement, const odbc::KeysetColumns& columns) -> sdk::Status {
        sdk::Result<odbc::KeysetRow> row = odbc::ReadKeysetRow(statement, columns);
        if (!row.ok()) return row.status().WithContext("stream '" + stream.name + "'");
        page.after.push_back(odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kPage, row->key, 0});
        page.records.push_back(StreamRecord(std::move(row).value(), stream));
        return sdk::Status::Ok();
      });
  if (!at_end.ok()) return at_end.status();
  page.at_end = *at_end;
  return page;
}

sdk::Result<IdPage> ReadStreamIds(odbc::Connection& connection, const StreamSpec& stream,
                                  const odbc::IncrementalCursor& after, std::size_t max_rows,
                                  const CancelCheck& cancelled) {
  IdPage page;
  std::string warning;  // only a timestamp watermark warns
  sdk::Result<bool> at_end = odbc::RunKeysetPage(
      connection, QuerySpec(stream, "", std::chrono::milliseconds(0)), after, max_rows, Label(stream), &warning,
      cancelled, [&](odbc::Statement& statement, const odbc::KeysetColumns& columns) -> sdk::Status {
        sdk::Result<sdk::Value> id = statement.GetValue(columns.id);
        if (!id.ok()) return id.status().WithContext("stream '" + stream.name + "'");
        if (id->is_null()) return sdk::Status::DataError("column id is NULL");
        page.after.push_back(
            odbc::IncrementalCursor{odbc::IncrementalCursor::Phase::kPage, odbc::KeyPosition{"", *id}, 0});
        page.ids.push_back(std::move(id).value());
        return sdk::Status::Ok();
      });
  if (!at_end.ok()) return at_end.status();
  page.at_end = *at_end;
  return page;
}

}  // namespace hub::finance
