#include "service/match_jobs.hpp"

#include <chrono>

#include "service/job_specs.hpp"
#include "service/run_audit.hpp"
#include "service/service_metrics.hpp"

namespace hub::service {
namespace {

const config::JobConfig* FindMatchJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kMatch) return &job;
  }
  return nullptr;
}

std::string CountsLine(const golden::StoreMatchCounts& c) {
  return "parties=" + std::to_string(c.parties) + " candidates=" + std::to_string(c.candidate_pairs) +
         " links=" + std::to_string(c.links) + " reviews=" + std::to_string(c.reviews) +
         " golden_records=" + std::to_string(c.golden_records) + " repointed=" + std::to_string(c.repointed) +
         " events=" + std::to_string(c.events);
}

}  // namespace

golden::StoreMatchOptions StoreMatchOptionsOf(const config::JobConfig& job) {
  golden::StoreMatchOptions options;
  options.source_priority = job.source_priority;
  options.job = job.name;
  options.on_arrival = job.on_arrival;
  return options;
}

std::shared_ptr<const store_model::PartyArrivals> ArrivalMatcherFor(const config::HubConfig& config,
                                                                    const Logger& log) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.kind != config::JobKind::kMatch || !job.on_arrival) continue;
    auto made = golden::ArrivalMatcher::Create(StoreMatchOptionsOf(job).matcher, MakeLogger("match"));
    if (made.ok()) return std::move(*made);
    log->warn("parties are not matched on arrival: {}", made.status().ToString());
    return nullptr;
  }
  return nullptr;
}

MatchJobs::MatchJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store, MetricsRegistry& metrics,
                     const Clock& clock, std::string lease_owner)
    : setup_(std::move(setup)),
      store_(store),
      metrics_(metrics),
      leases_(store, clock, std::move(lease_owner), setup_->config.runtime.lease),
      log_(MakeLogger("match")) {
  for (const config::JobConfig& job : setup_->config.jobs) {
    if (job.kind == config::JobKind::kMatch) {
      matchers_.emplace(job.name, golden::StoreMatcher::Create(StoreMatchOptionsOf(job)));
    }
  }
}

sdk::Result<golden::StoreMatchCounts> MatchJobs::Run(std::string_view name) {
  const config::JobConfig* job = FindMatchJob(setup_->config, name);
  if (job == nullptr) return sdk::Status::NotFound("no match job named '" + std::string(name) + "'");
  sdk::Result<golden::StoreMatchCounts> result = golden::StoreMatchCounts{};
  if (std::optional<LeaseRefusal> refusal = RunLeased(*job, std::nullopt, &result)) {
    log_->warn("job {}: not run: {}", job->name, refusal->message);
    return sdk::Status::Unavailable("job '" + job->name + "' is running on another hub: " + refusal->message);
  }
  return result;
}

std::optional<LeaseRefusal> MatchJobs::RunLeased(const config::JobConfig& job, const std::optional<LeaseTick>& tick,
                                                 sdk::Result<golden::StoreMatchCounts>* result) {
  sdk::Result<std::optional<LeaseRefusal>> leased = leases_.RunHolding(
      job.name, tick, [&] { *result = RunHolding(job); }, log_);
  if (leased.ok()) return *leased;
  *result = leased.status().WithContext("taking the job's lease");
  log_->error("job {}: {}", job.name, result->status().ToString());
  return std::nullopt;
}

sdk::Result<golden::StoreMatchCounts> MatchJobs::RunHolding(const config::JobConfig& job) {
  const auto started = std::chrono::steady_clock::now();
  const sdk::Result<std::unique_ptr<golden::StoreMatcher>>& matcher = matchers_.at(job.name);
  sdk::Result<golden::StoreMatchCounts> result =
      matcher.ok() ? (*matcher)->Run(store_) : sdk::Result<golden::StoreMatchCounts>(matcher.status());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RecordMatchRun(metrics_, job.name, result);
  if (sdk::Status audited = AuditMatchRun(store_, job.name, result, seconds); !audited.ok()) {
    log_->error("job {}: the run's audit row was not written: {}", job.name, audited.ToString());
  }
  if (result.ok()) {
    log_->info("job {}: {} in {:.3f}s", job.name, CountsLine(*result), seconds);
  } else {
    log_->error("job {}: {}", job.name, result.status().ToString());
  }
  return result;
}

JobOutcome MatchJobs::RunScheduled(const config::JobConfig& job, const JobRun& run) {
  if (!run.due) return Run(job.name).status();
  sdk::Result<golden::StoreMatchCounts> result = golden::StoreMatchCounts{};
  std::optional<LeaseRefusal> refusal = RunLeased(job, LeaseTick{*run.due, job.every}, &result);
  if (!refusal) return result.status();
  RecordMatchSkipped(metrics_, job.name);
  log_->info("job {}: skipped: {}", job.name, refusal->message);
  return JobOutcome::Skipped();
}

std::vector<JobSpec> MatchJobs::Specs() {
  return ScheduledJobSpecs(*setup_, config::JobKind::kMatch,
                           [self = shared_from_this()](const config::JobConfig& job, const JobRun& run) {
                             return self->RunScheduled(job, run);
                           });
}

}  // namespace hub::service
