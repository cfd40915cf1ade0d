// Stores mapped records of every entity the registry gives the generic writer (entity_behaviour.hpp: all but
// `party`) with SQL built from the model catalog (EntityColumns), plus the entity's registered extension for
// what it keeps outside its main table.
#ifndef HUB_STORE_MODEL_ENTITY_WRITER_HPP_
#define HUB_STORE_MODEL_ENTITY_WRITER_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "model/mapped_record.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/party_writer.hpp"
#include "store/model/references.hpp"
#include "store/model/source_links.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Writes records of the generic writer's entities on one connection, inside the caller's transaction (nothing
// here commits).
//
// A record is identified by its source link (source_system, entity, source_id); the link's record_id is
// the row id in the entity's main table. Each field lands as EntityColumns plans it: its own column (with
// the normalized form beside it where the schema keeps one, JSON text as an object; a phone number with no
// E.164 form leaves it null and raises a data-quality flag on the link, cleared by the link's next update
// without it, see data_quality.hpp), or, for a reference,
// the id of the row it names (References); a reference no stored row answers makes the record NotFound
// ("refers to party 'C-9' (party_source_id), which is not in the store"), except where the
// text is kept too (an unknown sku leaves product_id null). A null value takes the field's declared
// default.
//
// Unknown link: when the entity has a natural key (employee number, code, sku) and a row with that key
// exists, the link points at that row and the row is updated with the record's non-null values (kMerged:
// two sources, one row; what one source does not know never erases what another stored, on this write
// and on every later update of a row that more than one live link shares); otherwise a
// row is inserted with the record's non-null columns. Then the link with the content hash, the
// extension's rows, and an "<entity>.created" (or ".updated") event. Known, live, same hash: nothing is
// written (kUnchanged). Known with another hash (or deleted before): every mapped column is set (the
// timestamp the store computes is kept when null), updated_at too when the entity has it
// (EntitySpec::has_updated_at), the link's hash moves and it is live again, and an "<entity>.updated"
// event is written; when the update moves a column the entity registers a change event for (an employee's
// status), that event follows (column_change.hpp). A new link lets the rows that named the record by its
// source id as text only point at it (text_references.hpp). A delete marks the link deleted and writes
// "<entity>.deleted"; the row stays. Statements go through the connection's statement cache; values are bound, table
// and column names come from the catalog only.
//
// Threads: as the connection. Errors: NotFound or InvalidArgument for the record's own fault (see
// EntityExtension); Internal for the hub's own (a record of an entity with a writer of its own); the driver's Status;
// the caller rolls back to its savepoint and forgets the link.
class EntityWriter {
 public:
  // `links` is the batch's SourceLinks on the same connection; it must outlive the writer. The writer
  // appends to outbox_events: the transaction holds the outbox writers' turn, taken on the same connection.
  // `rules` (outliving the writer too) are what the extensions apply: a new lead's classification.
  EntityWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn,
               const WriteRules& rules = DefaultWriteRules());
  ~EntityWriter();

  sdk::Result<WriteOutcome> Write(const model::MappedRecord& record);

 private:
  sdk::Result<std::optional<std::int64_t>> ExistingByNaturalKey(const model::MappedRecord& record);
  sdk::Result<WriteOutcome> Insert(const model::MappedRecord& record, const std::string& hash);
  sdk::Result<WriteOutcome> Update(const model::MappedRecord& record, const SourceLink& link, const std::string& hash);
  sdk::Status UpdateRow(const model::MappedRecord& record, std::int64_t row_id, const RowValues& row);
  // True when another live source link (of a natural-key entity) stands for `link`'s row.
  sdk::Result<bool> SharedWithAnotherSource(const model::MappedRecord& record, const SourceLink& link);
  sdk::Result<WriteOutcome> Delete(const model::MappedRecord& record, const SourceLink& link);
  sdk::Status AddEvent(const model::MappedRecord& record, std::int64_t record_id, std::string_view change);
  EntityExtension* ExtensionFor(const model::EntitySpec& entity);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;  // the transaction's; the writer lives within it
  const WriteRules& rules_;
  SourceLinks& links_;
  References references_;
  std::map<std::string_view, std::unique_ptr<EntityExtension>> extensions_;  // by entity name
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_WRITER_HPP_
