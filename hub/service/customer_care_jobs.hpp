// The configured customer-care jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_CUSTOMER_CARE_JOBS_HPP_
#define HUB_SERVICE_CUSTOMER_CARE_JOBS_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_run.hpp"
#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"
#include "service/job_leases.hpp"

namespace hub::service {

// The plan of customer-care job `job` (its occasions, time zone, days ahead, batch size). Pure function.
care::CarePlan CarePlanOf(const config::JobConfig& job);

// Runs the customer-care jobs of one HubSetup (care::RunCustomerCare). As for sync jobs, a run needs the
// job's lease (JobLeases, <runtime lease>, renewed before each transaction, released at the end) and a
// scheduled run a tick no hub has run yet; a run refused them is skipped (logged, not audited). Each run
// records hub_customer_care_greetings_total{job,outcome} and is audited: actor "job:<name>", action
// "customer_care" (AuditCareRun).
//
// Runs of different jobs may overlap; the caller (the Scheduler) guarantees one run of a job at a time in this
// process. `store`, `metrics` and `clock` must outlive this object and every run in flight. Thread-safe.
class CustomerCareJobs : public std::enable_shared_from_this<CustomerCareJobs> {
 public:
  CustomerCareJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, MetricsRegistry& metrics,
                   const Clock& clock, std::string lease_owner);

  // Runs `job` once on demand (any tick). NotFound for a name that is no customer-care job; Unavailable,
  // naming the holder, when another hub runs it now; otherwise the run's counts and outcome.
  care::CareRunResult Run(std::string_view job, const CancellationToken& cancel);

  // One scheduler entry per customer-care job; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs();

 private:
  // Runs `job` holding its lease (taken for `tick`), or answers why it was not taken.
  std::optional<LeaseRefusal> RunLeased(const config::JobConfig& job, const std::optional<LeaseTick>& tick,
                                        const CancellationToken& cancel, care::CareRunResult* result);
  JobOutcome RunScheduled(const config::JobConfig& job, const JobRun& run);
  void Record(const config::JobConfig& job, const care::CareRunResult& result, double seconds);

  std::shared_ptr<const HubSetup> setup_;
  odbc::Database& store_;
  MetricsRegistry& metrics_;
  const Clock& clock_;
  JobLeases leases_;
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_CARE_JOBS_HPP_
