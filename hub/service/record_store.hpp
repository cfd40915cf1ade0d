// Storing one record posted to the API through the model layer, as a sync batch stores a record: the same
// writer (RecordWriter), so a posted call or lead is linked, checked and followed up exactly as one a
// connector reads.
#ifndef HUB_SERVICE_RECORD_STORE_HPP_
#define HUB_SERVICE_RECORD_STORE_HPP_

#include <cstdint>
#include <functional>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/party_writer.hpp"
#include "store/model/write_rules.hpp"

namespace hub::service {

// What storing one record did: the write's outcome (kInserted for a new record, kUpdated or kUnchanged for
// one posted before) and its row's id.
struct StoredRecord {
  store_model::WriteOutcome outcome = store_model::WriteOutcome::kUnchanged;
  std::int64_t row_id = 0;
};

// The outcome as the API answers it: "inserted", "updated" (a merge too) or "unchanged".
std::string_view OutcomeName(store_model::WriteOutcome outcome);

// Writes `record` in one transaction of its own on `connection`: the outbox writers' turn, the turn of the
// record's source system (so two posts of one record at once make one row), the write by `rules` (the
// configured ones: a new lead's classification), then `before_commit` with the row's id (to read what the store
// made of it in the same transaction; may be empty), and the commit. Threads: as the connection. Errors: the
// writer's (the record's own faults NotFound, InvalidArgument and DataError: store_fault.hpp), before_commit's
// and the driver's; nothing is committed then.
sdk::Result<StoredRecord> StoreRecord(odbc::Connection& connection, const model::MappedRecord& record,
                                      const store_model::WriteRules& rules,
                                      const std::function<sdk::Status(std::int64_t row_id)>& before_commit = {});

}  // namespace hub::service

#endif  // HUB_SERVICE_RECORD_STORE_HPP_
