// The audit trail of operators' quarantine replays: one audit_log row per `hub quarantine replay`.
#ifndef HUB_SERVICE_REPLAY_AUDIT_HPP_
#define HUB_SERVICE_REPLAY_AUDIT_HPP_

#include <string_view>

#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"
#include "sync/quarantine_query.hpp"
#include "sync/store_sink.hpp"

namespace hub::service {

// Appends the replay's row to audit_log in its own transaction: actor "operator:<actor>", action
// "quarantine replay", entity "quarantine", entity_id the filter ("job=orders entity=order", "all"),
// after_data {"filter":..,"read":N,"inserted":N,"updated":N,"merged":N,"unchanged":N,"quarantined":N,
// "released":N,"resolved":N,"skipped":N,"outcome":"ok"|"failed: <message>"}. Thread-safe (a connection
// leased from `store`). Errors: the driver's Status.
sdk::Status AuditQuarantineReplay(odbc::Database& store, std::string_view actor, const sync::QuarantineFilter& filter,
                                  const sync::ReplayResult& result, const sdk::Status& outcome);

}  // namespace hub::service

#endif  // HUB_SERVICE_REPLAY_AUDIT_HPP_
