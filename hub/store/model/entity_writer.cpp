#include "store/model/entity_writer.hpp"

#include "hub/odbc/statement.hpp"
#include "store/model/column_change.hpp"
#include "store/model/entity_behaviour.hpp"
#include "store/model/entity_rows.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/record_json.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/text_references.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// "a, b, c" of `items`, each passed through `format`.
template <typename Items, typename Format>
std::string Joined(const Items& items, Format format) {
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) joined.append(i == 0 ? "" : ", ").append(format(i));
  return joined;
}

}  // namespace

EntityWriter::EntityWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn,
                           const WriteRules& rules)
    : connection_(connection), turn_(turn), rules_(rules), links_(links), references_(connection, links) {}

EntityWriter::~EntityWriter() = default;

sdk::Result<WriteOutcome> EntityWriter::Write(const model::MappedRecord& record) {
  if (BehaviourOf(*record.entity).writer != WriterKind::kGeneric) {
    return sdk::Status::Internal(std::string(record.entity->name) +
                                 " records are written by their own writer (RecordWriter), not EntityWriter");
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
  if ((*found)->content_hash == hash + std::string(kUnresolvedMark) && !(*found)->deleted) {
    // Stored before with a text reference that named nothing: write again only if it names a row now.
    sdk::Result<RowValues> row = BuildEntityRow(references_, record, RowPurpose::kUpdate);
    if (!row.ok()) return row.status();
    if (row->unresolved_text_reference) return WriteOutcome::kUnchanged;
  }
  return Update(record, **found, hash);
}

sdk::Result<std::optional<std::int64_t>> EntityWriter::ExistingByNaturalKey(const model::MappedRecord& record) {
  if (record.entity->natural_key.empty()) return std::optional<std::int64_t>();
  const Value* key = record.Find(record.entity->natural_key);
  if (key == nullptr || key->is_null()) return std::optional<std::int64_t>();
  return references_.FindByNaturalKey(*record.entity, key->text());
}

sdk::Result<WriteOutcome> EntityWriter::Insert(const model::MappedRecord& record, const std::string& hash) {
  sdk::Result<std::optional<std::int64_t>> existing = ExistingByNaturalKey(record);
  if (!existing.ok()) return existing.status();
  sdk::Result<RowValues> row =
      BuildEntityRow(references_, record, *existing ? RowPurpose::kMerge : RowPurpose::kInsert);
  if (!row.ok()) return row.status();
  EntityExtension* extension = ExtensionFor(*record.entity);
  if (extension != nullptr) HUB_RETURN_IF_ERROR(extension->BeforeRow(record, *existing, *row));
  std::int64_t row_id = 0;
  ColumnChange change(connection_, *record.entity, turn_);
  if (*existing) {
    row_id = **existing;
    HUB_RETURN_IF_ERROR(change.Before(row_id));
    HUB_RETURN_IF_ERROR(UpdateRow(record, row_id, *row));
  } else {
    const std::string table(record.entity->table);
    const std::string columns = Joined(row->columns, [&](std::size_t i) { return std::string(row->columns[i]); });
    const std::string values = Joined(row->expressions, [&](std::size_t i) { return row->expressions[i]; });
    sdk::Result<std::int64_t> inserted =
        row->columns.empty()
            ? InsertReturningId(connection_, "INSERT INTO " + table + " DEFAULT VALUES", {})
            : InsertReturningId(connection_, "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")",
                                row->values);
    if (!inserted.ok()) return inserted.status();
    row_id = *inserted;
  }
  sdk::Result<std::int64_t> link_id = InsertReturningId(
      connection_,
      "INSERT INTO source_links (source_system, entity, source_id, record_id, content_hash) VALUES (?, ?, ?, ?, ?)",
      {Value::String(record.source_system), Value::String(std::string(record.entity->name)),
       Value::String(record.source_id), Value::Int64(row_id), Value::String(LinkHash(hash, *row))});
  if (!link_id.ok()) return link_id.status();
  if (!row->quality_issues.empty()) {
    HUB_RETURN_IF_ERROR(ReplaceQualityIssues(connection_, *link_id, Value::Null(), row->quality_issues));
  }
  if (extension != nullptr) HUB_RETURN_IF_ERROR(extension->AfterRow(record, row_id, *link_id, existing->has_value()));
  HUB_RETURN_IF_ERROR(AddEvent(record, row_id, *existing ? "updated" : "created"));
  if (*existing) HUB_RETURN_IF_ERROR(change.After(row_id));
  HUB_RETURN_IF_ERROR(FillTextReferences(connection_, *record.entity, record.source_system, record.source_id, row_id));
  links_.Remember(record, SourceLink{*link_id, row_id, LinkHash(hash, *row), false});
  return *existing ? WriteOutcome::kMerged : WriteOutcome::kInserted;
}

sdk::Result<WriteOutcome> EntityWriter::Update(const model::MappedRecord& record, const SourceLink& link,
                                               const std::string& hash) {
  sdk::Result<bool> shared = SharedWithAnotherSource(record, link);
  if (!shared.ok()) return shared.status();
  sdk::Result<RowValues> row = BuildEntityRow(references_, record, *shared ? RowPurpose::kMerge : RowPurpose::kUpdate);
  if (!row.ok()) return row.status();
  EntityExtension* extension = ExtensionFor(*record.entity);
  if (extension != nullptr) HUB_RETURN_IF_ERROR(extension->BeforeRow(record, link.record_id, *row));
  ColumnChange change(connection_, *record.entity, turn_);
  HUB_RETURN_IF_ERROR(change.Before(link.record_id));
  HUB_RETURN_IF_ERROR(UpdateRow(record, link.record_id, *row));
  HUB_RETURN_IF_ERROR(links_.Refresh(record, link, LinkHash(hash, *row)));
  HUB_RETURN_IF_ERROR(ReplaceQualityIssues(connection_, link.id, Value::Null(), row->quality_issues));
  if (extension != nullptr) HUB_RETURN_IF_ERROR(extension->AfterRow(record, link.record_id, link.id, *shared));
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "updated"));
  HUB_RETURN_IF_ERROR(change.After(link.record_id));
  return WriteOutcome::kUpdated;
}

sdk::Result<bool> EntityWriter::SharedWithAnotherSource(const model::MappedRecord& record, const SourceLink& link) {
  if (record.entity->natural_key.empty()) return false;
  auto rows = QueryStoreRows(
      connection_,
      "SELECT COUNT(*) FROM source_links WHERE entity = ? AND record_id = ? AND id <> ? AND deleted_at IS NULL",
      {Value::String(std::string(record.entity->name)), Value::Int64(link.record_id), Value::Int64(link.id)});
  if (!rows.ok()) return rows.status();
  return !rows->empty() && rows->front().front().integer() > 0;
}

sdk::Status EntityWriter::UpdateRow(const model::MappedRecord& record, std::int64_t row_id, const RowValues& row) {
  std::string sets =
      Joined(row.columns, [&](std::size_t i) { return std::string(row.columns[i]) + " = " + row.expressions[i]; });
  if (record.entity->has_updated_at) sets += std::string(sets.empty() ? "" : ", ") + "updated_at = {{now}}";
  if (sets.empty()) return sdk::Status::Ok();
  std::vector<Value> values = row.values;
  values.push_back(Value::Int64(row_id));
  auto updated = ExecuteStoreStatement(
      connection_, "UPDATE " + std::string(record.entity->table) + " SET " + sets + " WHERE id = ?", values);
  return updated.ok() ? sdk::Status::Ok() : updated.status();
}

sdk::Result<WriteOutcome> EntityWriter::Delete(const model::MappedRecord& record, const SourceLink& link) {
  HUB_RETURN_IF_ERROR(links_.MarkDeleted(record, link));
  HUB_RETURN_IF_ERROR(AddEvent(record, link.record_id, "deleted"));
  return WriteOutcome::kDeleted;
}

sdk::Status EntityWriter::AddEvent(const model::MappedRecord& record, std::int64_t record_id, std::string_view change) {
  return AppendOutboxEvent(connection_, turn_, record.entity->name, record_id,
                           std::string(record.entity->name) + "." + std::string(change), MappedRecordJson(record));
}

EntityExtension* EntityWriter::ExtensionFor(const model::EntitySpec& entity) {
  auto known = extensions_.find(entity.name);
  if (known != extensions_.end()) return known->second.get();
  const ExtensionFactory make = BehaviourOf(entity).extension;
  std::unique_ptr<EntityExtension> extension =
      make != nullptr ? make(connection_, references_, turn_, rules_) : nullptr;
  return extensions_.emplace(entity.name, std::move(extension)).first->second.get();
}

}  // namespace hub::store_model
