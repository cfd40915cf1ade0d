// The bulk path of a batch's new records of any entity: parties through BulkPartyWriter, other entities
// through BulkEntityWriter, entity by entity.
#ifndef HUB_STORE_MODEL_BULK_RECORD_WRITER_HPP_
#define HUB_STORE_MODEL_BULK_RECORD_WRITER_HPP_

#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/bulk_entity_writer.hpp"
#include "store/model/bulk_party_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Inserts new records (upserts whose link does not exist, one per link, of entities whose behaviour
// InsertsInBulk) in bulk, inside the caller's transaction. Records of several entities are written entity by
// entity, in the order each entity first appears, so that a record may refer to one of an earlier entity in
// the same call (an invoice line to its invoice). Threads, lifetime and errors: as BulkPartyWriter and
// BulkEntityWriter.
class BulkRecordWriter {
 public:
  BulkRecordWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn)
      : parties_(connection, links, turn), entities_(connection, links, turn) {}

  // What was written for each of `records`, in the same order (party_id: the row's id in its main table).
  sdk::Result<std::vector<InsertedParty>> Insert(const std::vector<const model::MappedRecord*>& records);

 private:
  BulkPartyWriter parties_;
  BulkEntityWriter entities_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_BULK_RECORD_WRITER_HPP_
