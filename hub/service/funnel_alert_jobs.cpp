#include "service/funnel_alert_jobs.hpp"

#include "service/job_specs.hpp"

namespace hub::service {
namespace {

const config::JobConfig* FindFunnelAlertsJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kFunnelAlerts) return &job;
  }
  return nullptr;
}

}  // namespace

FunnelAlertJobs::FunnelAlertJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, const Clock& clock,
                                 std::string lease_owner)
    : setup_(std::move(setup)),
      store_(store),
      clock_(clock),
      leases_(store, clock, std::move(lease_owner), setup_->config.runtime.lease),
      log_(MakeLogger("funnel_alerts")) {}

sdk::Result<FunnelAlertCounts> FunnelAlertJobs::Run(std::string_view name) {
  const config::JobConfig* job = FindFunnelAlertsJob(setup_->config, name);
  if (job == nullptr) return sdk::Status::NotFound("no funnel_alerts job named '" + std::string(name) + "'");
  sdk::Result<FunnelAlertCounts> result = FunnelAlertCounts{};
  if (std::optional<LeaseRefusal> refusal = RunLeased(*job, std::nullopt, &result)) {
    log_->warn("job {}: not run: {}", job->name, refusal->message);
    return sdk::Status::Unavailable("job '" + job->name + "' is running on another hub: " + refusal->message);
  }
  return result;
}

std::optional<LeaseRefusal> FunnelAlertJobs::RunLeased(const config::JobConfig& job,
                                                       const std::optional<LeaseTick>& tick,
                                                       sdk::Result<FunnelAlertCounts>* result) {
  sdk::Result<std::optional<LeaseRefusal>> leased = leases_.RunHolding(
      job.name, tick,
      [&] {
        *result = RaiseFunnelAlerts(store_, setup_->config.leads.funnel, clock_, job.name);
        if (result->ok()) {
          log_->info("job {}: alerts={} raised={} already_raised={}", job.name, (*result)->alerts, (*result)->raised,
                     (*result)->already_raised);
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

JobOutcome FunnelAlertJobs::RunScheduled(const config::JobConfig& job, const JobRun& run) {
  if (!run.due) return Run(job.name).status();
  sdk::Result<FunnelAlertCounts> result = FunnelAlertCounts{};
  std::optional<LeaseRefusal> refusal = RunLeased(job, LeaseTick{*run.due, job.every}, &result);
  if (!refusal) return result.status();
  log_->info("job {}: skipped: {}", job.name, refusal->message);
  return JobOutcome::Skipped();
}

std::vector<JobSpec> FunnelAlertJobs::Specs() {
  return ScheduledJobSpecs(*setup_, config::JobKind::kFunnelAlerts,
                           [self = shared_from_this()](const config::JobConfig& job, const JobRun& run) {
                             return self->RunScheduled(job, run);
                           });
}

}  // namespace hub::service
