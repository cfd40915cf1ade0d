#include "odbc/odbc_options.hpp"

#include <utility>

#ifndef HUB_ODBC_CONNECTOR_VERSION
#error "HUB_ODBC_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::odbc_source {
namespace {

using sdk::OptionType;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The query without surrounding spaces and trailing semicolons: it is wrapped as a subquery.
std::string TrimQuery(std::string_view query) {
  while (!query.empty() && (IsSpace(query.front()))) query.remove_prefix(1);
  while (!query.empty() && (IsSpace(query.back()) || query.back() == ';')) query.remove_suffix(1);
  return std::string(query);
}

sdk::Result<std::string> ColumnOption(const sdk::Options& options, std::string_view name) {
  std::string value = options.GetString(name);
  if (!value.empty() && !IsPlainIdentifier(value)) {
    return sdk::Status::InvalidArgument("option '" + std::string(name) + "': '" + value +
                                        "' is not a plain column name (letters, digits, _); alias the column in "
                                        "the query, e.g. SELECT \"Last Change\" AS updated_at");
  }
  return value;
}

sdk::Status ParseCursorColumns(const sdk::Options& options, OdbcOptions* parsed) {
  sdk::Result<std::string> timestamp = ColumnOption(options, "timestamp_column");
  if (!timestamp.ok()) return timestamp.status();
  sdk::Result<std::string> id = ColumnOption(options, "id_column");
  if (!id.ok()) return id.status();
  parsed->timestamp_column = std::move(timestamp).value();
  parsed->id_column = std::move(id).value();
  if (!parsed->timestamp_column.empty() && parsed->id_column.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'timestamp_column' needs 'id_column' too: rows sharing a timestamp are told apart and paged by "
        "(timestamp, id)");
  }
  parsed->id_field = options.GetString("id_field", parsed->id_column);
  if (parsed->id_field.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'id_field' is required when 'id_column' is not set: it names the column holding each record's "
        "source id");
  }
  return sdk::Status::Ok();
}

}  // namespace

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

sdk::PluginDescription DescribeOdbcConnector() {
  sdk::PluginDescription description;
  description.name = "odbc";
  description.version = HUB_ODBC_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads the rows of a SELECT from any ODBC data source, incrementally by (timestamp, id) keyset with an "
      "overlap window for rows committed late, by increasing id, or whole on every run.";
  description.options = {
      {"connection", OptionType::kSecret, std::nullopt, true,
       "The source system's ODBC connection string (`Driver=...;Server=...;Uid=...;Pwd=${env:...}`). Never "
       "logged: errors show it with passwords masked."},
      {"query", OptionType::kString, std::nullopt, true,
       "The SELECT giving the records. With cursor columns write it without ORDER BY or a row limit: it is "
       "wrapped as `SELECT * FROM (<query>) src WHERE <keyset> ORDER BY <timestamp>, <id>` plus a row limit. "
       "Without them it runs as written (give it an ORDER BY)."},
      {"timestamp_column", OptionType::kString, std::nullopt, false,
       "A column of the query holding when the row last changed (TIMESTAMP, DATE, or ISO text such as "
       "`2024-05-01 08:30:00`). Needs `id_column`. Rows where it is NULL are not read."},
      {"id_column", OptionType::kString, std::nullopt, false,
       "A column of the query unique per row (integer or text) that breaks timestamp ties; alone, an increasing "
       "id read after the highest seen. Unset, with no `timestamp_column`: every run reads the whole result."},
      {"overlap", OptionType::kDuration, "5m", false,
       "With `timestamp_column`: each run starts this long before the newest timestamp read so far, so rows "
       "committed late with an older timestamp are still read. Longer than your longest write transaction."},
      {"entity", OptionType::kString, "party", false, "The entity type of the records."},
      {"id_field", OptionType::kString, std::nullopt, false,
       "The column giving each record's source id (a row where it is NULL or empty is rejected). Unset: "
       "`id_column`; required without it."},
  };
  description.record_id_option = "id_field";
  return description;
}

sdk::Result<OdbcOptions> ParseOdbcOptions(const sdk::Options& options) {
  OdbcOptions parsed;
  parsed.connection = options.GetString("connection");
  if (parsed.connection.empty()) {
    return sdk::Status::InvalidArgument("option 'connection' is required: the source's ODBC connection string");
  }
  parsed.query = TrimQuery(options.GetString("query"));
  if (parsed.query.empty()) return sdk::Status::InvalidArgument("option 'query' is required: the SELECT to read");
  HUB_RETURN_IF_ERROR(ParseCursorColumns(options, &parsed));
  sdk::Result<std::chrono::milliseconds> overlap = options.GetDuration("overlap", parsed.overlap);
  if (!overlap.ok()) return overlap.status().WithContext("option 'overlap'");
  parsed.overlap = *overlap;
  parsed.entity = options.GetString("entity", parsed.entity);
  if (parsed.entity.empty()) return sdk::Status::InvalidArgument("option 'entity' must not be empty");
  return parsed;
}

}  // namespace hub::odbc_source
