#include "service/call_store.hpp"

#include "service/record_store.hpp"

namespace hub::service {

sdk::Result<StoredCall> StoreCall(odbc::Connection& connection, const model::MappedRecord& record,
                                  const store_model::WriteRules& rules) {
  StoredCall stored;
  sdk::Result<StoredRecord> written = StoreRecord(connection, record, rules, [&](std::int64_t activity_id) {
    sdk::Result<store_model::ActivityFollowUpIds> follow_ups =
        store_model::ReadActivityFollowUps(connection, activity_id);
    if (!follow_ups.ok()) return follow_ups.status();
    stored.follow_ups = std::move(follow_ups).value();
    return sdk::Status::Ok();
  });
  if (!written.ok()) return written.status();
  stored.outcome = written->outcome;
  stored.activity_id = written->row_id;
  return stored;
}

}  // namespace hub::service
