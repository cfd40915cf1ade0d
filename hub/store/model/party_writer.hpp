// Stores mapped `party` records in the unified model: the party row, its identifiers, phones, e-mail
// addresses, web site and address, its source link with the content hash, and a change event.
#ifndef HUB_STORE_MODEL_PARTY_WRITER_HPP_
#define HUB_STORE_MODEL_PARTY_WRITER_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/references.hpp"
#include "store/model/source_links.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// What writing one record did. kMerged: a new source record linked to a row another source stored.
enum class WriteOutcome { kInserted, kUpdated, kMerged, kUnchanged, kDeleted };

// Writes party records on one connection, inside the caller's transaction (nothing here commits).
//
// A record is identified by its source link (source_system, "party", source_id). Unknown: a new party
// with its channels, the link, and a "party.created" event — unless the record is the same customer as a
// stored party (party_same_as.hpp: its same_as_source_id names that party's record, or that party's record
// names it): then its link and channels join that party, whose row takes the record's non-null values, and a
// "party.updated" event is written (kMerged). Either way, rows that named the record by its source id as
// text only now point at the party (text_references.hpp). Known with the same content hash: nothing is
// written (kUnchanged). Known with another hash: the party row is updated (only with the record's non-null
// values when another live link shares the party), the link's same_as moves with the record, the channels
// that came from this link are replaced, the link's hash and last_seen_at move, and a "party.updated" event is written.
// A delete marks the link deleted and writes "party.deleted"; the party stays (other sources may know it). The owner
// (owner_employee_number) becomes the employee's id; an owner no stored employee has is NotFound. Threads: as the
// connection. Errors: NotFound for an unknown owner; the driver's Status; the caller rolls back to its savepoint.
class PartyWriter {
 public:
  // `links` is the batch's SourceLinks on the same connection; it must outlive the writer. The writer
  // appends to outbox_events: the transaction holds the outbox writers' turn, taken on the same connection.
  PartyWriter(odbc::Connection& connection, SourceLinks& links, const odbc::OutboxTurn& /*turn*/)
      : connection_(connection), links_(links), references_(connection, links) {}

  sdk::Result<WriteOutcome> Write(const model::MappedRecord& record);

 private:
  // Runs `sql` through this connection's statement cache: the same statements run for every record.
  sdk::Result<std::int64_t> Exec(std::string_view sql, const std::vector<sdk::Value>& params);
  sdk::Result<std::int64_t> InsertParty(const model::MappedRecord& record, const sdk::Value& owner);
  // A record whose link is known and whose hash moved.
  sdk::Result<WriteOutcome> Update(const model::MappedRecord& record, const SourceLink& link, const std::string& hash,
                                   const sdk::Value& owner);
  // True when another live source link stands for `link`'s party (a same_as join).
  sdk::Result<bool> SharedWithAnotherSource(const SourceLink& link);
  // `keep_stored`: a null value leaves the stored one (a row another source's record stands for too).
  sdk::Status UpdateParty(std::int64_t party_id, const model::MappedRecord& record, const sdk::Value& owner,
                          bool keep_stored);
  // Removes what this source link contributed before, then AddChannels.
  sdk::Status ReplaceChannels(std::int64_t party_id, std::int64_t link_id, const model::MappedRecord& record);
  // Identifiers, phones, e-mail, web site, address and data-quality flags of the record (ChannelRows),
  // tagged with its link.
  sdk::Status AddChannels(std::int64_t party_id, std::int64_t link_id, const model::MappedRecord& record);
  sdk::Status AddEvent(std::int64_t party_id, std::string_view kind, const model::MappedRecord& record);

  odbc::Connection& connection_;
  SourceLinks& links_;
  References references_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_WRITER_HPP_
