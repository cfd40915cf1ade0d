#include "sync/insert_id.hpp"

#include <string>

#include "store/odbc/statement.hpp"

namespace hub::sync {

sdk::Result<std::int64_t> InsertReturningId(odbc::Connection& connection, std::string_view sql,
                                            const std::vector<sdk::Value>& params) {
  const bool returning = connection.dialect() == odbc::Dialect::kPostgres;
  sdk::Result<odbc::Statement*> statement =
      connection.PrepareCached(returning ? std::string(sql) + " RETURNING id" : std::string(sql));
  if (!statement.ok()) return statement.status();
  auto executed = (*statement)->Execute(params);
  if (!executed.ok()) return executed.status();
  if (!returning) {
    // SQLite's driver does not hand back RETURNING rows; the connection's last row id is exact here.
    statement = connection.PrepareCached("SELECT last_insert_rowid()");
    if (!statement.ok()) return statement.status();
    executed = (*statement)->Execute({});
    if (!executed.ok()) return executed.status();
  }
  auto rows = (*statement)->FetchAll();
  if (!rows.ok()) return rows.status();
  return rows->at(0).at(0).integer();
}

}  // namespace hub::sync
