// Statements over a list of row ids of any length, in one statement on either engine, prepared once per
// connection for the common counts.
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

// "`column` is one of `ids`" as SQL and its parameters. On PostgreSQL `column = ANY(CAST(? AS bigint[]))` with the
// ids as one array parameter: one text, one plan, whatever the count. Elsewhere `column IN (?, ?, ...)` with the
// count of placeholders rounded up to a power of two (the last id repeated), so that the statement is one of a
// dozen per connection and prepared once; beyond kMaxIdPlaceholders ids, `column IN (1, 2, ...)` with the ids
// written as integer literals (`cacheable` false: prepared afresh). An empty list gives a condition no row meets.
// Pure function of the connection's dialect.
struct IdCondition {
  std::string sql;
  std::vector<sdk::Value> params;
  bool cacheable = true;
};
inline constexpr std::size_t kMaxIdPlaceholders = 1024;
IdCondition IdsCondition(const odbc::Connection& connection, std::string_view column,
                         const std::vector<std::int64_t>& ids);

// Runs `sql`, in which "{ids}" stands for IdsCondition(connection, column, ids) (once or several times, each
// with its own parameters), through the connection's statement cache when the condition is cacheable. Threads:
// as the connection. Errors: the driver's Status.
sdk::Result<std::vector<odbc::Row>> QueryByIds(odbc::Connection& connection, std::string_view sql,
                                               std::string_view column, const std::vector<std::int64_t>& ids);

// As QueryByIds, for a statement that answers no rows: the rows affected.
sdk::Result<std::int64_t> ExecuteByIds(odbc::Connection& connection, std::string_view sql, std::string_view column,
                                       const std::vector<std::int64_t>& ids);

// Runs `statement` (conditions of IdsCondition put together by the caller: `cacheable` only when all of them are)
// and answers its rows. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<odbc::Row>> QueryIdStatement(odbc::Connection& connection, const IdCondition& statement);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ID_LISTS_HPP_
