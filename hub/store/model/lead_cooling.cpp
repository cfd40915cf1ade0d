#include "store/model/lead_cooling.hpp"

#include <chrono>

#include "store/model/store_statements.hpp"

namespace hub::store_model {

sdk::Result<bool> InCoolingPeriod(odbc::Connection& connection, std::int64_t party_id, TimePoint now, int days) {
  const TimePoint cooled = now - std::chrono::days(days);
  const std::int64_t cooled_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(cooled.time_since_epoch()).count();
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection, "SELECT 1 FROM leads WHERE party_id = ? AND stage = 'abandoned' AND stage_entered_at > ? LIMIT 1",
      {sdk::Value::Int64(party_id), sdk::Value::Timestamp(cooled_ms)});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

}  // namespace hub::store_model
