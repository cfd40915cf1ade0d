#include "service/run_audit.hpp"

#include <boost/json.hpp>

namespace hub::service {

boost::json::object SyncCountsJson(const sync::SyncCounts& counts) {
  return boost::json::object{{"read", counts.read},           {"inserted", counts.inserted},
                             {"updated", counts.updated},     {"merged", counts.merged},
                             {"unchanged", counts.unchanged}, {"quarantined", counts.quarantined},
                             {"released", counts.released},   {"deleted", counts.deleted}};
}

namespace {

std::string Outcome(const sdk::Status& status) {
  if (status.code() == sdk::StatusCode::kCancelled) return "cancelled";
  return status.ok() ? "ok" : "failed: " + status.ToString();
}

sdk::Status AuditJobRun(odbc::Database& store, std::string_view job, std::string_view action,
                        const std::string& after) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  auto written = (*lease)->ExecuteUpdate(
      "INSERT INTO audit_log (actor, action, entity, entity_id, after_data) VALUES (?, ?, 'job', ?, ?)",
      {sdk::Value::String("job:" + std::string(job)), sdk::Value::String(std::string(action)),
       sdk::Value::String(std::string(job)), sdk::Value::String(after)});
  return written.ok() ? sdk::Status::Ok() : written.status();
}

}  // namespace

std::string SyncRunAuditJson(const sync::SyncRunResult& result, double seconds) {
  boost::json::object audit = SyncCountsJson(result.counts);
  audit["outcome"] = Outcome(result.status);
  audit["seconds"] = seconds;
  return boost::json::serialize(audit);
}

sdk::Status AuditSyncRun(odbc::Database& store, std::string_view job, bool full, const sync::SyncRunResult& result,
                         double seconds) {
  return AuditJobRun(store, job, full ? "sync --full" : "sync", SyncRunAuditJson(result, seconds));
}

std::string DeliveryRunAuditJson(const delivery::DeliveryRunResult& result, double seconds) {
  const delivery::DeliveryCounts& counts = result.counts;
  boost::json::object audit{{"delivered", counts.delivered},
                            {"skipped", counts.skipped},
                            {"failed_attempts", counts.failed_attempts},
                            {"dead_lettered", counts.dead_lettered},
                            {"replayed", counts.replayed},
                            {"outcome", Outcome(result.status)},
                            {"seconds", seconds}};
  return boost::json::serialize(audit);
}

sdk::Status AuditDeliveryRun(odbc::Database& store, std::string_view job, const delivery::DeliveryRunResult& result,
                             double seconds) {
  return AuditJobRun(store, job, "delivery", DeliveryRunAuditJson(result, seconds));
}

std::string CareRunAuditJson(const care::CareRunResult& result, double seconds) {
  const care::CareCounts& counts = result.counts;
  boost::json::object audit{{"days", counts.days},
                            {"greetings", counts.greetings},
                            {"already_sent", counts.already_sent},
                            {"outcome", Outcome(result.status)},
                            {"seconds", seconds}};
  return boost::json::serialize(audit);
}

sdk::Status AuditCareRun(odbc::Database& store, std::string_view job, const care::CareRunResult& result,
                         double seconds) {
  return AuditJobRun(store, job, "customer_care", CareRunAuditJson(result, seconds));
}

std::string MatchRunAuditJson(const sdk::Result<golden::StoreMatchCounts>& result, double seconds) {
  const golden::StoreMatchCounts counts = result.ok() ? *result : golden::StoreMatchCounts{};
  boost::json::object audit{{"parties", counts.parties},
                            {"candidate_pairs", counts.candidate_pairs},
                            {"links", counts.links},
                            {"reviews", counts.reviews},
                            {"pairs_inserted", counts.pairs_inserted},
                            {"pairs_updated", counts.pairs_updated},
                            {"golden_records", counts.golden_records},
                            {"repointed", counts.repointed},
                            {"events", counts.events},
                            {"outcome", Outcome(result.status())},
                            {"seconds", seconds}};
  return boost::json::serialize(audit);
}

sdk::Status AuditMatchRun(odbc::Database& store, std::string_view job,
                          const sdk::Result<golden::StoreMatchCounts>& result, double seconds) {
  return AuditJobRun(store, job, "match", MatchRunAuditJson(result, seconds));
}

}  // namespace hub::service
