// Storing one call event's activity through the model layer, as a sync batch stores a record: the same
// writer (RecordWriter), so the activity is linked to its party and makes its callback task or lead
// candidate exactly as a CDR read by the call_center connector does.
#ifndef HUB_SERVICE_CALL_STORE_HPP_
#define HUB_SERVICE_CALL_STORE_HPP_

#include <cstdint>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/activity_follow_ups.hpp"
#include "store/model/party_writer.hpp"
#include "store/model/write_rules.hpp"

namespace hub::service {

// What storing a call did: the write's outcome (kInserted for a new call, kUpdated or kUnchanged for one
// posted before), the activity's id and what the store made of it.
struct StoredCall {
  store_model::WriteOutcome outcome = store_model::WriteOutcome::kUnchanged;
  std::int64_t activity_id = 0;
  store_model::ActivityFollowUpIds follow_ups;
};

// Writes `record` (an activity upsert, ReadCallEvent's) in one transaction of its own on `connection`: the
// outbox writers' turn, the turn of the record's source system (so two posts of one call at once make one
// activity), the write by `rules` (StoreRecord), then the read of its follow-ups, and the commit. Threads: as the
// connection. Errors: the writer's (the record's own faults NotFound, InvalidArgument and DataError: store_fault.hpp)
// and the driver's; nothing is committed then.
sdk::Result<StoredCall> StoreCall(odbc::Connection& connection, const model::MappedRecord& record,
                                  const store_model::WriteRules& rules);

}  // namespace hub::service

#endif  // HUB_SERVICE_CALL_STORE_HPP_
