#include "store/odbc/cached_query.hpp"

#include <utility>

namespace hub::odbc {

sdk::Result<RowSet> QueryCached(Connection& connection, std::string_view sql, const std::vector<sdk::Value>& params) {
  sdk::Result<Statement*> statement = connection.PrepareCached(sql);
  if (!statement.ok()) return statement.status();
  sdk::Result<std::int64_t> executed = (*statement)->Execute(params);
  if (!executed.ok()) return executed.status();
  sdk::Result<std::vector<Row>> rows = (*statement)->FetchAll();
  if (!rows.ok()) return rows.status();
  RowSet result{(*statement)->columns(), std::move(*rows)};
  HUB_RETURN_IF_ERROR((*statement)->CloseCursor());
  return result;
}

}  // namespace hub::odbc
