#include "service/funnel_alert_jobs.hpp"

#include <utility>

namespace hub::service {

FunnelAlertJobs::FunnelAlertJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                                 std::string lease_owner)
    : LeasedStoreJobs(
          setup, store, clock, std::move(lease_owner), config::JobKind::kFunnelAlerts,
          [setup, &store, &clock](const config::JobConfig& job) {
            return RaiseFunnelAlerts(store, setup->config.leads.funnel, clock, job.name);
          },
          [](const FunnelAlertCounts& counts) {
            return "alerts=" + std::to_string(counts.alerts) + " raised=" + std::to_string(counts.raised) +
                   " already_raised=" + std::to_string(counts.already_raised);
          }) {}

}  // namespace hub::service
