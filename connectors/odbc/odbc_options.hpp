// The odbc connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_
#define HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_

#include <string>

#include "hub/odbc/incremental_query.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc_source {

// How the connector moves through the source, chosen by which cursor columns are set.
using ReadMode = odbc::ReadMode;

// Validated options of one odbc connector instance: the incremental query (the user's SELECT with trailing
// semicolons and spaces removed, its cursor columns and overlap) and the rest. A plain value.
struct OdbcOptions : odbc::IncrementalQuerySpec {
  std::string connection;  // the source's ODBC connection string (a secret: never print it)
  std::string entity = "party";
  std::string id_field;  // the column giving source ids; id_column when the option is unset
};

// The plugin's self-description: name "odbc", kind "connector", every option with type, default,
// whether it is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeOdbcConnector();

// Parses the values the host validated against DescribeOdbcConnector() (absent options take their
// defaults). InvalidArgument naming the option for what the schema cannot express: an empty connection or
// query, a cursor column that is not a plain identifier, timestamp_column without id_column, no id_field
// and no id_column, a bad overlap.
sdk::Result<OdbcOptions> ParseOdbcOptions(const sdk::Options& options);

}  // namespace hub::odbc_source

#endif  // HUB_CONNECTORS_ODBC_ODBC_OPTIONS_HPP_
