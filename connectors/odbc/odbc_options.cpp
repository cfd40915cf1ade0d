#include "odbc/odbc_options.hpp"

#include <utility>

#include "hub/odbc/incremental_options.hpp"

#ifndef HUB_ODBC_CONNECTOR_VERSION
#error "HUB_ODBC_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::odbc_source {
namespace {

using sdk::OptionType;

sdk::Status ParseCursorColumns(const sdk::Options& options, OdbcOptions* parsed) {
  HUB_RETURN_IF_ERROR(odbc::ParseCursorOptions(options, parsed));
  parsed->id_field = options.GetString("id_field", parsed->id_column);
  if (parsed->id_field.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'id_field' is required when 'id_column' is not set: it names the column holding each record's "
        "source id");
  }
  return sdk::Status::Ok();
}

}  // namespace

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
  parsed.query = odbc::TrimmedQuery(options.GetString("query"));
  if (parsed.query.empty()) return sdk::Status::InvalidArgument("option 'query' is required: the SELECT to read");
  HUB_RETURN_IF_ERROR(ParseCursorColumns(options, &parsed));
  parsed.entity = options.GetString("entity", parsed.entity);
  if (parsed.entity.empty()) return sdk::Status::InvalidArgument("option 'entity' must not be empty");
  return parsed;
}

}  // namespace hub::odbc_source
