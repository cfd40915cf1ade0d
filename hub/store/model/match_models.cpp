#include "store/model/match_models.hpp"

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

}  // namespace

sdk::Result<bool> SaveMatchModel(odbc::Connection& connection, const std::string& job, const std::string& model) {
  auto stored = QueryStoreRows(connection, "SELECT model FROM match_models WHERE job = ?", {Value::String(job)});
  if (!stored.ok()) return stored.status();
  if (!stored->empty() && stored->front()[0].text() == model) return false;
  auto deleted = DeleteMatchModel(connection, job);
  if (!deleted.ok()) return deleted.status();
  auto inserted = ExecuteStoreStatement(connection, "INSERT INTO match_models (job, model) VALUES (?, ?)",
                                        {Value::String(job), Value::String(model)});
  if (!inserted.ok()) return inserted.status();
  return true;
}

sdk::Result<bool> DeleteMatchModel(odbc::Connection& connection, const std::string& job) {
  auto deleted = ExecuteStoreStatement(connection, "DELETE FROM match_models WHERE job = ?", {Value::String(job)});
  if (!deleted.ok()) return deleted.status();
  return *deleted > 0;
}

sdk::Result<std::optional<std::int64_t>> NewestMatchModelId(odbc::Connection& connection) {
  auto rows = QueryStoreRows(connection, "SELECT MAX(id) FROM match_models", {});
  if (!rows.ok()) return rows.status();
  if (rows->empty() || rows->front()[0].is_null()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front()[0].integer());
}

sdk::Result<std::optional<StoredMatchModel>> ReadNewestMatchModel(odbc::Connection& connection) {
  auto rows = QueryStoreRows(connection, "SELECT id, job, model FROM match_models ORDER BY id DESC LIMIT 1", {});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredMatchModel>();
  const odbc::Row& row = rows->front();
  return std::optional<StoredMatchModel>(StoredMatchModel{row[0].integer(), row[1].text(), row[2].text()});
}

}  // namespace hub::store_model
