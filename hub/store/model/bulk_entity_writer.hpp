// Inserts many new records of one generic entity at once (invoices, invoice lines, receivables, payments...):
// ids reserved up front and the main-table rows, source links and events sent as multi-row INSERTs (the
// parties' BatchWriter path), the same rows the per-record EntityWriter writes (both build them with
// entity_rows.hpp).
#ifndef HUB_STORE_MODEL_BULK_ENTITY_WRITER_HPP_
#define HUB_STORE_MODEL_BULK_ENTITY_WRITER_HPP_

#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "model/mapped_record.hpp"
#include "store/model/bulk_party_writer.hpp"
#include "store/model/entity_rows.hpp"
#include "store/model/references.hpp"
#include "store/model/source_links.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Writes new records of one entity on one connection, inside the caller's transaction (nothing here commits).
//
// For each record: the row, its source link with the content hash and an "<entity>.created" event — what
// EntityWriter::Write stores for a record without a link — with one statement per few hundred rows of a
// table. The references of the records are looked up together first (SourceLinks::Prefetch). A record is
// left to the per-record path (InsertedParty::written false) when that path does more than insert a row: its
// entity has a natural key, an extension or a column-change event, a reference names nothing (it may wait as
// pending), a value has no normal form (a data-quality flag), or a null stands for a value the store
// computes — and so is every record after it, so that row ids follow the records' order. The records must be upserts of
// one entity whose link does not exist, one record per link. Each link written is remembered in `links`.
//
// Threads: as the connection. Lifetime: one transaction (it keeps `links` and `turn`). Errors: the driver's
// Status (a constraint or check violation, a lost connection); some rows may then be written: the caller
// rolls back to a savepoint taken before the call.
class BulkEntityWriter {
 public:
  BulkEntityWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn)
      : connection_(connection), links_(links), references_(connection, links), turn_(turn) {}

  // Inserts `records` and returns, in the same order, what was written for each (party_id: the row's id).
  sdk::Result<std::vector<InsertedParty>> Insert(const std::vector<const model::MappedRecord*>& records);

 private:
  odbc::Connection& connection_;
  SourceLinks& links_;
  References references_;
  const odbc::OutboxTurn& turn_;
};

// True when the generic writer does nothing for a new record of `entity` but insert its row, link and event
// (no extension, no column-change event, no natural key): only then does BulkEntityWriter take its records.
bool InsertsAloneInBulk(const model::EntitySpec& entity);

// Inserts `rows` (as AppendNewEntityRows builds them): the main table's, then the source links', then the
// events', each table with one BatchWriter (multi-row statements, prepared once per connection), inside the
// caller's transaction, which holds the outbox writers' turn (`turn`, taken on the same connection). Consumes
// the rows. Errors: the driver's Status; rows may then be partly written (the caller rolls back to a savepoint).
sdk::Status InsertNewEntityRows(odbc::Connection& connection, NewEntityRows& rows, const odbc::OutboxTurn& turn);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_BULK_ENTITY_WRITER_HPP_
