#include "store/odbc/embedded_sqlite.hpp"

#include <sqlite3.h>

namespace hub::odbc {

bool ConfigureEmbeddedSqlite() { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }

}  // namespace hub::odbc
