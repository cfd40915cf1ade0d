// The configured match jobs of one configuration: their runs, leases and scheduler entries.
#ifndef HUB_SERVICE_MATCH_JOBS_HPP_
#define HUB_SERVICE_MATCH_JOBS_HPP_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/logging.hpp"
#include "common/metrics.hpp"
#include "golden/arrival_match.hpp"
#include "golden/store_match.hpp"
#include "runtime/scheduler.hpp"
#include "service/hub_setup.hpp"
#include "service/job_leases.hpp"

namespace hub::service {

// The store matcher's options for match job `job`: the default matcher configuration and the job's
// <source_priority>. Pure function.
golden::StoreMatchOptions StoreMatchOptionsOf(const config::JobConfig& job);

// Matching on arrival for the sync jobs of `config`: the arrival matcher of its first match job with on_arrival
// (the default), under that job's matcher configuration; null when no match job has it, or when the matcher
// cannot be made (ICU or OpenCC tables missing: logged on `log`, the sync goes on without it). Thread-safe.
std::shared_ptr<const store_model::PartyArrivals> ArrivalMatcherFor(const config::HubConfig& config, const Logger& log);

// Runs the match jobs of one HubSetup over the store (golden::StoreMatcher). Several hubs on one store: a run
// starts only when this hub (`lease_owner`) takes the job's lease (JobLeases, as sync jobs do; a scheduled run
// also needs a tick no hub has run yet), and releases it at the end; a run skipped for that is logged, not
// audited, counted in hub_match_runs_total{result="skipped"}. Every run that starts appends one audit_log row:
// actor "job:<name>", action "match" (AuditMatchRun), and records its metrics (RecordMatchRun).
//
// The caller (the Scheduler) guarantees one run of a job at a time in this process. `store` and `clock` must
// outlive this object and every run in flight, and so must `metrics`. Thread-safe.
class MatchJobs : public std::enable_shared_from_this<MatchJobs> {
 public:
  MatchJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, MetricsRegistry& metrics, const Clock& clock,
            std::string lease_owner);

  // Runs `job` once on demand. NotFound for a name that is not a match job; Unavailable, naming the holder,
  // when another hub runs it now; otherwise the run's counts or its error.
  sdk::Result<golden::StoreMatchCounts> Run(std::string_view job);

  // One scheduler entry per match job; each keeps this object alive while the scheduler holds it.
  std::vector<JobSpec> Specs();

 private:
  // Runs `job` holding its lease (taken for `tick`), or answers why it was not taken.
  std::optional<LeaseRefusal> RunLeased(const config::JobConfig& job, const std::optional<LeaseTick>& tick,
                                        sdk::Result<golden::StoreMatchCounts>* result);
  sdk::Result<golden::StoreMatchCounts> RunHolding(const config::JobConfig& job);
  JobOutcome RunScheduled(const config::JobConfig& job, const JobRun& run);

  std::shared_ptr<const HubSetup> setup_;
  odbc::Database& store_;
  MetricsRegistry& metrics_;
  JobLeases leases_;
  std::map<std::string, sdk::Result<std::unique_ptr<golden::StoreMatcher>>, std::less<>> matchers_;  // by job
  Logger log_;
};

}  // namespace hub::service

#endif  // HUB_SERVICE_MATCH_JOBS_HPP_
