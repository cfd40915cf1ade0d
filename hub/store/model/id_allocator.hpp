// Ids reserved ahead of multi-row inserts that give the id column explicitly.
#ifndef HUB_STORE_MODEL_ID_ALLOCATOR_HPP_
#define HUB_STORE_MODEL_ID_ALLOCATOR_HPP_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// Reserves `count` unused ids of `table` (a plain identifier from code, whose `id` is the schema's
// {{id}} column) for the caller to insert explicitly, inside the caller's open transaction.
//
// PostgreSQL: `count` values drawn from the column's identity sequence (nextval), so several hubs
// writing at once never collide and later default ids continue past them.
// SQLite: max(id) and the AUTOINCREMENT high-water mark (sqlite_sequence), plus 1.. `count`, i.e. the
// ids the per-record path would have taken (never a deleted row's id). This is only safe while the
// transaction holds SQLite's write lock — it has already written — so that no other connection can
// insert before the caller does; explicit ids move sqlite_sequence on insert.
// Other engines: Unimplemented (the caller uses its per-record path).
//
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::int64_t>> AllocateIds(odbc::Connection& connection, std::string_view table,
                                                   std::size_t count);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ID_ALLOCATOR_HPP_
