// The configured sync jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_SYNC_JOBS_HPP_
#define HUB_SERVICE_SYNC_JOBS_HPP_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "runtime/scheduler.hpp"
#include "service/connector_pool.hpp"
#include "service/hub_setup.hpp"
#include "service/job_leases.hpp"
#include "sync/store_sink.hpp"
#include "sync/sync_runner.hpp"

namespace hub::service {

// The sync job named `name` of `config`, or null when it has none (or that job delivers events).
const config::JobConfig* FindSyncJob(const config::HubConfig& config, std::string_view name);

// What the store sink needs to know about `job` of `setup`: its compiled mapping and its connector's name
// as the default source system. An unknown job (or a delivery job) gets neither, and the sink refuses its
// batches.
sync::SinkJob SinkJobFor(const HubSetup& setup, std::string_view job);

// Runs the sync jobs of one HubSetup into the store, reading through the connectors of `connectors` (shared
// with the setup's other jobs). Every run maps and stores with this setup's mappings, even after a reload
// installed another setup, so a run in flight never mixes two configurations.
//
// Several hubs on one store: a run starts only when this hub (`lease_owner`) takes the job's lease
// (JobLeases, lasting <runtime lease>), renews it between batches (a run whose lease another hub took
// stops there) and releases it at the end. A scheduled run also needs a tick no hub has run yet; one that
// finds the job held elsewhere or its tick run is skipped: logged, counted in
// hub_sync_runs_total{result="skipped"}, not audited.
//
// Runs of different jobs may overlap; the caller (the Scheduler, or `hub sync`) guarantees one run of a job
// at a time in this process. `store`, `metrics` and `clock` must outlive this object and every run in
// flight. Thread-safe.
class SyncJobs : public std::enable_shared_from_this<SyncJobs> {
 public:
  SyncJobs(std::shared_ptr<const HubSetup> setup, std::shared_ptr<ConnectorPool> connectors, odbc::Database& store,
           MetricsRegistry& metrics, const Clock& clock, std::string lease_owner);

  // Runs `job` once on demand (any tick), and appends the run to the audit log (AuditSyncRun; a failure to
  // is logged, the run stands). NotFound for an unknown or non-sync job; Unavailable, naming the holder,
  // when another hub runs it now; otherwise the run's counts and outcome.
  sync::SyncRunResult Run(std::string_view job, bool full, const CancellationToken& cancel,
                          const std::function<void(const sync::SyncProgress&)>& on_progress = {});

  // One scheduler entry per sync job: a run for the tick of `JobRun::due` (on demand without one), skipped
  // when the job is held by another hub or its tick has run. Each keeps this object alive while held.
  std::vector<JobSpec> Specs();

 private:
  // Runs `job` holding its lease (taken for `tick`), or answers why it was not taken.
  std::optional<LeaseRefusal> RunLeased(const config::JobConfig& job, bool full, const CancellationToken& cancel,
                                        const std::function<void(const sync::SyncProgress&)>& on_progress,
                                        const std::optional<LeaseTick>& tick, sync::SyncRunResult* result);
  // The run itself, its metrics, log and audit row.
  sync::SyncRunResult RunHolding(const config::JobConfig& job, bool full, const CancellationToken& cancel,
                                 const std::function<void(const sync::SyncProgress&)>& on_progress);
  JobOutcome RunScheduled(const config::JobConfig& job, const JobRun& run);

  std::shared_ptr<const HubSetup> setup_;
  std::shared_ptr<ConnectorPool> connectors_;
  sync::StoreSink sink_;
  odbc::Database& store_;
  MetricsRegistry& metrics_;
  JobLeases leases_;
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_SYNC_JOBS_HPP_
