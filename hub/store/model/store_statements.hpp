// Running the model layer's statements: written once with the schema's dialect tokens ({{now}}), prepared
// once per connection, and inserts that answer their generated id on every shipped dialect.
#ifndef HUB_STORE_MODEL_STORE_STATEMENTS_HPP_
#define HUB_STORE_MODEL_STORE_STATEMENTS_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/odbc/statement.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// `sql` with its "{{token}}"s expanded for the connection's dialect (schema/sql_dialect.hpp), prepared
// through the connection's statement cache. Threads: as the connection. Errors: Internal for an unknown
// token or an engine without a schema (the hub's own defect); the driver's Status.
sdk::Result<odbc::Statement*> PrepareStoreStatement(odbc::Connection& connection, std::string_view sql);

// PrepareStoreStatement, then Execute with `params`: the rows affected.
sdk::Result<std::int64_t> ExecuteStoreStatement(odbc::Connection& connection, std::string_view sql,
                                                const std::vector<sdk::Value>& params);

// PrepareStoreStatement, then Execute with `params`: every row of the answer.
sdk::Result<std::vector<odbc::Row>> QueryStoreRows(odbc::Connection& connection, std::string_view sql,
                                                   const std::vector<sdk::Value>& params);

// Runs the one-row INSERT `sql` (no RETURNING clause) with `params` through `connection`'s statement cache
// and returns the new row's id (RETURNING on PostgreSQL, last_insert_rowid() elsewhere). Threads: as the
// connection. Errors: the driver's Status.
sdk::Result<std::int64_t> InsertReturningId(odbc::Connection& connection, std::string_view sql,
                                            const std::vector<sdk::Value>& params);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_STORE_STATEMENTS_HPP_
