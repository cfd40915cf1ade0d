#include "store/model/opportunity_stages.hpp"

#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
using sdk::Value;

sdk::Status OpportunityStages::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues&) {
  stored_stage_.reset();
  if (!row_id) return sdk::Status::Ok();
  auto rows = QueryStoreRows(connection_, "SELECT stage FROM opportunities WHERE id = ?", {Value::Int64(*row_id)});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) stored_stage_ = rows->front().front().text();
  return sdk::Status::Ok();
}

sdk::Status OpportunityStages::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t, bool) {
  const Value stage = record.ValueOrNull("stage");
  if (stage.is_null() || (stored_stage_ && *stored_stage_ == stage.text())) return sdk::Status::Ok();
  const Value changed_at = record.ValueOrNull("stage_changed_at");
  const std::string at = changed_at.is_null() ? "{{now}}" : "?";
  std::vector<Value> params{Value::Int64(row_id), stored_stage_ ? Value::String(*stored_stage_) : Value::Null(), stage,
                            record.ValueOrNull("amount"), record.ValueOrNull("probability")};
  if (!changed_at.is_null()) params.push_back(changed_at);
  auto added = ExecuteStoreStatement(connection_,
                                     "INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, "
                                     "amount, probability, changed_at) VALUES (?, ?, ?, ?, ?, " +
                                         at + ")",
                                     params);
  if (!added.ok()) return added.status();
  std::vector<Value> entered;
  if (!changed_at.is_null()) entered.push_back(changed_at);
  entered.push_back(Value::Int64(row_id));
  auto moved = ExecuteStoreStatement(connection_, "UPDATE opportunities SET stage_entered_at = " + at + " WHERE id = ?",
                                     entered);
  return moved.ok() ? sdk::Status::Ok() : moved.status();
}

}  // namespace hub::store_model
