#include "service/customer_care_jobs.hpp"

#include <chrono>

#include "service/job_specs.hpp"
#include "service/run_audit.hpp"
#include "service/service_metrics.hpp"

namespace hub::service {
namespace {

const config::JobConfig* FindCareJob(const config::HubConfig& config, std::string_view name) {
  for (const config::JobConfig& job : config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kCustomerCare) return &job;
  }
  return nullptr;
}

care::Holiday HolidayOf(const config::CareConfig::Holiday& configured) {
  care::Holiday holiday;
  holiday.name = configured.name;
  holiday.title = configured.title;
  holiday.calendar = configured.calendar == config::CareConfig::Holiday::Calendar::kChinese
                         ? care::Holiday::Calendar::kChinese
                         : care::Holiday::Calendar::kGregorian;
  holiday.month = configured.month;
  holiday.day = configured.day;
  // The configuration checked the date's form.
  if (!configured.date.empty()) holiday.date = care::ParseIsoDate(configured.date);
  return holiday;
}

}  // namespace

care::CarePlan CarePlanOf(const config::JobConfig& job) {
  care::CarePlan plan;
  plan.job = job.name;
  plan.birthdays = job.care.birthdays;
  for (const config::CareConfig::Holiday& holiday : job.care.holidays) plan.holidays.push_back(HolidayOf(holiday));
  plan.time_zone = job.care.time_zone;
  plan.days_ahead = job.care.days_ahead;
  plan.batch_size = job.batch_size;
  return plan;
}

CustomerCareJobs::CustomerCareJobs(std::shared_ptr<const HubSetup> setup, odbc::Database& store,
                                   MetricsRegistry& metrics, const Clock& clock, std::string lease_owner)
    : setup_(std::move(setup)),
      store_(store),
      metrics_(metrics),
      clock_(clock),
      leases_(store, clock, std::move(lease_owner), setup_->config.runtime.lease),
      log_(MakeLogger("customer_care")) {}

care::CareRunResult CustomerCareJobs::Run(std::string_view name, const CancellationToken& cancel) {
  const config::JobConfig* job = FindCareJob(setup_->config, name);
  if (job == nullptr) return {{}, sdk::Status::NotFound("no customer-care job named '" + std::string(name) + "'")};
  care::CareRunResult result;
  if (std::optional<LeaseRefusal> refusal = RunLeased(*job, std::nullopt, cancel, &result)) {
    result.status = sdk::Status::Unavailable("job '" + job->name + "' is running on another hub: " + refusal->message);
    log_->warn("job {}: not run: {}", job->name, refusal->message);
  }
  return result;
}

std::optional<LeaseRefusal> CustomerCareJobs::RunLeased(const config::JobConfig& job,
                                                        const std::optional<LeaseTick>& tick,
                                                        const CancellationToken& cancel, care::CareRunResult* result) {
  sdk::Result<std::optional<LeaseRefusal>> leased = leases_.RunHolding(
      job.name, tick,
      [&] {
        const auto started = std::chrono::steady_clock::now();
        *result = care::RunCustomerCare(
            store_, CarePlanOf(job), clock_, [this, &job] { return leases_.Renew(job.name); }, cancel);
        Record(job, *result, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      },
      log_);
  if (leased.ok()) return *leased;
  *result = {{}, leased.status().WithContext("taking the job's lease")};
  log_->error("job {}: {}", job.name, result->status.ToString());
  return std::nullopt;
}

void CustomerCareJobs::Record(const config::JobConfig& job, const care::CareRunResult& result, double seconds) {
  RecordCareRun(metrics_, job.name, result.counts);
  if (sdk::Status audited = AuditCareRun(store_, job.name, result, seconds); !audited.ok()) {
    log_->error("job {}: the run's audit row was not written: {}", job.name, audited.ToString());
  }
  const care::CareCounts& c = result.counts;
  if (result.status.ok()) {
    log_->info("job {}: days={} greetings={} already_sent={} in {:.3f}s", job.name, c.days, c.greetings, c.already_sent,
               seconds);
  } else {
    log_->error("job {}: {} after days={} greetings={}", job.name, result.status.ToString(), c.days, c.greetings);
  }
}

JobOutcome CustomerCareJobs::RunScheduled(const config::JobConfig& job, const JobRun& run) {
  if (!run.due) return Run(job.name, run.cancel).status;
  care::CareRunResult result;
  std::optional<LeaseRefusal> refusal = RunLeased(job, LeaseTick{*run.due, job.every}, run.cancel, &result);
  if (!refusal) return result.status;
  log_->info("job {}: skipped: {}", job.name, refusal->message);
  return JobOutcome::Skipped();
}

std::vector<JobSpec> CustomerCareJobs::Specs() {
  return ScheduledJobSpecs(*setup_, config::JobKind::kCustomerCare,
                           [self = shared_from_this()](const config::JobConfig& job, const JobRun& run) {
                             return self->RunScheduled(job, run);
                           });
}

}  // namespace hub::service
