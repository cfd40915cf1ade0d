// Stores mapped `party` records in the unified model: the party row, its identifiers, phones, e-mail
// addresses, web site and address, its source link with the content hash, and a change event.
#ifndef HUB_SYNC_PARTY_WRITER_HPP_
#define HUB_SYNC_PARTY_WRITER_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hub/sdk/status.hpp"
#include "store/odbc/connection.hpp"
#include "store/odbc/statement.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync {

// What writing one record did.
enum class WriteOutcome { kInserted, kUpdated, kUnchanged, kDeleted };

// Writes party records on one connection, inside the caller's transaction (nothing here commits).
//
// A record is identified by its source link (source_system, "party", source_id). Unknown: a new party
// with its channels, the link, and a "party.created" event. Known with the same content hash: nothing is
// written (kUnchanged). Known with another hash: the party row is updated, the channels that came from this
// link are replaced, the link's hash and last_seen_at move, and a "party.updated" event is written. A
// delete marks the link deleted and writes "party.deleted"; the party stays (other sources may know it).
// Threads: as the connection. Errors: the driver's Status; the caller rolls back to its savepoint.
class PartyWriter {
 public:
  explicit PartyWriter(odbc::Connection& connection) : connection_(connection) {}

  sdk::Result<WriteOutcome> Write(const mapping::MappedRecord& record);

  // Looks up the source links of `source_ids` (all of `source_system`) with one query per few hundred
  // and remembers them, found or not, so that Unchanged and Write ask nothing more for these records.
  sdk::Status Prefetch(std::string_view source_system, const std::vector<std::string>& source_ids);

  // True when writing `record` would change nothing: its link is live and has the same content hash.
  sdk::Result<bool> Unchanged(const mapping::MappedRecord& record);

  // Forgets what is known of `record`'s link: call it after rolling back a Write of it.
  void Forget(const mapping::MappedRecord& record);

  // True when a Prefetch or a Write of this transaction found that `record` has no source link yet.
  bool KnownAbsent(const mapping::MappedRecord& record) const;

  // Records that `record`'s link was written elsewhere in this transaction (by BulkPartyWriter), live,
  // with `content_hash`: later records of the same link are then updates or unchanged.
  void Remember(const mapping::MappedRecord& record, std::int64_t link_id, std::int64_t party_id,
                std::string content_hash);

 private:
  struct Link {
    std::int64_t id = 0;
    std::int64_t party_id = 0;
    std::string content_hash;
    bool deleted = false;
  };

  // Runs `sql` through this connection's statement cache: the same statements run for every record.
  sdk::Result<std::int64_t> Exec(std::string_view sql, const std::vector<sdk::Value>& params);
  sdk::Result<std::vector<odbc::Row>> QueryRows(std::string_view sql, const std::vector<sdk::Value>& params);
  sdk::Result<std::optional<Link>> FindLink(const mapping::MappedRecord& record);
  sdk::Result<std::int64_t> InsertParty(const mapping::MappedRecord& record);
  sdk::Status UpdateParty(std::int64_t party_id, const mapping::MappedRecord& record);
  // Removes what this source link contributed before, then AddChannels.
  sdk::Status ReplaceChannels(std::int64_t party_id, std::int64_t link_id, const mapping::MappedRecord& record);
  // Identifiers, phones, e-mail, web site and address of the record (ChannelRows), tagged with its link.
  sdk::Status AddChannels(std::int64_t party_id, std::int64_t link_id, const mapping::MappedRecord& record);
  sdk::Status AddEvent(std::int64_t party_id, std::string_view kind, const mapping::MappedRecord& record);

  using LinkKey = std::pair<std::string, std::string>;  // (source_system, source_id)
  static LinkKey KeyOf(const mapping::MappedRecord& record) { return {record.source_system, record.source_id}; }

  odbc::Connection& connection_;
  std::map<LinkKey, std::optional<Link>> known_;  // links looked up or written in this transaction
};

}  // namespace hub::sync

#endif  // HUB_SYNC_PARTY_WRITER_HPP_
