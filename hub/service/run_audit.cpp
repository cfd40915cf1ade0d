#include "service/run_audit.hpp"

#include <boost/json.hpp>

namespace hub::service {

boost::json::object SyncCountsJson(const sync::SyncCounts& counts) {
  return boost::json::object{{"read", counts.read},           {"inserted", counts.inserted},
                             {"updated", counts.updated},     {"merged", counts.merged},
                             {"unchanged", counts.unchanged}, {"quarantined", counts.quarantined},
                             {"released", counts.released}};
}

std::string SyncRunAuditJson(const sync::SyncRunResult& result, double seconds) {
  std::string outcome = "ok";
  if (result.status.code() == sdk::StatusCode::kCancelled) {
    outcome = "cancelled";
  } else if (!result.status.ok()) {
    outcome = "failed: " + result.status.ToString();
  }
  boost::json::object audit = SyncCountsJson(result.counts);
  audit["outcome"] = outcome;
  audit["seconds"] = seconds;
  return boost::json::serialize(audit);
}

sdk::Status AuditSyncRun(odbc::Database& store, std::string_view job, bool full, const sync::SyncRunResult& result,
                         double seconds) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  auto written = (*lease)->ExecuteUpdate(
      "INSERT INTO audit_log (actor, action, entity, entity_id, after_data) VALUES (?, ?, 'job', ?, ?)",
      {sdk::Value::String("job:" + std::string(job)), sdk::Value::String(full ? "sync --full" : "sync"),
       sdk::Value::String(std::string(job)), sdk::Value::String(SyncRunAuditJson(result, seconds))});
  return written.ok() ? sdk::Status::Ok() : written.status();
}

}  // namespace hub::service
