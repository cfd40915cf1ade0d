#include "store/model/column_change.hpp"

#include <boost/json.hpp>

#include <string>

#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

boost::json::value JsonOf(const Value& value) {
  if (value.is_null()) return nullptr;
  return boost::json::string(value.text());
}

// The stored column of catalog field `name` of `entity` (a field of its main table).
std::string ColumnOf(const model::EntitySpec& entity, std::string_view name) {
  const model::FieldSpec* field = entity.FindField(name);
  return field == nullptr ? std::string("NULL") : std::string(field->storage.column);
}

}  // namespace

ColumnChange::ColumnChange(odbc::Connection& connection, const model::EntitySpec& entity, const odbc::OutboxTurn& turn)
    : connection_(connection), turn_(turn), entity_(entity), change_(BehaviourOf(entity).column_change) {}

sdk::Result<std::optional<std::pair<Value, Value>>> ColumnChange::Read(std::int64_t row_id) {
  const std::string since = change_.since.empty() ? std::string("NULL") : ColumnOf(entity_, change_.since);
  auto rows = QueryStoreRows(connection_,
                             "SELECT " + ColumnOf(entity_, change_.field) + ", " + since + " FROM " +
                                 std::string(entity_.table) + " WHERE id = ?",
                             {Value::Int64(row_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::pair<Value, Value>>();
  return std::optional<std::pair<Value, Value>>(std::make_pair(rows->front()[0], rows->front()[1]));
}

sdk::Status ColumnChange::Before(std::int64_t row_id) {
  previous_.reset();
  if (change_.field.empty()) return sdk::Status::Ok();
  sdk::Result<std::optional<std::pair<Value, Value>>> stored = Read(row_id);
  if (!stored.ok()) return stored.status();
  if (*stored) previous_ = (*stored)->first;
  return sdk::Status::Ok();
}

sdk::Status ColumnChange::After(std::int64_t row_id) {
  if (change_.field.empty() || !previous_) return sdk::Status::Ok();
  sdk::Result<std::optional<std::pair<Value, Value>>> stored = Read(row_id);
  if (!stored.ok()) return stored.status();
  if (!*stored) return sdk::Status::Ok();
  const Value& now = (*stored)->first;
  if (now.is_null() == previous_->is_null() && (now.is_null() || now.text() == previous_->text())) {
    return sdk::Status::Ok();
  }
  const std::string field(change_.field);
  boost::json::object payload{{"previous_" + field, JsonOf(*previous_)}, {field, JsonOf(now)}};
  if (!change_.since.empty()) payload[change_.since] = JsonOf((*stored)->second);
  return AppendOutboxEvent(connection_, turn_, entity_.name, row_id,
                           std::string(entity_.name) + "." + std::string(change_.change),
                           boost::json::serialize(payload));
}

}  // namespace hub::store_model
