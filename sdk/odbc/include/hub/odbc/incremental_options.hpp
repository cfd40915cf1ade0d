// The options a connector reading an incremental query declares for its cursor — timestamp_column,
// id_column, overlap — parsed into the query's spec. Shared by the odbc and hr connectors.
#ifndef HUB_ODBC_INCREMENTAL_OPTIONS_HPP_
#define HUB_ODBC_INCREMENTAL_OPTIONS_HPP_

#include "hub/odbc/incremental_query.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// Reads the options timestamp_column and id_column (plain column names, see IsPlainIdentifier) and overlap
// (a duration) into `spec`; an absent option leaves spec's value. InvalidArgument naming the option for a
// column name that is not plain, timestamp_column without id_column, or an overlap that is not a duration.
// Pure; thread-safe.
sdk::Status ParseCursorOptions(const sdk::Options& options, IncrementalQuerySpec* spec);

}  // namespace hub::odbc

#endif  // HUB_ODBC_INCREMENTAL_OPTIONS_HPP_
