// The odbc connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_
#define HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_

#include <chrono>
#include <string>

#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc_source {

// How the connector moves through the source, chosen by which cursor columns are set.
enum class ReadMode {
  kFull,         // no cursor column: every run reads the whole result
  kId,           // id_column only: rows after the highest id read
  kTimestampId,  // timestamp_column and id_column: the (timestamp, id) keyset, with the overlap window
};

// Validated options of one odbc connector instance. A plain value.
struct OdbcOptions {
  std::string connection;        // the source's ODBC connection string (a secret: never print it)
  std::string query;             // the user's SELECT, trailing semicolons and spaces removed
  std::string timestamp_column;  // empty: none
  std::string id_column;         // empty: none
  std::chrono::milliseconds overlap{std::chrono::minutes(5)};
  std::string entity = "party";
  std::string id_field;  // the column giving source ids; id_column when the option is unset

  ReadMode mode() const {
    if (id_column.empty()) return ReadMode::kFull;
    return timestamp_column.empty() ? ReadMode::kId : ReadMode::kTimestampId;
  }
};

// The plugin's self-description: name "odbc", kind "connector", every option with type, default,
// whether it is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeOdbcConnector();

// Parses the values the host validated against DescribeOdbcConnector() (absent options take their
// defaults). InvalidArgument naming the option for what the schema cannot express: an empty connection or
// query, a cursor column that is not a plain identifier, timestamp_column without id_column, no id_field
// and no id_column, a bad overlap.
sdk::Result<OdbcOptions> ParseOdbcOptions(const sdk::Options& options);

// True for a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*): safe to write into SQL unquoted.
bool IsPlainIdentifier(std::string_view name);

}  // namespace hub::odbc_source

#endif  // HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_
