#include "hub/odbc/incremental_options.hpp"

#include "hub/odbc/sql_identifier.hpp"

#include <string>
#include <utility>

namespace hub::odbc {
namespace {

sdk::Result<std::string> ColumnOption(const sdk::Options& options, std::string_view name, std::string fallback) {
  std::string value = options.GetString(name, fallback);
  if (!value.empty() && !IsPlainIdentifier(value)) {
    return sdk::Status::InvalidArgument("option '" + std::string(name) + "': '" + value +
                                        "' is not a plain column name (letters, digits, _); alias the column in "
                                        "the query, e.g. SELECT \"Last Change\" AS updated_at");
  }
  return value;
}

}  // namespace

sdk::Status ParseCursorOptions(const sdk::Options& options, IncrementalQuerySpec* spec) {
  sdk::Result<std::string> timestamp = ColumnOption(options, "timestamp_column", spec->timestamp_column);
  if (!timestamp.ok()) return timestamp.status();
  sdk::Result<std::string> id = ColumnOption(options, "id_column", spec->id_column);
  if (!id.ok()) return id.status();
  spec->timestamp_column = std::move(timestamp).value();
  spec->id_column = std::move(id).value();
  if (!spec->timestamp_column.empty() && spec->id_column.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'timestamp_column' needs 'id_column' too: rows sharing a timestamp are told apart and paged by "
        "(timestamp, id)");
  }
  sdk::Result<std::chrono::milliseconds> overlap = options.GetDuration("overlap", spec->overlap);
  if (!overlap.ok()) return overlap.status().WithContext("option 'overlap'");
  spec->overlap = *overlap;
  return sdk::Status::Ok();
}

}  // namespace hub::odbc
