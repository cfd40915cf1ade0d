// The hub's ODBC client, for connectors that read (or write) databases: one header for all of it.
//
// What it is: RAII ODBC handles (handles.hpp), diagnostics as hub::sdk::Status with the SQLSTATE, the
// SQLite driver's errors given standard states (diagnostics.hpp), connection strings read and masked of
// secrets (connection_string.hpp), a Connection that detects its dialect and prepares the session
// (connection.hpp, dialect.hpp), prepared Statements with parameters bound from sdk::Value and typed getters
// (statement.hpp), scoped Transactions and Savepoints (transaction.hpp), and incremental queries: a SELECT
// read page by page on a (timestamp, id) or id keyset with an overlap window (incremental_query.hpp), its
// cursor (incremental_cursor.hpp), its options (incremental_options.hpp), one page run on a connection with
// its rows read into fields (keyset_page.hpp), names safe to write into SQL (sql_identifier.hpp) and date/time text
// shifted in its own form (timestamp_text.hpp), shared by the `odbc`, `finance` and `hr` connectors. It is the code the
// hub's own store runs on — the store adds only its connection pool with failover and its bulk writes (hub/store/odbc/)
// — and the shipped `odbc` connector is built on it exactly as an outside author's connector would be.
//
// Where it comes from: sdk/odbc/ in the hub's tree, installed with the SDK (scripts/install_sdk.sh) as the
// component `odbc` of the CMake package HubSDK:
//     find_package(HubSDK 0.1 REQUIRED COMPONENTS odbc)
//     target_link_libraries(my_plugin PRIVATE HubSDK::odbc)
// It is a static library (lib/libhub_odbc_client.a) built position-independent with hidden visibility, so
// it links into a plugin without adding to its exports; it depends on the SDK's Status/Value types, unixODBC
// (libodbc, found through pkg-config), Boost.JSON (the incremental cursor's text) and the C++20 standard
// library only — no logging or metrics library. Unlike the plugin ABI, its API is C++: build your plugin with a
// standard library compatible with the hub's build (libstdc++, C++20).
//
// Threads: a Connection and its Statements are used by one thread at a time; Environment is thread-safe.
#ifndef HUB_ODBC_ODBC_HPP_
#define HUB_ODBC_ODBC_HPP_

#include "hub/odbc/connection.hpp"
#include "hub/odbc/connection_string.hpp"
#include "hub/odbc/diagnostics.hpp"
#include "hub/odbc/dialect.hpp"
#include "hub/odbc/handles.hpp"
#include "hub/odbc/incremental_cursor.hpp"
#include "hub/odbc/incremental_options.hpp"
#include "hub/odbc/incremental_query.hpp"
#include "hub/odbc/keyset_page.hpp"
#include "hub/odbc/lazy_connection.hpp"
#include "hub/odbc/sql_identifier.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/odbc/timestamp_text.hpp"
#include "hub/odbc/transaction.hpp"

#endif  // HUB_ODBC_ODBC_HPP_
