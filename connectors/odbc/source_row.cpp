#include "odbc/source_row.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>

#include "hub/odbc/timestamp_text.hpp"

namespace hub::odbc_source {
namespace {

constexpr std::size_t kLabelBytes = 60;

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

const char* TypeName(sdk::ValueType type) {
  switch (type) {
    case sdk::ValueType::kInt64:
      return "an integer";
    case sdk::ValueType::kDouble:
      return "a floating-point number";
    case sdk::ValueType::kBool:
      return "a boolean";
    case sdk::ValueType::kDecimal:
      return "a decimal";
    case sdk::ValueType::kDate:
      return "a date";
    case sdk::ValueType::kTimestamp:
      return "a timestamp";
    default:
      return "text";
  }
}

// The index of the column the option names; InvalidArgument listing the query's columns when absent.
sdk::Result<std::size_t> FindColumn(const std::vector<odbc::ColumnInfo>& columns, std::string_view option,
                                    std::string_view name) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (SameName(columns[i].name, name)) return i;
  }
  std::string list;
  for (const odbc::ColumnInfo& column : columns) list.append(list.empty() ? "" : ", ").append(column.name);
  return sdk::Status::InvalidArgument("option '" + std::string(option) + "': '" + std::string(name) +
                                      "' is not a column of the query (its columns: " + list + ")");
}

sdk::Status CheckType(const odbc::ColumnInfo& column, std::string_view option, std::initializer_list<sdk::ValueType> ok,
                      std::string_view wanted) {
  if (std::find(ok.begin(), ok.end(), column.type) != ok.end()) return sdk::Status::Ok();
  return sdk::Status::InvalidArgument("option '" + std::string(option) + "': column '" + column.name + "' holds " +
                                      TypeName(column.type) + "; it must hold " + std::string(wanted));
}

// The text of a source id value; empty for NULL.
std::string IdText(const sdk::Value& value) {
  switch (value.type()) {
    case sdk::ValueType::kNull:
      return "";
    case sdk::ValueType::kInt64:
    case sdk::ValueType::kTimestamp:
      return std::to_string(value.integer());
    case sdk::ValueType::kBool:
      return value.boolean() ? "true" : "false";
    case sdk::ValueType::kDouble: {
      char buffer[32];
      const int length = std::snprintf(buffer, sizeof buffer, "%.17g", value.real());
      return std::string(buffer, static_cast<std::size_t>(length));
    }
    default:
      return value.text();
  }
}

// The timestamp column's field, typed by its SQL type from the source's text; nullopt when a TIMESTAMP
// column's text is not a date/time.
std::optional<sdk::Value> TimestampField(const std::string& text, sdk::ValueType type) {
  if (type == sdk::ValueType::kDate) return sdk::Value::Date(text);
  if (type != sdk::ValueType::kTimestamp) return sdk::Value::String(text);
  std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(text);
  if (!parsed) return std::nullopt;
  return sdk::Value::Timestamp(odbc::UnixMs(*parsed));
}

// Reads the timestamp column's text into the key and the record; a DataError when it is missing.
sdk::Status ReadTimestamp(odbc::Statement& statement, std::size_t column, SourceRow* row, std::string* failure) {
  const odbc::ColumnInfo& info = statement.columns()[column];
  sdk::Result<std::optional<std::string>> text = statement.GetString(column);
  if (!text.ok()) return text.status();
  if (!text->has_value()) return sdk::Status::DataError("timestamp_column '" + info.name + "' is NULL");
  std::optional<sdk::Value> value = TimestampField(**text, info.type);
  if (!value && failure->empty()) *failure = "column '" + info.name + "': '" + **text + "' is not a date/time";
  row->record.Set(info.name, value ? std::move(*value) : sdk::Value::String(**text));
  row->key->timestamp = std::move(**text);
  return sdk::Status::Ok();
}

std::string Position(const RowNaming& naming, const std::string& id, std::uint64_t row_number) {
  std::string position = "query \"" + std::string(naming.query_label) + "\" ";
  return position + (id.empty() ? "row " + std::to_string(row_number) : "id=" + id);
}

}  // namespace

sdk::Result<ColumnRoles> FindColumnRoles(const std::vector<odbc::ColumnInfo>& columns, const OdbcOptions& options) {
  using sdk::ValueType;
  ColumnRoles roles;
  if (options.mode() == ReadMode::kTimestampId) {
    sdk::Result<std::size_t> timestamp = FindColumn(columns, "timestamp_column", options.timestamp_column);
    if (!timestamp.ok()) return timestamp.status();
    HUB_RETURN_IF_ERROR(CheckType(columns[*timestamp], "timestamp_column",
                                  {ValueType::kTimestamp, ValueType::kDate, ValueType::kString},
                                  "a timestamp, a date or ISO date/time text"));
    roles.timestamp = *timestamp;
  }
  if (options.mode() != ReadMode::kFull) {
    sdk::Result<std::size_t> id = FindColumn(columns, "id_column", options.id_column);
    if (!id.ok()) return id.status();
    HUB_RETURN_IF_ERROR(CheckType(columns[*id], "id_column",
                                  {ValueType::kInt64, ValueType::kDecimal, ValueType::kString},
                                  "an integer, a decimal or text"));
    roles.id = *id;
  }
  sdk::Result<std::size_t> id_field = FindColumn(columns, "id_field", options.id_field);
  if (!id_field.ok()) return id_field.status();
  roles.id_field = *id_field;
  return roles;
}

sdk::Result<SourceRow> ReadSourceRow(odbc::Statement& statement, const ColumnRoles& roles, const RowNaming& naming,
                                     std::uint64_t row_number) {
  SourceRow row;
  row.record.entity = std::string(naming.entity);
  if (roles.id) row.key.emplace();
  std::string failure;
  sdk::Value id_field;
  for (std::size_t column = 0; column < statement.columns().size(); ++column) {
    if (column == roles.timestamp) {
      HUB_RETURN_IF_ERROR(ReadTimestamp(statement, column, &row, &failure));
      if (column == roles.id_field) id_field = row.record.fields.back().value;
      continue;
    }
    const std::string& name = statement.columns()[column].name;
    sdk::Result<sdk::Value> value = statement.GetValue(column);
    if (!value.ok() && column == roles.id) return value.status();
    if (!value.ok()) {
      if (failure.empty()) failure = "column '" + name + "': " + value.status().message();
      continue;
    }
    if (column == roles.id && value->is_null()) return sdk::Status::DataError("id_column '" + name + "' is NULL");
    if (column == roles.id) row.key->id = *value;
    if (column == roles.id_field) id_field = *value;
    row.record.Set(name, std::move(value).value());
  }
  row.record.source_id = IdText(id_field);
  if (row.record.source_id.empty() && failure.empty()) {
    failure = "id_field '" + statement.columns()[roles.id_field].name + "' is empty";
  }
  // Without a source id the row is still named by its keyset id, or else by its number in the run.
  const std::string name_id = row.record.source_id.empty() && row.key ? IdText(row.key->id) : row.record.source_id;
  row.record.position = Position(naming, name_id, row_number);
  if (!failure.empty()) row.record.rejection = row.record.position + ": " + failure;
  return row;
}

std::string QueryLabel(std::string_view query) {
  std::string label;
  bool space = false;
  for (char c : query) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (is_space) {
      space = !label.empty();
      continue;
    }
    if (space) label.push_back(' ');
    space = false;
    label.push_back(c);
  }
  if (label.size() <= kLabelBytes) return label;
  std::size_t cut = kLabelBytes;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return label.substr(0, cut) + "...";
}

}  // namespace hub::odbc_source
