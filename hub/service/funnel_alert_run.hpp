// One run of the funnel's alerts: the leads' funnel facts read, the alerts evaluated against the norms, and each
// new one appended with its outbox event.
#ifndef HUB_SERVICE_FUNNEL_ALERT_RUN_HPP_
#define HUB_SERVICE_FUNNEL_ALERT_RUN_HPP_

#include <cstdint>
#include <string_view>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_norms.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// What a run found and appended.
struct FunnelAlertCounts {
  std::int64_t alerts = 0;          // current alerts evaluated
  std::int64_t raised = 0;          // of those, appended now (with their events)
  std::int64_t already_raised = 0;  // raised before, by this or another hub
};

// Reads the funnel facts (ReadFunnelLeads), evaluates the alerts as of `clock` (leads::EvaluateFunnelAlerts)
// and appends every one not raised before in one transaction holding the outbox writers' turn
// (store_model::AppendFunnelAlert, job `job`), so that a failed run appends nothing and two hubs never raise an
// alert twice. Threads: any (a connection leased from `store`). Errors: the driver's Status.
sdk::Result<FunnelAlertCounts> RaiseFunnelAlerts(odbc::Database& store, const leads::FunnelNorms& norms,
                                                 const Clock& clock, std::string_view job);

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_ALERT_RUN_HPP_
