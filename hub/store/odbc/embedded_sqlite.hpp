// Process-wide settings of the SQLite library that the SQLite ODBC driver runs inside this process (the
// embedded store, and connectors reading SQLite files).
#ifndef HUB_STORE_ODBC_EMBEDDED_SQLITE_HPP_
#define HUB_STORE_ODBC_EMBEDDED_SQLITE_HPP_

namespace hub::odbc {

// Turns off SQLite's memory statistics (SQLITE_CONFIG_MEMSTATUS): with them on, every allocation SQLite makes
// takes one process-wide mutex, so that threads reading through their own connections queue on it (the
// screen pop spent 40 % of its CPU time there, docs/BENCHMARKS.md). Nothing in the hub reads those
// statistics. Must run before the first SQLite connection of the process (sqlite3_config's rule): call it
// first thing in main. Returns false when SQLite was already initialized and the setting could not be
// changed. Not thread-safe: for a single-threaded start.
bool ConfigureEmbeddedSqlite();

}  // namespace hub::odbc

#endif  // HUB_STORE_ODBC_EMBEDDED_SQLITE_HPP_
