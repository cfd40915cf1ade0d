// Inserting one row and learning its generated id, on every shipped dialect.
#ifndef HUB_SYNC_INSERT_ID_HPP_
#define HUB_SYNC_INSERT_ID_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/connection.hpp"

namespace hub::sync {

// Runs the one-row INSERT `sql` (no RETURNING clause) with `params` through `connection`'s statement cache
// and returns the new row's id (RETURNING on PostgreSQL, last_insert_rowid() elsewhere). Threads: as the
// connection. Errors: the driver's Status.
sdk::Result<std::int64_t> InsertReturningId(odbc::Connection& connection, std::string_view sql,
                                            const std::vector<sdk::Value>& params);

}  // namespace hub::sync

#endif  // HUB_SYNC_INSERT_ID_HPP_
