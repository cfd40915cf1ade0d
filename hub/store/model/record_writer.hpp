// Stores one mapped record of any entity with the writer its entity registers (entity_behaviour.hpp): the
// model layer's entry point for writing a record, for the sync sink and the engines that come next.
#ifndef HUB_STORE_MODEL_RECORD_WRITER_HPP_
#define HUB_STORE_MODEL_RECORD_WRITER_HPP_

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/entity_writer.hpp"
#include "store/model/party_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Writes records of every entity on one connection, inside the caller's transaction (nothing here
// commits): PartyWriter or EntityWriter, as BehaviourOf(entity) says. Threads: as the connection.
// Lifetime: one transaction; `links` (the batch's SourceLinks on the same connection) outlives it. Every
// record written appends to outbox_events, so the writer needs the transaction's outbox writers' turn
// (`turn`, taken on the same connection; engines writing the model get theirs from TakeOutboxWriterTurn).
// `rules`, which outlive the writer too, are the configured rules the entities' extensions apply (a new lead's
// classification); the defaults for a caller without a configuration.
class RecordWriter {
 public:
  RecordWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn,
               const WriteRules& rules = DefaultWriteRules())
      : parties_(connection, links, turn), entities_(connection, links, turn, rules) {}

  // What the entity's writer did with `record`. Errors: as PartyWriter::Write and EntityWriter::Write (the
  // record's own faults NotFound, InvalidArgument and DataError; anything else is not the record's fault).
  sdk::Result<WriteOutcome> Write(const model::MappedRecord& record);

 private:
  PartyWriter parties_;
  EntityWriter entities_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_RECORD_WRITER_HPP_
