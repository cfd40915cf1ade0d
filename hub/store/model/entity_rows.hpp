// The main-table row a mapped record of a generic entity writes, built once here so that the per-record path
// (EntityWriter) and the bulk path (BulkEntityWriter) store exactly the same columns, defaults, references and
// normal forms.
#ifndef HUB_STORE_MODEL_ENTITY_ROWS_HPP_
#define HUB_STORE_MODEL_ENTITY_ROWS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/references.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {

// What a null value does to the row: kInsert writes the field's declared default, the value the store
// computes (a timestamp: now), or NULL; kUpdate writes the declared default or NULL (a value the store
// computes stays); kMerge (a record for a row another source shares) leaves the stored value. Every
// mapped column is in the row whatever its value, so that a mapping's writes share one statement.
enum class RowPurpose { kInsert, kUpdate, kMerge };

// The columns of `record`'s main-table row for `purpose` (EntityColumns' plan), each with the expression its
// value goes through ("?" unless a null keeps or computes something): values with their declared defaults,
// JSON objects, normal forms (a phone number without one flagged in quality_issues), and each reference
// resolved through `references` to the id of the row it names; a reference whose text is kept too leaves
// the id null when it names nothing (unresolved_text_reference). Errors: NotFound (MissingReference) for a
// reference no stored row answers; as References::ResolveField.
sdk::Result<RowValues> BuildEntityRow(References& references, const model::MappedRecord& record, RowPurpose purpose);

// Appended to the content hash kept on a link whose row has a text reference that named no stored row (an
// order line's unknown sku): the next read of the same record then differs from it, so the reference is
// looked up again and stored once it names a row.
inline constexpr std::string_view kUnresolvedMark = "+unresolved";

// The hash a link keeps for `row` built from a record of content hash `hash` (kUnresolvedMark appended when
// a text reference named nothing).
std::string LinkHash(const std::string& hash, const RowValues& row);

// True when `row` goes into a multi-row INSERT as it is: every value plain ("?": no null the store keeps
// or computes), nothing flagged (no data_quality row to write beside it).
bool InsertsAsIs(const RowValues& row);

// The rows new records of one generic entity write, table by table, each row's values in its spec's
// columns: the main-table rows led by their reserved id (`main`: the entity's table, "id", then the columns
// every row has), their source links and their "<entity>.created" events. Built by AppendNewEntityRows;
// the bulk path (BulkEntityWriter) and the benchmark of the raw insert of the same rows send them with
// InsertNewEntityRows (bulk_entity_writer.hpp).
struct NewEntityRows {
  odbc::BatchSpec main;
  std::vector<std::vector<sdk::Value>> main_rows;
  std::vector<std::vector<sdk::Value>> link_rows;
  std::vector<std::vector<sdk::Value>> event_rows;
};

// No rows yet, for records of `entity` whose rows have the columns of `shape` (BuildEntityRow's).
NewEntityRows NoNewEntityRows(const model::EntitySpec& entity, const RowValues& shape);

// The source_links and outbox_events specs of NewEntityRows' link and event rows.
const odbc::BatchSpec& NewEntityLinkSpec();
const odbc::BatchSpec& NewEntityEventSpec();

// Appends to `rows` what new record `record` writes — exactly what EntityWriter stores for a record without
// a link: `row` (BuildEntityRow for kInsert, InsertsAsIs, with the columns rows.main was made for) as the row
// of id `row_id`, its source link of id `link_id` keeping `content_hash` (LinkHash), and its created event.
void AppendNewEntityRows(const model::MappedRecord& record, RowValues row, std::int64_t row_id, std::int64_t link_id,
                         const std::string& content_hash, NewEntityRows& rows);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_ROWS_HPP_
