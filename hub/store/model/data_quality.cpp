#include "store/model/data_quality.hpp"

#include "store/model/store_statements.hpp"

namespace hub::store_model {

using sdk::Value;

namespace {

// "INSERT INTO data_quality (<kQualityColumns>) VALUES (?, ...)".
const std::string& InsertSql() {
  static const std::string sql = [] {
    std::string columns;
    std::string markers;
    for (std::string_view column : kQualityColumns) {
      columns.append(columns.empty() ? "" : ", ").append(column);
      markers.append(markers.empty() ? "?" : ", ?");
    }
    return "INSERT INTO data_quality (" + columns + ") VALUES (" + markers + ")";
  }();
  return sql;
}

}  // namespace

QualityIssue PhoneIssue(std::string_view field, std::string_view raw, const sdk::Status& why) {
  return {std::string(field), std::string(raw), "invalid_phone", why.message()};
}

QualityIssue IdentifierIssue(std::string_view field, std::string_view scheme, std::string_view value,
                             const sdk::Status& why) {
  return {std::string(field), std::string(value), "invalid_" + std::string(scheme), why.message()};
}

std::vector<Value> QualityValues(std::int64_t link_id, const Value& party_id, const QualityIssue& issue) {
  return {Value::Int64(link_id),        party_id,
          Value::String(issue.field),   Value::String(issue.value),
          Value::String(issue.problem), Value::String(issue.detail)};
}

sdk::Status ReplaceQualityIssues(odbc::Connection& connection, std::int64_t link_id, const Value& party_id,
                                 const std::vector<QualityIssue>& issues) {
  auto removed =
      ExecuteStoreStatement(connection, "DELETE FROM data_quality WHERE source_link_id = ?", {Value::Int64(link_id)});
  if (!removed.ok()) return removed.status();
  for (const QualityIssue& issue : issues) {
    auto added = ExecuteStoreStatement(connection, InsertSql(), QualityValues(link_id, party_id, issue));
    if (!added.ok()) return added.status();
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
