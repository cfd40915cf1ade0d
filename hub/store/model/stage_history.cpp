#include "store/model/stage_history.hpp"

#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
using sdk::Value;

sdk::Status StageHistory::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues&) {
  stored_stage_.reset();
  inserted_ = !row_id;
  if (!row_id) return sdk::Status::Ok();
  auto rows = QueryStoreRows(connection_, "SELECT stage FROM " + std::string(staged_.table) + " WHERE id = ?",
                             {Value::Int64(*row_id)});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) stored_stage_ = rows->front().front().text();
  return sdk::Status::Ok();
}

sdk::Status StageHistory::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t, bool) {
  const Value given = record.ValueOrNull("stage");
  if (given.is_null() && !inserted_) return sdk::Status::Ok();
  const std::string table(staged_.table);
  // A new row without a stage is at the stage its catalog field defaults to, which the column's default is too.
  const model::FieldDefault& fallback = record.entity->FindField("stage")->default_value;
  if (given.is_null() && fallback.kind != model::DefaultKind::kValue) return sdk::Status::Ok();
  const Value stage = given.is_null() ? Value::String(std::string(fallback.value)) : given;
  if (stored_stage_ && *stored_stage_ == stage.text()) return sdk::Status::Ok();
  const Value changed_at = record.ValueOrNull("stage_changed_at");
  const std::string at = changed_at.is_null() ? "{{now}}" : "?";
  const bool probability = !staged_.probability_field.empty();
  std::vector<Value> params{Value::Int64(row_id), stored_stage_ ? Value::String(*stored_stage_) : Value::Null(), stage,
                            record.ValueOrNull(staged_.amount_field)};
  if (probability) params.push_back(record.ValueOrNull(staged_.probability_field));
  if (!changed_at.is_null()) params.push_back(changed_at);
  auto added = ExecuteStoreStatement(connection_,
                                     "INSERT INTO " + std::string(staged_.history_table) + " (" +
                                         std::string(staged_.history_key) + ", from_stage, to_stage, amount" +
                                         (probability ? ", probability" : "") + ", changed_at) VALUES (?, ?, ?, ?" +
                                         (probability ? ", ?" : "") + ", " + at + ")",
                                     params);
  if (!added.ok()) return added.status();
  std::vector<Value> entered;
  if (!changed_at.is_null()) entered.push_back(changed_at);
  entered.push_back(Value::Int64(row_id));
  auto moved = ExecuteStoreStatement(connection_, "UPDATE " + table + " SET stage_entered_at = " + at + " WHERE id = ?",
                                     entered);
  return moved.ok() ? sdk::Status::Ok() : moved.status();
}

}  // namespace hub::store_model
