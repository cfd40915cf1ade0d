#include "store/model/id_lists.hpp"

#include <bit>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

constexpr std::string_view kIdsToken = "{ids}";

// `sql` with every "{ids}" replaced by the condition, and the parameters in their order.
IdCondition Expand(const odbc::Connection& connection, std::string_view sql, std::string_view column,
                   const std::vector<std::int64_t>& ids) {
  const IdCondition condition = IdsCondition(connection, column, ids);
  IdCondition expanded{"", {}, condition.cacheable};
  for (std::size_t at = 0;;) {
    const std::size_t token = sql.find(kIdsToken, at);
    if (token == std::string_view::npos) {
      expanded.sql.append(sql.substr(at));
      return expanded;
    }
    expanded.sql.append(sql.substr(at, token - at)).append(condition.sql);
    expanded.params.insert(expanded.params.end(), condition.params.begin(), condition.params.end());
    at = token + kIdsToken.size();
  }
}

std::string IdList(const std::vector<std::int64_t>& ids, std::string_view separator) {
  std::string list;
  for (std::int64_t id : ids) list.append(list.empty() ? "" : separator).append(std::to_string(id));
  return list;
}

}  // namespace

IdCondition IdsCondition(const odbc::Connection& connection, std::string_view column,
                         const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {"1 = 0", {}, true};
  if (connection.dialect() == odbc::Dialect::kPostgres) {
    return {
        std::string(column) + " = ANY(CAST(? AS bigint[]))", {sdk::Value::String("{" + IdList(ids, ",") + "}")}, true};
  }
  if (ids.size() > kMaxIdPlaceholders) return {std::string(column) + " IN (" + IdList(ids, ", ") + ")", {}, false};
  IdCondition condition{std::string(column) + " IN (", {}, true};
  const std::size_t placeholders = std::bit_ceil(ids.size());
  for (std::size_t i = 0; i < placeholders; ++i) {
    condition.sql.append(i == 0 ? "?" : ", ?");
    condition.params.push_back(sdk::Value::Int64(ids[std::min(i, ids.size() - 1)]));
  }
  condition.sql.push_back(')');
  return condition;
}

sdk::Result<std::vector<odbc::Row>> QueryIdStatement(odbc::Connection& connection, const IdCondition& statement) {
  if (statement.cacheable) return QueryStoreRows(connection, statement.sql, statement.params);
  auto rows = connection.Query(statement.sql, statement.params);
  if (!rows.ok()) return rows.status();
  return std::move(rows->rows);
}

sdk::Result<std::vector<odbc::Row>> QueryByIds(odbc::Connection& connection, std::string_view sql,
                                               std::string_view column, const std::vector<std::int64_t>& ids) {
  return QueryIdStatement(connection, Expand(connection, sql, column, ids));
}

sdk::Result<std::int64_t> ExecuteByIds(odbc::Connection& connection, std::string_view sql, std::string_view column,
                                       const std::vector<std::int64_t>& ids) {
  const IdCondition statement = Expand(connection, sql, column, ids);
  if (statement.cacheable) return ExecuteStoreStatement(connection, statement.sql, statement.params);
  return connection.ExecuteUpdate(statement.sql, statement.params);
}

}  // namespace hub::store_model
