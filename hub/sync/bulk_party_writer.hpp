// Inserts many new `party` records at once: ids reserved up front, every table's rows sent as multi-row
// INSERTs, the same rows the per-record PartyWriter writes (both build them with party_rows.hpp).
#ifndef HUB_SYNC_BULK_PARTY_WRITER_HPP_
#define HUB_SYNC_BULK_PARTY_WRITER_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/sdk/status.hpp"
#include "store/odbc/batch_writer.hpp"
#include "store/odbc/connection.hpp"
#include "sync/mapping/compiled_mapping.hpp"
#include "sync/party_rows.hpp"

namespace hub::sync {

// What Insert wrote for one record.
struct InsertedParty {
  std::int64_t party_id = 0;
  std::int64_t link_id = 0;
  std::string content_hash;
};

// Writes new party records on one connection, inside the caller's transaction (nothing here commits).
//
// For each record: the party row, its source link with the content hash, its channels and a
// "party.created" event — exactly what PartyWriter::Write stores for a record without a link — but with
// ids reserved by AllocateIds and one statement per few hundred rows of a table, table by table in
// foreign-key order. The records must be upserts whose link does not exist, one record per link.
//
// Threads: as the connection. Lifetime: must not outlive the connection; keeps its prepared statements
// between calls. Errors: the driver's Status (a constraint or check violation, a lost connection); some
// rows may then be written: the caller rolls back to a savepoint taken before the call, and the rows
// still buffered are dropped here.
class BulkPartyWriter {
 public:
  explicit BulkPartyWriter(odbc::Connection& connection) : connection_(connection) {}

  // Inserts `records` and returns, in the same order, what was written for each.
  sdk::Result<std::vector<InsertedParty>> Insert(const std::vector<const mapping::MappedRecord*>& records);

 private:
  sdk::Result<std::vector<InsertedParty>> Allocate(std::size_t count);
  // Every record's rows, bucketed by table; parties and source_links lead with their reserved id.
  static PartyTableRows BuildRows(const std::vector<const mapping::MappedRecord*>& records,
                                  std::vector<InsertedParty>& inserted);
  sdk::Status WriteTable(PartyTable table, std::vector<std::vector<sdk::Value>>& rows);
  sdk::Result<odbc::BatchWriter*> WriterFor(PartyTable table);

  odbc::Connection& connection_;
  std::array<std::optional<odbc::BatchWriter>, kPartyTableCount> writers_;  // created on first use
};

}  // namespace hub::sync

#endif  // HUB_SYNC_BULK_PARTY_WRITER_HPP_
