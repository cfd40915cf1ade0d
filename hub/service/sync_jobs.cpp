#include "service/sync_jobs.hpp"

#include <chrono>

#include "service/job_specs.hpp"
#include "service/match_jobs.hpp"
#include "service/run_audit.hpp"
#include "service/service_metrics.hpp"

namespace hub::service {

const config::JobConfig* FindSyncJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kSync) return &job;
  }
  return nullptr;
}

namespace {

// The tick of a scheduled run of `job` due at `due`, as JobLeases compares it with other hubs' runs.
LeaseTick TickOf(const config::JobConfig& job, TimePoint due) { return {due, job.every}; }

}  // namespace

sync::SinkJob SinkJobFor(const HubSetup& setup, std::string_view job) {
  const config::JobConfig* configured = FindSyncJob(setup.config, job);
  if (configured == nullptr) return {};
  auto mappings = setup.mappings.find(job);
  return {mappings == setup.mappings.end() ? sync::mapping::MappingSet() : mappings->second, configured->connector};
}

SyncJobs::SyncJobs(std::shared_ptr<const HubSetup> setup, std::shared_ptr<ConnectorPool> connectors,
                   odbc::Database& store, MetricsRegistry& metrics, const Clock& clock, std::string lease_owner)
    : setup_(std::move(setup)),
      connectors_(std::move(connectors)),
      sink_(
          store, [setup = setup_](std::string_view job) { return SinkJobFor(*setup, job); }, MakeLogger("store"),
          store_model::WriteRules{setup_->config.leads, nullptr},
          ArrivalMatcherFor(setup_->config, MakeLogger("sync"))),
      store_(store),
      metrics_(metrics),
      leases_(store, clock, std::move(lease_owner), setup_->config.runtime.lease),
      log_(MakeLogger("sync")) {}

sync::SyncRunResult SyncJobs::Run(std::string_view name, bool full, const CancellationToken& cancel,
                                  const std::function<void(const sync::SyncProgress&)>& on_progress) {
  const config::JobConfig* job = FindSyncJob(setup_->config, name);
  if (job == nullptr) return {{}, sdk::Status::NotFound("no sync job named '" + std::string(name) + "'")};
  sync::SyncRunResult result;
  std::optional<LeaseRefusal> refusal = RunLeased(*job, full, cancel, on_progress, std::nullopt, &result);
  if (refusal) {
    result.status = sdk::Status::Unavailable("job '" + job->name + "' is running on another hub: " + refusal->message);
    log_->warn("job {}: not run: {}", job->name, refusal->message);
  }
  return result;
}

std::optional<LeaseRefusal> SyncJobs::RunLeased(const config::JobConfig& job, bool full,
                                                const CancellationToken& cancel,
                                                const std::function<void(const sync::SyncProgress&)>& on_progress,
                                                const std::optional<LeaseTick>& tick, sync::SyncRunResult* result) {
  sdk::Result<std::optional<LeaseRefusal>> leased = leases_.RunHolding(
      job.name, tick, [&] { *result = RunHolding(job, full, cancel, on_progress); }, log_);
  if (leased.ok()) return *leased;
  *result = {{}, leased.status().WithContext("taking the job's lease")};
  log_->error("job {}: {}", job.name, result->status.ToString());
  return std::nullopt;
}

sync::SyncRunResult SyncJobs::RunHolding(const config::JobConfig& job, bool full, const CancellationToken& cancel,
                                         const std::function<void(const sync::SyncProgress&)>& on_progress) {
  const auto started = std::chrono::steady_clock::now();
  sync::SyncRunResult result;
  sdk::Result<PooledConnector*> connector = connectors_->Find(job.connector);
  if (connector.ok()) {
    sync::BatchReader read = [connector = *connector, &cancel](std::string_view cursor, std::size_t max_records) {
      return connector->ReadBatch(cursor, max_records, cancel);
    };
    sync::SyncRunOptions options{job.name, job.batch_size, full, on_progress,
                                 [this, &job] { return leases_.Renew(job.name); }};
    result = sync::RunSync(read, sink_, options, cancel);
  } else {
    result.status = connector.status();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RecordSyncRun(metrics_, job.name, result, seconds);
  if (sdk::Status audited = AuditSyncRun(store_, job.name, full, result, seconds); !audited.ok()) {
    log_->error("job {}: the run's audit row was not written: {}", job.name, audited.ToString());
  }
  if (result.status.ok()) {
    log_->info("job {}: {} in {:.3f}s", job.name, result.counts.ToLine(), seconds);
  } else {
    log_->error("job {}: {} after {}", job.name, result.status.ToString(), result.counts.ToLine());
  }
  return result;
}

JobOutcome SyncJobs::RunScheduled(const config::JobConfig& job, const JobRun& run) {
  if (!run.due) return Run(job.name, false, run.cancel).status;
  sync::SyncRunResult result;
  std::optional<LeaseRefusal> refusal = RunLeased(job, false, run.cancel, {}, TickOf(job, *run.due), &result);
  if (!refusal) return result.status;
  RecordSyncSkipped(metrics_, job.name);
  log_->info("job {}: skipped: {}", job.name, refusal->message);
  return JobOutcome::Skipped();
}

std::vector<JobSpec> SyncJobs::Specs() {
  return ScheduledJobSpecs(*setup_, config::JobKind::kSync,
                           [self = shared_from_this()](const config::JobConfig& job, const JobRun& run) {
                             return self->RunScheduled(job, run);
                           });
}

}  // namespace hub::service
