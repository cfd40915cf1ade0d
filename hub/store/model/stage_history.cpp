#include "store/model/stage_history.hpp"

#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The stage `record` puts its row in: its own, else (a new row) the stage its catalog field defaults to, which
// the column's default is too; null when neither.
Value StageOf(const model::MappedRecord& record, bool inserted) {
  const Value given = record.ValueOrNull("stage");
  if (!given.is_null() || !inserted) return given;
  const model::FieldDefault& fallback = record.entity->FindField("stage")->default_value;
  return fallback.kind == model::DefaultKind::kValue ? Value::String(std::string(fallback.value)) : Value::Null();
}

// The instant the row enters its stage, as SQL over the record's stage_changed_at (a parameter, maybe null).
constexpr std::string_view kEnteredAt = "COALESCE(?, {{now}})";

}  // namespace

sdk::Status StageHistory::BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id,
                                    RowValues& row) {
  stored_stage_.reset();
  inserted_ = !row_id;
  if (!row_id) {
    // A new row is written with the instant it enters its stage: no second write of the row after it.
    if (!StageOf(record, true).is_null()) {
      row.Add("stage_entered_at", record.ValueOrNull("stage_changed_at"), std::string(kEnteredAt));
    }
    return sdk::Status::Ok();
  }
  auto rows = QueryStoreRows(connection_, "SELECT stage FROM " + std::string(staged_.table) + " WHERE id = ?",
                             {Value::Int64(*row_id)});
  if (!rows.ok()) return rows.status();
  if (!rows->empty()) stored_stage_ = rows->front().front().text();
  return sdk::Status::Ok();
}

sdk::Status StageHistory::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t, bool) {
  const Value stage = StageOf(record, inserted_);
  if (stage.is_null()) return sdk::Status::Ok();
  if (stored_stage_ && *stored_stage_ == stage.text()) return sdk::Status::Ok();
  const Value changed_at = record.ValueOrNull("stage_changed_at");
  const bool probability = !staged_.probability_field.empty();
  std::vector<Value> params{Value::Int64(row_id), stored_stage_ ? Value::String(*stored_stage_) : Value::Null(), stage,
                            record.ValueOrNull(staged_.amount_field)};
  if (probability) params.push_back(record.ValueOrNull(staged_.probability_field));
  params.push_back(changed_at);
  auto added = ExecuteStoreStatement(connection_,
                                     "INSERT INTO " + std::string(staged_.history_table) + " (" +
                                         std::string(staged_.history_key) + ", from_stage, to_stage, amount" +
                                         (probability ? ", probability" : "") + ", changed_at) VALUES (?, ?, ?, ?" +
                                         (probability ? ", ?" : "") + ", " + std::string(kEnteredAt) + ")",
                                     params);
  if (!added.ok() || inserted_) return added.ok() ? sdk::Status::Ok() : added.status();
  auto moved = ExecuteStoreStatement(
      connection_,
      "UPDATE " + std::string(staged_.table) + " SET stage_entered_at = " + std::string(kEnteredAt) + " WHERE id = ?",
      {changed_at, Value::Int64(row_id)});
  return moved.ok() ? sdk::Status::Ok() : moved.status();
}

}  // namespace hub::store_model
