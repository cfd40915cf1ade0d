// The quarantine of one batch: records kept aside with their reason, and, when a later read stores a record
// that was kept aside before, that quarantine entry marked resolved.
#ifndef HUB_SYNC_QUARANTINE_BOOK_HPP_
#define HUB_SYNC_QUARANTINE_BOOK_HPP_

#include <compare>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync {

// Writes the `quarantine` table on one connection, inside the batch's transaction (nothing here commits).
// An entry names the record as the model knows it when the mapping got that far (mapped entity and source
// id), else as the connector read it, so that a later read storing the same record finds the entry:
// ResolveStored marks it resolved ("stored by job <job> on a later read") instead of leaving operators a
// problem that no longer exists. Threads: as the connection. Lifetime: one batch.
class QuarantineBook {
 public:
  QuarantineBook(odbc::Connection& connection, std::string_view job) : connection_(connection), job_(job) {}

  // The identity an entry is kept under: the model's entity and the record's id as the mapping reads them
  // (the connector's when the record was not mapped that far).
  struct Identity {
    std::string source_system;
    std::string entity;
    std::string source_id;
    auto operator<=>(const Identity&) const = default;
  };

  // Keeps `record` aside under `identity` with `reason`. Errors: the driver's Status, with the position.
  sdk::Status Put(const sdk::Record& record, const Identity& identity, const std::string& reason);

  // Notes that `mapped` was stored by this batch (inserted, updated, merged or deleted).
  void NoteStored(const mapping::MappedRecord& mapped);

  // Marks resolved every open entry of a record whose last copy in this batch was stored (not one whose
  // last copy was quarantined again). Costs one query per source system when no entry of that system is
  // open. Errors: the driver's Status.
  sdk::Status ResolveStored();

 private:
  // Marks resolved the open entries of `source_ids` (of `entity` in `system`).
  sdk::Status Resolve(const std::string& system, const std::string& entity, const std::vector<std::string>& source_ids);

  odbc::Connection& connection_;
  std::string job_;
  std::set<Identity> stored_;  // records whose last copy in the batch was stored
};

}  // namespace hub::sync

#endif  // HUB_SYNC_QUARANTINE_BOOK_HPP_
