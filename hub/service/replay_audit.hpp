// The audit trail of operators' quarantine replays: one audit_log row per `hub quarantine replay`.
#ifndef HUB_SERVICE_REPLAY_AUDIT_HPP_
#define HUB_SERVICE_REPLAY_AUDIT_HPP_

#include <cstdint>
#include <string>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/quarantine_query.hpp"
#include "store/odbc/database.hpp"
#include "sync/store_sink.hpp"

namespace hub::service {

// The audit_log row of one replay: actor "operator:<actor>", action "quarantine replay", entity
// "quarantine", entity_id the filter ("job=orders entity=order", "all"), after_data
// {"filter":..,"read":N,"inserted":N,"updated":N,"merged":N,"unchanged":N,"quarantined":N,"released":N,
// "resolved":N,"skipped":N,"outcome":"ok"|"failed: <message>"|"unfinished"}.
//
// The row is written inside the replay's own transactions (Journal, the replay's sync::ReplayJournal), so
// it holds exactly what the replay committed however the process stops; a replay that stopped before
// Finish (killed) shows outcome "unfinished". Threads: one replay's, not shared. Lifetime: the replay's.
class ReplayAudit {
 public:
  ReplayAudit(std::string actor, store_model::QuarantineFilter filter)
      : actor_(std::move(actor)), filter_(std::move(filter)) {}

  // Writes the row with `so_far` and outcome "unfinished" on `connection`, inside the replay's transaction
  // about to commit: inserted by the first call, updated by the next. Errors: the driver's Status.
  sdk::Status Journal(odbc::Connection& connection, const sync::ReplayResult& so_far);

  // Once the replay has ended: the row's counts (`result`, what was committed) and outcome (`outcome` ok,
  // else "failed: <message>"), in a transaction of its own on a connection leased from `store`; the row is
  // inserted here when no replay transaction committed. Errors: the driver's Status.
  sdk::Status Finish(odbc::Database& store, const sync::ReplayResult& result, const sdk::Status& outcome);

 private:
  sdk::Status Write(odbc::Connection& connection, const sync::ReplayResult& result, const std::string& outcome);

  std::string actor_;
  store_model::QuarantineFilter filter_;
  std::int64_t row_id_ = 0;  // the audit_log row, once a transaction wrote it
};

}  // namespace hub::service

#endif  // HUB_SERVICE_REPLAY_AUDIT_HPP_
