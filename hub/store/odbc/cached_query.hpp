// Queries run again and again with other parameters (the API's look-ups): prepared once per connection.
#ifndef HUB_STORE_ODBC_CACHED_QUERY_HPP_
#define HUB_STORE_ODBC_CACHED_QUERY_HPP_

#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::odbc {

// Connection::Query through Connection::PrepareCached: `sql` is prepared on its first use on `connection`
// and kept there, so that a later call only binds and executes; the rows are read and the cursor closed (no
// read lock is left behind on SQLite). For a fixed set of SQL texts: every distinct text stays prepared
// while the connection lives. Threads: as the connection. Errors: the driver's Status.
sdk::Result<RowSet> QueryCached(Connection& connection, std::string_view sql, const std::vector<sdk::Value>& params);

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_CACHED_QUERY_HPP_
