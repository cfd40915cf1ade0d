// The configured funnel_alerts jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_
#define HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_

#include <memory>
#include <string>

#include "common/clock.hpp"
#include "service/funnel_alert_run.hpp"
#include "service/hub_setup.hpp"
#include "service/leased_store_jobs.hpp"

namespace hub::service {

// Runs the funnel_alerts jobs of one HubSetup (RaiseFunnelAlerts against the setup's <leads><funnel>), each
// holding its lease and logged with its counts (LeasedStoreJobs). `store` and `clock` must outlive this object and
// every run in flight. Thread-safe.
class FunnelAlertJobs : public LeasedStoreJobs<FunnelAlertCounts> {
 public:
  FunnelAlertJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                  std::string lease_owner);
};

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_
