// Statements over a list of row ids of any length, in one statement on either engine.
#ifndef HUB_STORE_MODEL_ID_LISTS_HPP_
#define HUB_STORE_MODEL_ID_LISTS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// "`column` is one of `ids`" as SQL and its parameters: on PostgreSQL `column = ANY(CAST(? AS bigint[]))` with
// the ids as one array parameter (no parameter limit, one plan whatever the count); elsewhere `column IN (1, 2)`
// with the ids written as integer literals, so that no count of them runs into SQLite's parameter limit. An empty
// list gives a condition no row meets. Pure function of the connection's dialect.
struct IdCondition {
  std::string sql;
  std::vector<sdk::Value> params;
};
IdCondition IdsCondition(const odbc::Connection& connection, std::string_view column,
                         const std::vector<std::int64_t>& ids);

// Runs `sql`, in which "{ids}" stands for IdsCondition(connection, column, ids) (once or several times, each
// with its own parameters), prepared afresh (the text depends on the ids on SQLite). Threads: as the connection.
// Errors: the driver's Status.
sdk::Result<std::vector<odbc::Row>> QueryByIds(odbc::Connection& connection, std::string_view sql,
                                               std::string_view column, const std::vector<std::int64_t>& ids);

// As QueryByIds, for a statement that answers no rows: the rows affected.
sdk::Result<std::int64_t> ExecuteByIds(odbc::Connection& connection, std::string_view sql, std::string_view column,
                                       const std::vector<std::int64_t>& ids);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ID_LISTS_HPP_
