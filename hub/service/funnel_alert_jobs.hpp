// The configured funnel_alerts jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_
#define HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/logging.hpp"
#include "runtime/scheduler.hpp"
#include "service/funnel_alert_run.hpp"
#include "service/hub_setup.hpp"
#include "service/job_leases.hpp"

namespace hub::service {

// Runs the funnel_alerts jobs of one HubSetup (RaiseFunnelAlerts against the setup's <leads><funnel>). As for
// the other jobs over the store, a run needs the job's lease (JobLeases, <runtime lease>, released at the end)
// and a scheduled run a tick no hub has run yet; a run refused them is skipped (logged). Each run is logged
// with its counts.
//
// The caller (the Scheduler) guarantees one run of a job at a time in this process. `store` and `clock` must
// outlive this object and every run in flight. Thread-safe.
class FunnelAlertJobs : public std::enable_shared_from_this<FunnelAlertJobs> {
 public:
  FunnelAlertJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                  std::string lease_owner);

  // Runs `job` once on demand (any tick). NotFound for a name that is no funnel_alerts job; Unavailable, naming
  // the holder, when another hub runs it now; otherwise the run's counts or its error.
  sdk::Result<FunnelAlertCounts> Run(std::string_view job);

  // One scheduler entry per funnel_alerts job; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs();

 private:
  // Runs `job` holding its lease (taken for `tick`), or answers why it was not taken.
  std::optional<LeaseRefusal> RunLeased(const config::JobConfig& job, const std::optional<LeaseTick>& tick,
                                        sdk::Result<FunnelAlertCounts>* result);
  JobOutcome RunScheduled(const config::JobConfig& job, const JobRun& run);

  std::shared_ptr<const HubSetup> setup_;
  odbc::Database& store_;
  const Clock& clock_;
  JobLeases leases_;
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_ALERT_JOBS_HPP_
