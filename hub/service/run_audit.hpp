// The audit trail of job runs: one audit_log row per sync, customer-care and match run, and per delivery run that
// did anything, saying which job changed or sent what and how it ended.
#ifndef HUB_SERVICE_RUN_AUDIT_HPP_
#define HUB_SERVICE_RUN_AUDIT_HPP_

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "care/care_run.hpp"
#include "delivery/delivery_run.hpp"
#include "golden/store_match.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"
#include "sync/sync_runner.hpp"

namespace hub::service {

// A run's counts as audit rows write them: {"read":N,"inserted":N,"updated":N,"merged":N,"unchanged":N,
// "quarantined":N,"released":N}. Thread-safe.
boost::json::object SyncCountsJson(const sync::SyncCounts& counts);

// The after_data of a run's audit row: {"read":N,"inserted":N,"updated":N,"merged":N,"unchanged":N,
// "quarantined":N,"released":N,"outcome":"ok"|"cancelled"|"failed: <message>","seconds":S}. Thread-safe.
std::string SyncRunAuditJson(const sync::SyncRunResult& result, double seconds);

// Appends the run's row to audit_log in its own transaction: actor "job:<job>", action "sync" (or
// "sync --full"), entity "job", entity_id `job`, after_data SyncRunAuditJson. Thread-safe (a connection
// leased from `store`). Errors: the driver's Status.
sdk::Status AuditSyncRun(odbc::Database& store, std::string_view job, bool full, const sync::SyncRunResult& result,
                         double seconds);

// The after_data of a delivery run's audit row: {"delivered":N,"skipped":N,"failed_attempts":N,
// "dead_lettered":N,"replayed":N,"outcome":"ok"|"cancelled"|"failed: <message>","seconds":S}. Thread-safe.
std::string DeliveryRunAuditJson(const delivery::DeliveryRunResult& result, double seconds);

// Appends the run's row to audit_log in its own transaction: actor "job:<job>", action "delivery", entity
// "job", entity_id `job`, after_data DeliveryRunAuditJson. Thread-safe. Errors: the driver's Status.
sdk::Status AuditDeliveryRun(odbc::Database& store, std::string_view job, const delivery::DeliveryRunResult& result,
                             double seconds);

// The after_data of a match run's audit row: {"parties":N,"candidate_pairs":N,"links":N,"reviews":N,
// "pairs_inserted":N,"pairs_updated":N,"golden_records":N,"repointed":N,"events":N,"outcome":"ok"|"failed:
// <message>","seconds":S} (the counts zero for a failed run). Thread-safe.
std::string MatchRunAuditJson(const sdk::Result<golden::StoreMatchCounts>& result, double seconds);

// Appends the run's row to audit_log in its own transaction: actor "job:<job>", action "match", entity "job",
// entity_id `job`, after_data MatchRunAuditJson. Thread-safe. Errors: the driver's Status.
sdk::Status AuditMatchRun(odbc::Database& store, std::string_view job,
                          const sdk::Result<golden::StoreMatchCounts>& result, double seconds);
// The after_data of a customer-care run's audit row: {"days":N,"greetings":N,"already_sent":N,
// "outcome":"ok"|"cancelled"|"failed: <message>","seconds":S}. Thread-safe.
std::string CareRunAuditJson(const care::CareRunResult& result, double seconds);

// Appends the run's row to audit_log in its own transaction: actor "job:<job>", action "customer_care", entity
// "job", entity_id `job`, after_data CareRunAuditJson. Thread-safe. Errors: the driver's Status.
sdk::Status AuditCareRun(odbc::Database& store, std::string_view job, const care::CareRunResult& result,
                         double seconds);

}  // namespace hub::service

#endif  // HUB_SERVICE_RUN_AUDIT_HPP_
