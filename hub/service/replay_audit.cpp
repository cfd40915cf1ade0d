#include "service/replay_audit.hpp"

#include <boost/json.hpp>

namespace hub::service {

sdk::Status AuditQuarantineReplay(odbc::Database& store, std::string_view actor, const sync::QuarantineFilter& filter,
                                  const sync::ReplayResult& result, const sdk::Status& outcome) {
  const sync::SyncCounts& counts = result.counts;
  const std::string after = boost::json::serialize(
      boost::json::object{{"filter", filter.ToString()},
                          {"read", counts.read},
                          {"inserted", counts.inserted},
                          {"updated", counts.updated},
                          {"merged", counts.merged},
                          {"unchanged", counts.unchanged},
                          {"quarantined", counts.quarantined},
                          {"released", counts.released},
                          {"resolved", result.resolved},
                          {"skipped", result.skipped.size()},
                          {"outcome", outcome.ok() ? std::string("ok") : "failed: " + outcome.ToString()}});
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  auto written = (*lease)->ExecuteUpdate(
      "INSERT INTO audit_log (actor, action, entity, entity_id, after_data) "
      "VALUES (?, 'quarantine replay', 'quarantine', ?, ?)",
      {sdk::Value::String("operator:" + std::string(actor)), sdk::Value::String(filter.ToString()),
       sdk::Value::String(after)});
  return written.ok() ? sdk::Status::Ok() : written.status();
}

}  // namespace hub::service
