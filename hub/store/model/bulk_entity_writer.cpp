#include "store/model/bulk_entity_writer.hpp"

#include <map>
#include <string>
#include <utility>

#include "store/model/entity_behaviour.hpp"
#include "store/model/entity_rows.hpp"
#include "store/model/id_allocator.hpp"
#include "store/model/record_json.hpp"
#include "store/model/text_references.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// True when EntityWriter does more for a new record of `entity` than insert its row, link and event.
bool NeedsThePerRecordPath(const model::EntitySpec& entity) {
  const EntityBehaviour& behaviour = BehaviourOf(entity);
  return behaviour.writer != WriterKind::kGeneric || behaviour.extension != nullptr ||
         !behaviour.column_change.field.empty() || !entity.natural_key.empty();
}

// True when `row` goes into a multi-row INSERT as it is: every value plain ("?"), nothing flagged.
bool Plain(const RowValues& row) {
  for (const std::string& expression : row.expressions) {
    if (expression != "?") return false;
  }
  return row.quality_issues.empty();
}

// Sends `rows` into `spec` with one BatchWriter.
sdk::Status InsertRows(odbc::Connection& connection, odbc::BatchSpec spec, std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return sdk::Status::Ok();
  sdk::Result<odbc::BatchWriter> writer = odbc::BatchWriter::Create(connection, std::move(spec));
  if (!writer.ok()) return writer.status();
  for (std::vector<Value>& row : rows) HUB_RETURN_IF_ERROR(writer->Add(std::move(row)));
  return writer->Flush();
}

}  // namespace

sdk::Status BulkEntityWriter::PrefetchReferences(const std::vector<const model::MappedRecord*>& records) {
  std::map<std::pair<std::string_view, std::string>, std::vector<std::string>> wanted;  // (entity, system) → ids
  for (const model::MappedRecord* record : records) {
    for (const model::MappedField& field : record->fields) {
      std::optional<model::FieldReference> reference = field.field->Reference();
      if (!reference || reference->key != "source_id" || field.value.is_null()) continue;
      const std::string system(field.reference_system.empty() ? record->source_system : field.reference_system);
      wanted[{reference->entity, system}].push_back(field.value.text());
    }
  }
  for (const auto& [key, ids] : wanted) HUB_RETURN_IF_ERROR(links_.Prefetch(key.first, key.second, ids));
  return sdk::Status::Ok();
}

sdk::Result<std::vector<InsertedParty>> BulkEntityWriter::Insert(
    const std::vector<const model::MappedRecord*>& records) {
  std::vector<InsertedParty> inserted(records.size());
  if (records.empty()) return inserted;
  const model::EntitySpec& entity = *records.front()->entity;
  if (NeedsThePerRecordPath(entity)) {
    for (InsertedParty& record : inserted) record.written = false;
    return inserted;
  }
  HUB_RETURN_IF_ERROR(PrefetchReferences(records));
  std::vector<RowValues> rows(records.size());
  const RowValues* shape = nullptr;  // the columns every row of one statement has
  std::size_t count = 0;
  bool fallen_back = false;
  for (std::size_t i = 0; i < records.size(); ++i) {
    // From the first record left to the per-record path on, every one is: rows keep the batch's order.
    inserted[i].written = !fallen_back;
    if (fallen_back) continue;
    sdk::Result<RowValues> row = BuildEntityRow(references_, *records[i], RowPurpose::kInsert);
    if (!row.ok() && row.status().code() != sdk::StatusCode::kNotFound) return row.status();
    inserted[i].written = row.ok() && Plain(*row) && (shape == nullptr || row->columns == shape->columns);
    fallen_back = !inserted[i].written;
    if (!inserted[i].written) continue;
    rows[i] = std::move(row).value();
    if (shape == nullptr) shape = &rows[i];
    ++count;
  }
  if (count == 0) return inserted;
  sdk::Result<std::vector<std::int64_t>> row_ids = AllocateIds(connection_, entity.table, count);
  if (!row_ids.ok()) return row_ids.status();
  sdk::Result<std::vector<std::int64_t>> link_ids = AllocateIds(connection_, "source_links", count);
  if (!link_ids.ok()) return link_ids.status();
  if (row_ids->size() != count || link_ids->size() != count) {
    return sdk::Status::Internal("reserved fewer ids than the " + std::to_string(count) + " asked for");
  }

  odbc::BatchSpec main{std::string(entity.table), {"id"}, "", 0};
  for (std::string_view column : shape->columns) main.columns.emplace_back(column);
  std::vector<std::vector<Value>> main_rows, link_rows, event_rows;
  std::size_t next = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!inserted[i].written) continue;
    const model::MappedRecord& record = *records[i];
    InsertedParty& done = inserted[i];
    done.party_id = (*row_ids)[next];
    done.link_id = (*link_ids)[next];
    ++next;
    done.content_hash = LinkHash(ContentHash(record), rows[i]);
    std::vector<Value> values{Value::Int64(done.party_id)};
    for (Value& value : rows[i].values) values.push_back(std::move(value));
    main_rows.push_back(std::move(values));
    link_rows.push_back({Value::Int64(done.link_id), Value::String(record.source_system),
                         Value::String(std::string(entity.name)), Value::String(record.source_id),
                         Value::Int64(done.party_id), Value::String(done.content_hash)});
    event_rows.push_back({Value::String(std::string(entity.name)), Value::String(std::to_string(done.party_id)),
                          Value::String(std::string(entity.name) + ".created"),
                          Value::String(MappedRecordJson(record))});
  }
  HUB_RETURN_IF_ERROR(InsertRows(connection_, std::move(main), main_rows));
  HUB_RETURN_IF_ERROR(InsertRows(
      connection_, {"source_links", {"id", "source_system", "entity", "source_id", "record_id", "content_hash"}, "", 0},
      link_rows));
  HUB_RETURN_IF_ERROR(
      InsertRows(connection_, {"outbox_events", {"aggregate", "aggregate_id", "kind", "payload"}, "", 0}, event_rows));
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!inserted[i].written) continue;
    links_.Remember(*records[i],
                    SourceLink{inserted[i].link_id, inserted[i].party_id, inserted[i].content_hash, false});
  }
  HUB_RETURN_IF_ERROR(FillAllTextReferences(connection_, entity));
  return inserted;
}

}  // namespace hub::store_model
