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
  sdk::Result<std::optional<Link>> found = FindLink(record);
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

sdk::Result<bool> EntityWriter::Unchanged(const mapping::MappedRecord& record) {
  if (record.operation == sdk::Operation::kDelete) return false;
  sdk::Result<std::optional<Link>> found = FindLink(record);
  if (!found.ok()) return found.status();
  return *found && !(*found)->deleted && (*found)->content_hash == ContentHash(record);
}

void EntityWriter::Forget(const mapping::MappedRecord& record) { known_.erase(KeyOf(record)); }

EntityWriter::LinkKey EntityWriter::KeyOf(const mapping::MappedRecord& record) {
  return {std::string(record.entity->name), record.source_system, record.source_id};
}

sdk::Result<std::int64_t> EntityWriter::Exec(std::string_view sql, const std::vector<Value>& params) {
  return ExecuteStoreStatement(connection_, sql, params);
}

sdk::Result<std::optional<EntityWriter::Link>> EntityWriter::FindLink(const mapping::MappedRecord& record) {
  auto known = known_.find(KeyOf(record));
  if (known != known_.end()) return known->second;
  sdk::Result<odbc::Statement*> statement = connection_.PrepareCached(
      "SELECT id, record_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END "
      "FROM source_links WHERE source_system = ? AND entity = ? AND source_id = ?");
  if (!statement.ok()) return statement.status();
  auto executed = (*statement)
                      ->Execute({Value::String(record.source_system), Value::String(std::string(record.entity->name)),
                                 Value::String(record.source_id)});
  if (!executed.ok()) return executed.status();
  auto rows = (*statement)->FetchAll();
  if (!rows.ok()) return rows.status();
  std::optional<Link> link;
  if (!rows->empty()) {
    const odbc::Row& row = rows->front();
    link = Link{row[0].integer(), row[1].integer(), row[2].text(), row[3].integer() != 0};
  }
  known_[KeyOf(record)] = link;
  return link;
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
  known_[KeyOf(record)] = Link{*link_id, *record_id, hash, false};
  return WriteOutcome::kInserted;
}

sdk::Result<WriteOutcome> EntityWriter::Update(const mapping::MappedRecord& record, const Link& link,
                                               const std::string& hash) {
  sdk::Result<bool> touch = HasUpdatedAt(record.entity->table);
  if (!touch.ok()) return touch.status();
  const auto [sql, values] = UpdateRow(record, link.record_id, *touch);
  auto updated = Exec(sql, values);
  if (!updated.ok()) return updated.status();
  auto moved = Exec("UPDATE source_links SET content_hash = ?, last_seen_at = {{now}}, deleted_at = NULL WHERE id = ?",
                    {Value::String(hash), Value::Int64(link.id)});
  if (!moved.ok()) return moved.status();
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "updated"));
  known_[KeyOf(record)] = Link{link.id, link.record_id, hash, false};
  return WriteOutcome::kUpdated;
}

sdk::Result<WriteOutcome> EntityWriter::Delete(const mapping::MappedRecord& record, const Link& link) {
  auto marked = Exec("UPDATE source_links SET deleted_at = {{now}}, last_seen_at = {{now}} WHERE id = ?",
                     {Value::Int64(link.id)});
  if (!marked.ok()) return marked.status();
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "deleted"));
  known_[KeyOf(record)]->deleted = true;
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
