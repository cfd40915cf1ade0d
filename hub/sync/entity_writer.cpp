#include "sync/entity_writer.hpp"

#include "store/odbc/statement.hpp"
#include "store/odbc/transaction.hpp"
#include "sync/record_json.hpp"
#include "sync/store_statements.hpp"

namespace hub::sync {
namespace {

using sdk::Value;

// "INSERT INTO <table> (<non-null fields>) VALUES (?, ...)" and its values, in the record's field order.
std::pair<std::string, std::vector<Value>> InsertRow(const mapping::MappedRecord& record) {
  std::string columns;
  std::string marks;
  std::vector<Value> values;
  for (const mapping::MappedField& field : record.fields) {
    if (field.value.is_null()) continue;
    columns += (values.empty() ? "" : ", ") + std::string(field.name());
    marks += values.empty() ? "?" : ", ?";
    values.push_back(field.value);
  }
  if (values.empty()) return {"INSERT INTO " + std::string(record.entity->table) + " DEFAULT VALUES", values};
  return {"INSERT INTO " + std::string(record.entity->table) + " (" + columns + ") VALUES (" + marks + ")", values};
}

// "UPDATE <table> SET <field> = ?, ...[, updated_at = {{now}}] WHERE id = ?" and its values.
std::pair<std::string, std::vector<Value>> UpdateRow(const mapping::MappedRecord& record, std::int64_t record_id,
                                                     bool touch_updated_at) {
  std::string sets;
  std::vector<Value> values;
  for (const mapping::MappedField& field : record.fields) {
    sets += (values.empty() ? "" : ", ") + std::string(field.name()) + " = ?";
    values.push_back(field.value);
  }
  if (touch_updated_at) sets += std::string(values.empty() ? "" : ", ") + "updated_at = {{now}}";
  values.push_back(Value::Int64(record_id));
  return {"UPDATE " + std::string(record.entity->table) + " SET " + sets + " WHERE id = ?", values};
}

}  // namespace

bool IsPlainEntity(const model::EntitySpec& entity) {
  for (const model::FieldSpec& field : entity.fields) {
    const std::string column = std::string(entity.table) + "." + std::string(field.name);
    if (field.stored_in != column || !field.references.empty()) return false;
  }
  return !entity.fields.empty();
}

sdk::Result<WriteOutcome> EntityWriter::Write(const mapping::MappedRecord& record) {
  if (!IsPlainEntity(*record.entity)) {
    return sdk::Status::InvalidArgument("entity '" + std::string(record.entity->name) + "' is not a plain entity");
  }
  sdk::Result<std::optional<SourceLink>> found = links_.Find(record);
  if (!found.ok()) return found.status();
  if (record.operation == sdk::Operation::kDelete) {
    if (!*found || (*found)->deleted) return WriteOutcome::kUnchanged;
    return Delete(record, **found);
  }
  const std::string hash = ContentHash(record);
  if (!*found) return Insert(record, hash);
  if ((*found)->content_hash == hash && !(*found)->deleted) return WriteOutcome::kUnchanged;
  return Update(record, **found, hash);
}

sdk::Result<std::int64_t> EntityWriter::Exec(std::string_view sql, const std::vector<Value>& params) {
  return ExecuteStoreStatement(connection_, sql, params);
}

sdk::Result<WriteOutcome> EntityWriter::Insert(const mapping::MappedRecord& record, const std::string& hash) {
  const auto [sql, values] = InsertRow(record);
  sdk::Result<std::int64_t> record_id = InsertReturningId(connection_, sql, values);
  if (!record_id.ok()) return record_id.status();
  sdk::Result<std::int64_t> link_id = InsertReturningId(
      connection_,
      "INSERT INTO source_links (source_system, entity, source_id, record_id, content_hash) VALUES (?, ?, ?, ?, ?)",
      {Value::String(record.source_system), Value::String(std::string(record.entity->name)),
       Value::String(record.source_id), Value::Int64(*record_id), Value::String(hash)});
  if (!link_id.ok()) return link_id.status();
  HUB_RETURN_IF_ERROR(AddEvent(record, *record_id, "created"));
  links_.Remember(record, SourceLink{*link_id, *record_id, hash, false});
  return WriteOutcome::kInserted;
}

sdk::Result<WriteOutcome> EntityWriter::Update(const mapping::MappedRecord& record, const SourceLink& link,
                                               const std::string& hash) {
  sdk::Result<bool> touch = HasUpdatedAt(record.entity->table);
  if (!touch.ok()) return touch.status();
  const auto [sql, values] = UpdateRow(record, link.record_id, *touch);
  auto updated = Exec(sql, values);
  if (!updated.ok()) return updated.status();
  HUB_RETURN_IF_ERROR(links_.Refresh(record, link, hash));
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "updated"));
  return WriteOutcome::kUpdated;
}

sdk::Result<WriteOutcome> EntityWriter::Delete(const mapping::MappedRecord& record, const SourceLink& link) {
  HUB_RETURN_IF_ERROR(links_.MarkDeleted(record, link));
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "deleted"));
  return WriteOutcome::kDeleted;
}

sdk::Result<bool> EntityWriter::HasUpdatedAt(std::string_view table) {
  auto known = has_updated_at_.find(table);
  if (known != has_updated_at_.end()) return known->second;
  // A failed statement aborts a PostgreSQL transaction: probe under a savepoint of its own.
  sdk::Result<odbc::Savepoint> savepoint = odbc::Savepoint::Create(connection_);
  if (!savepoint.ok()) return savepoint.status();
  auto probe = connection_.Query("SELECT updated_at FROM " + std::string(table) + " WHERE 1 = 0");
  if (!probe.ok() && probe.status().code() == sdk::StatusCode::kUnavailable) return probe.status();
  HUB_RETURN_IF_ERROR(probe.ok() ? savepoint->Release() : savepoint->RollbackTo());
  has_updated_at_[table] = probe.ok();
  return probe.ok();
}

sdk::Status EntityWriter::AddEvent(const mapping::MappedRecord& record, std::int64_t record_id,
                                   std::string_view change) {
  auto added = Exec("INSERT INTO outbox_events (aggregate, aggregate_id, kind, payload) VALUES (?, ?, ?, ?)",
                    {Value::String(std::string(record.entity->name)), Value::String(std::to_string(record_id)),
                     Value::String(std::string(record.entity->name) + "." + std::string(change)),
                     Value::String(MappedRecordJson(record))});
  return added.ok() ? sdk::Status::Ok() : added.status();
}

}  // namespace hub::sync
