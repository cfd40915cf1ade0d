// The configured jobs of one kind that work over the store alone (funnel_alerts, lead_sla): their runs on
// demand and on schedule, each holding the job's lease, logged with its counts.
#ifndef HUB_SERVICE_LEASED_STORE_JOBS_HPP_
#define HUB_SERVICE_LEASED_STORE_JOBS_HPP_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/logging.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"
#include "service/job_leases.hpp"
#include "service/job_specs.hpp"

namespace hub::service {

// Runs the jobs of `kind` in one HubSetup with `run` (a job's configuration → its counts). As for the other jobs
// over the store, a run needs the job's lease (JobLeases, <runtime lease>, released at the end) and a scheduled
// run a tick no hub has run yet; a run refused them is skipped (logged). Each run is logged on the logger
// named after the kind, with its counts as `describe` writes them.
//
// The caller (the Scheduler) guarantees one run of a job at a time in this process. `store` and `clock` must
// outlive this object and every run in flight. Thread-safe when `run` is.
template <typename Counts>
class LeasedStoreJobs : public std::enable_shared_from_this<LeasedStoreJobs<Counts>> {
 public:
  using RunJob = std::function<sdk::Result<Counts>(const config::JobConfig& job)>;
  using DescribeCounts = std::function<std::string(const Counts& counts)>;

  LeasedStoreJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                  std::string lease_owner, config::JobKind kind, RunJob run, DescribeCounts describe)
      : setup_(std::move(setup)),
        kind_(kind),
        run_(std::move(run)),
        describe_(std::move(describe)),
        leases_(store, clock, std::move(lease_owner), setup_->config.runtime.lease),
        log_(MakeLogger(config::JobKindName(kind))) {}
  virtual ~LeasedStoreJobs() = default;

  // Runs `job` once on demand (any tick). NotFound for a name that is no job of this kind; Unavailable, naming
  // the holder, when another hub runs it now; otherwise the run's counts or its error.
  sdk::Result<Counts> Run(std::string_view name) {
    const config::JobConfig* job = Find(name);
    if (job == nullptr) {
      return sdk::Status::NotFound("no " + std::string(config::JobKindName(kind_)) + " job named '" +
                                   std::string(name) + "'");
    }
    sdk::Result<Counts> result = Counts{};
    if (std::optional<LeaseRefusal> refusal = RunLeased(*job, std::nullopt, &result)) {
      log_->warn("job {}: not run: {}", job->name, refusal->message);
      return sdk::Status::Unavailable("job '" + job->name + "' is running on another hub: " + refusal->message);
    }
    return result;
  }

  // One scheduler entry per job of the kind; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs() {
    return ScheduledJobSpecs(*setup_, kind_,
                             [self = this->shared_from_this()](const config::JobConfig& job, const JobRun& run) {
                               return self->RunScheduled(job, run);
                             });
  }

 private:
  const config::JobConfig* Find(std::string_view name) const {
    for (const config::JobConfig& job : setup_->config.jobs) {
      if (job.name == name && job.kind == kind_) return &job;
    }
    return nullptr;
  }

  // Runs `job` holding its lease (taken for `tick`), or answers why it was not taken.
  std::optional<LeaseRefusal> RunLeased(const config::JobConfig& job, const std::optional<LeaseTick>& tick,
                                        sdk::Result<Counts>* result) {
    sdk::Result<std::optional<LeaseRefusal>> leased = leases_.RunHolding(
        job.name, tick,
        [&] {
          *result = run_(job);
          if (result->ok()) {
            log_->info("job {}: {}", job.name, describe_(**result));
          } else {
            log_->error("job {}: {}", job.name, result->status().ToString());
          }
        },
        log_);
    if (leased.ok()) return *leased;
    *result = leased.status().WithContext("taking the job's lease");
    log_->error("job {}: {}", job.name, result->status().ToString());
    return std::nullopt;
  }

  JobOutcome RunScheduled(const config::JobConfig& job, const JobRun& run) {
    if (!run.due) return Run(job.name).status();
    sdk::Result<Counts> result = Counts{};
    std::optional<LeaseRefusal> refusal = RunLeased(job, LeaseTick{*run.due, job.every}, &result);
    if (!refusal) return result.status();
    log_->info("job {}: skipped: {}", job.name, refusal->message);
    return JobOutcome::Skipped();
  }

  std::shared_ptr<const HubSetup> setup_;
  config::JobKind kind_;
  RunJob run_;
  DescribeCounts describe_;
  JobLeases leases_;
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_LEASED_STORE_JOBS_HPP_
