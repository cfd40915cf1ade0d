// The quarantine of one batch: records kept aside with their reason, and, when a later read stores a record
// that was kept aside before, that quarantine entry marked resolved.
#ifndef HUB_SYNC_QUARANTINE_BOOK_HPP_
#define HUB_SYNC_QUARANTINE_BOOK_HPP_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/connection.hpp"
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

  // Keeps `record` (read from `source_system`) aside with `reason`; `mapped` is its mapped form, or
  // nullptr when it has none. Errors: the driver's Status, with the record's position.
  sdk::Status Put(const sdk::Record& record, const std::string& source_system, const mapping::MappedRecord* mapped,
                  const std::string& reason);

  // Notes that `mapped` was stored by this batch.
  void NoteStored(const mapping::MappedRecord& mapped);

  // Marks resolved every open entry for a record noted stored. Costs one query per source system when no
  // entry of that system is open. Errors: the driver's Status.
  sdk::Status ResolveStored();

 private:
  odbc::Connection& connection_;
  std::string job_;
  // source system → entity → source ids stored by the batch
  std::map<std::string, std::map<std::string, std::vector<std::string>>> stored_;
};

}  // namespace hub::sync

#endif  // HUB_SYNC_QUARANTINE_BOOK_HPP_
