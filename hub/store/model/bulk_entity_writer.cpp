#include "store/model/bulk_entity_writer.hpp"

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

// Sends `rows` into `spec` with one BatchWriter.
sdk::Status InsertRows(odbc::Connection& connection, const odbc::BatchSpec& spec,
                       std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return sdk::Status::Ok();
  sdk::Result<odbc::BatchWriter> writer = odbc::BatchWriter::Create(connection, spec);
  if (!writer.ok()) return writer.status();
  for (std::vector<Value>& row : rows) HUB_RETURN_IF_ERROR(writer->Add(std::move(row)));
  return writer->Flush();
}

}  // namespace

bool InsertsAloneInBulk(const model::EntitySpec& entity) {
  const EntityBehaviour& behaviour = BehaviourOf(entity);
  return behaviour.writer == WriterKind::kGeneric && behaviour.extension == nullptr &&
         behaviour.column_change.field.empty() && entity.natural_key.empty();
}

sdk::Status InsertNewEntityRows(odbc::Connection& connection, NewEntityRows& rows, const odbc::OutboxTurn& /*turn*/) {
  HUB_RETURN_IF_ERROR(InsertRows(connection, rows.main, rows.main_rows));
  HUB_RETURN_IF_ERROR(InsertRows(connection, NewEntityLinkSpec(), rows.link_rows));
  return InsertRows(connection, NewEntityEventSpec(), rows.event_rows);
}

sdk::Result<std::vector<InsertedParty>> BulkEntityWriter::Insert(
    const std::vector<const model::MappedRecord*>& records) {
  std::vector<InsertedParty> inserted(records.size());
  if (records.empty()) return inserted;
  const model::EntitySpec& entity = *records.front()->entity;
  if (!InsertsAloneInBulk(entity)) {
    for (InsertedParty& record : inserted) record.written = false;
    return inserted;
  }
  HUB_RETURN_IF_ERROR(references_.PrefetchLinks(records));
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
    inserted[i].written = row.ok() && InsertsAsIs(*row) && (shape == nullptr || row->columns == shape->columns);
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

  NewEntityRows table_rows = NoNewEntityRows(entity, *shape);
  std::size_t next = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!inserted[i].written) continue;
    InsertedParty& done = inserted[i];
    done.party_id = (*row_ids)[next];
    done.link_id = (*link_ids)[next];
    ++next;
    done.content_hash = LinkHash(ContentHash(*records[i]), rows[i]);
    AppendNewEntityRows(*records[i], std::move(rows[i]), done.party_id, done.link_id, done.content_hash, table_rows);
  }
  HUB_RETURN_IF_ERROR(InsertNewEntityRows(connection_, table_rows, turn_));
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!inserted[i].written) continue;
    links_.Remember(*records[i],
                    SourceLink{inserted[i].link_id, inserted[i].party_id, inserted[i].content_hash, false});
  }
  HUB_RETURN_IF_ERROR(FillAllTextReferences(connection_, entity));
  return inserted;
}

}  // namespace hub::store_model
