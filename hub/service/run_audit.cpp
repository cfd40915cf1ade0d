#include "service/run_audit.hpp"

#include <boost/json.hpp>

namespace hub::service {

std::string SyncRunAuditJson(const sync::SyncRunResult& result, double seconds) {
  const sync::SyncCounts& counts = result.counts;
  std::string outcome = "ok";
  if (result.status.code() == sdk::StatusCode::kCancelled) {
    outcome = "cancelled";
  } else if (!result.status.ok()) {
    outcome = "failed: " + result.status.ToString();
  }
  return boost::json::serialize(boost::json::object{{"read", counts.read},
                                                    {"inserted", counts.inserted},
                                                    {"updated", counts.updated},
                                                    {"merged", counts.merged},
                                                    {"unchanged", counts.unchanged},
                                                    {"quarantined", counts.quarantined},
                                                    {"released", counts.released},
                                                    {"outcome", outcome},
                                                    {"seconds", seconds}});
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
