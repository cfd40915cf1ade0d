#include "store/model/store_statements.hpp"

#include <string>

#include "store/schema/sql_dialect.hpp"

namespace hub::store_model {

sdk::Result<odbc::Statement*> PrepareStoreStatement(odbc::Connection& connection, std::string_view sql) {
  if (sql.find("{{") == std::string_view::npos) return connection.PrepareCached(sql);
  const schema::SchemaDialect* dialect = schema::FindSchemaDialect(connection.dialect());
  // Both are the hub's own SQL or setup at fault, never a record's: Internal ends the batch.
  if (dialect == nullptr) return sdk::Status::Internal("no store schema for this database engine");
  sdk::Result<std::string> expanded = schema::ExpandTokens(sql, *dialect);
  if (!expanded.ok()) return sdk::Status::Internal(expanded.status().message());
  return connection.PrepareCached(*expanded);
}

sdk::Result<std::int64_t> ExecuteStoreStatement(odbc::Connection& connection, std::string_view sql,
                                                const std::vector<sdk::Value>& params) {
  sdk::Result<odbc::Statement*> statement = PrepareStoreStatement(connection, sql);
  if (!statement.ok()) return statement.status();
  return (*statement)->Execute(params);
}

sdk::Result<std::vector<odbc::Row>> QueryStoreRows(odbc::Connection& connection, std::string_view sql,
                                                   const std::vector<sdk::Value>& params) {
  sdk::Result<odbc::Statement*> statement = PrepareStoreStatement(connection, sql);
  if (!statement.ok()) return statement.status();
  auto executed = (*statement)->Execute(params);
  if (!executed.ok()) return executed.status();
  return (*statement)->FetchAll();
}

sdk::Result<std::int64_t> InsertReturningId(odbc::Connection& connection, std::string_view sql,
                                            const std::vector<sdk::Value>& params) {
  const bool returning = connection.dialect() == odbc::Dialect::kPostgres;
  sdk::Result<odbc::Statement*> statement =
      PrepareStoreStatement(connection, returning ? std::string(sql) + " RETURNING id" : std::string(sql));
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

}  // namespace hub::store_model
