// Inserts many new `party` records at once: ids reserved up front, every table's rows sent as multi-row
// INSERTs, the same rows the per-record PartyWriter writes (both build them with party_rows.hpp).
#ifndef HUB_STORE_MODEL_BULK_PARTY_WRITER_HPP_
#define HUB_STORE_MODEL_BULK_PARTY_WRITER_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/party_rows.hpp"
#include "store/model/references.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// What Insert wrote for one record.
struct InsertedParty {
  std::int64_t party_id = 0;
  std::int64_t link_id = 0;
  std::string content_hash;
  bool written = true;  // false: left out (its owner is no stored employee, or it joins a stored or fellow
                        // record's party through same_as): the per-record path decides
};

// Writes new party records on one connection, inside the caller's transaction (nothing here commits).
//
// For each record: the party row, its source link with the content hash, its channels and a
// "party.created" event — exactly what PartyWriter::Write stores for a record without a link — but with
// ids reserved by AllocateIds and one statement per few hundred rows of a table, table by table in
// foreign-key order, then the rows that named the new parties by source id as text only point at them
// (text_references.hpp). The records must be upserts whose link does not exist, one record per link.
//
// Threads: as the connection. Lifetime: must not outlive the connection (its statements stay cached on
// the connection). Errors: the driver's Status (a constraint or check violation, a lost connection); some
// rows may then be written: the caller rolls back to a savepoint taken before the call.
class BulkPartyWriter {
 public:
  // `links` is the batch's SourceLinks on the same connection; it must outlive the writer. The writer
  // appends to outbox_events: `turn` is the transaction's outbox writers' turn, taken on the same
  // connection; it must outlive the writer.
  BulkPartyWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& turn)
      : connection_(connection), links_(links), references_(connection, links), turn_(turn) {}

  // Inserts `records` and returns, in the same order, what was written for each.
  sdk::Result<std::vector<InsertedParty>> Insert(const std::vector<const model::MappedRecord*>& records);

 private:
  sdk::Result<std::vector<InsertedParty>> Allocate(std::size_t count);
  // Marks not written the records that are the same customer as a stored party or as another record of the
  // group (party_same_as.hpp): the per-record path joins them to it.
  sdk::Status LeaveJoinsOut(const std::vector<const model::MappedRecord*>& records,
                            std::vector<InsertedParty>& inserted);
  // Every record's rows, bucketed by table; parties and source_links lead with their reserved id. A
  // record whose owner is no stored employee is left out (InsertedParty::written false).
  sdk::Result<PartyTableRows> BuildRows(const std::vector<const model::MappedRecord*>& records,
                                        std::vector<InsertedParty>& inserted);

  odbc::Connection& connection_;
  SourceLinks& links_;
  References references_;
  const odbc::OutboxTurn& turn_;
};

// Inserts `rows` (as AppendNewPartyRows builds them), table by table in foreign-key order, each table
// with one BatchWriter (multi-row statements, prepared once per connection), inside the caller's
// transaction, which holds the outbox writers' turn (`turn`, taken on the same connection: the rows include
// outbox_events). Consumes the rows. Errors: the driver's Status; rows may then be partly written (the caller
// rolls back to a savepoint).
sdk::Status InsertPartyRows(odbc::Connection& connection, PartyTableRows& rows, const odbc::OutboxTurn& turn);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_BULK_PARTY_WRITER_HPP_
