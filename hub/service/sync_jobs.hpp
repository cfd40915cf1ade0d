// The configured sync jobs of one configuration: their connectors, runs and scheduler entries.
#ifndef HUB_SERVICE_SYNC_JOBS_HPP_
#define HUB_SERVICE_SYNC_JOBS_HPP_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "plugin_host/connector_instance.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"
#include "sync/store_sink.hpp"
#include "sync/sync_runner.hpp"

namespace hub::service {

// What the store sink needs to know about `job` of `setup`: its compiled mapping and its connector's name
// as the default source system. An unknown job gets neither, and the sink refuses its batches.
sync::SinkJob SinkJobFor(const HubSetup& setup, std::string_view job);

// Runs the jobs of one HubSetup into the store. Each job gets its own connector instance, created and
// configured on its first run and kept for the next ones (a failed creation is retried on the next run).
// Every run maps and stores with this setup's mappings, even after a reload installed another setup, so a
// run in flight never mixes two configurations. Runs of different jobs may overlap; the caller (the
// Scheduler, or `hub sync`) guarantees one run of a job at a time. `store`, `metrics` and `clock` must
// outlive this object and every run in flight. Thread-safe.
class SyncJobs : public std::enable_shared_from_this<SyncJobs> {
 public:
  SyncJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, MetricsRegistry& metrics, const Clock& clock);

  // Runs `job` once and appends the run to the audit log (AuditSyncRun; a failure to is logged, the run
  // stands). NotFound for an unknown job; otherwise the run's counts and outcome.
  sync::SyncRunResult Run(std::string_view job, bool full, const CancellationToken& cancel,
                          const std::function<void(const sync::SyncProgress&)>& on_progress = {});

  // One scheduler entry per job; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs();

 private:
  // The job's connector instance, created and configured on first use (outside the lock: a plugin may
  // take its time connecting, and other jobs must not wait for it).
  sdk::Result<plugin_host::ConnectorInstance*> ConnectorFor(const config::JobConfig& job);

  std::shared_ptr<const HubSetup> setup_;
  sync::StoreSink sink_;
  odbc::Database& store_;
  MetricsRegistry& metrics_;
  const Clock& clock_;
  Logger log_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<plugin_host::ConnectorInstance>, std::less<>>
      connectors_;  // by job; guarded by mutex_
};

}  // namespace hub::service

#endif  // HUB_SERVICE_SYNC_JOBS_HPP_
