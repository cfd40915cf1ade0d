#include "runtime/scheduler.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace hub {
namespace {

// A job's outcome, with exceptions turned into failures so that none escapes to the worker pool.
JobOutcome Invoke(const std::function<JobOutcome(const JobRun&)>& run, const JobRun& job_run) {
  try {
    return run(job_run);
  } catch (const std::exception& error) {
    return sdk::Status::Internal(std::string("job threw an exception: ") + error.what());
  } catch (...) {
    return sdk::Status::Internal("job threw an exception of unknown type");
  }
}

}  // namespace

class Scheduler::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(boost::asio::io_context& timers, RunBlocking run_blocking, const Clock& clock, Logger log,
       FinishedHook on_finished)
      : timers_(timers),
        run_blocking_(std::move(run_blocking)),
        clock_(clock),
        log_(std::move(log)),
        on_finished_(std::move(on_finished)) {}

  void SetJobs(std::vector<JobSpec> specs);
  void Start();
  TriggerResult RunNow(std::string_view name);
  std::vector<JobState> States() const;
  void Tick();
  bool Stop(std::chrono::milliseconds grace);

 private:
  struct Job {
    JobSpec spec;
    JobState state;
    CancellationToken token;  // of the run in flight
    bool configured = true;   // false once SetJobs dropped it; erased when no run is in flight
  };
  // Everything a worker needs for one run, copied out of the lock.
  struct Launch {
    std::string name;
    std::function<JobOutcome(const JobRun&)> run;
    JobRun job_run;
    TimePoint start;
    std::optional<TimePoint> previous_start;  // restored when the run is skipped
  };

  Launch BeginRunLocked(Job& job, TimePoint now, std::optional<TimePoint> due);
  void Dispatch(const Launch& launch);
  void Execute(const Launch& launch);
  void Finish(const Launch& launch, JobOutcome outcome);
  void NotifyFinished(const JobState& state);
  void ArmLocked();
  void OnTimer();
  bool IdleLocked() const;

  boost::asio::io_context& timers_;
  const RunBlocking run_blocking_;
  const Clock& clock_;
  const Logger log_;
  const FinishedHook on_finished_;

  mutable std::mutex mutex_;
  std::condition_variable idle_;                      // signalled when a run or its hook ends
  std::map<std::string, Job, std::less<>> jobs_;      // guarded by mutex_
  std::unique_ptr<boost::asio::steady_timer> timer_;  // guarded by mutex_; set between Start and Stop
  int hooks_in_flight_ = 0;                           // guarded by mutex_
  bool stopping_ = false;                             // guarded by mutex_
};

void Scheduler::Impl::SetJobs(std::vector<JobSpec> specs) {
  const TimePoint now = clock_.Now();
  std::lock_guard lock(mutex_);
  for (auto& [name, job] : jobs_) job.configured = false;
  for (JobSpec& spec : specs) {
    auto [it, added] = jobs_.try_emplace(spec.name);
    Job& job = it->second;
    std::string description = spec.schedule.Describe();
    if (added || !job.state.next_run || description != job.state.schedule) {
      job.state.next_run = spec.schedule.Next(now);
    }
    job.state.name = spec.name;
    job.state.schedule = std::move(description);
    job.spec = std::move(spec);
    job.configured = true;
  }
  std::erase_if(jobs_, [](const auto& entry) { return !entry.second.configured && !entry.second.state.running; });
  for (auto& [name, job] : jobs_) {
    if (!job.configured) job.state.next_run.reset();
  }
  log_->info("{} job(s) configured", specs.size());
  ArmLocked();
}

void Scheduler::Impl::Start() {
  std::lock_guard lock(mutex_);
  if (stopping_ || timer_) return;
  const TimePoint now = clock_.Now();
  // An interval job runs once at start (a hub that just started has not synced "every 5m" ago); a cron
  // job waits for its first matching minute.
  for (auto& [name, job] : jobs_) {
    bool interval = job.spec.schedule.kind() == Schedule::Kind::kInterval;
    job.state.next_run = interval ? std::optional<TimePoint>(now) : job.spec.schedule.Next(now);
  }
  timer_ = std::make_unique<boost::asio::steady_timer>(timers_);
  ArmLocked();
}

TriggerResult Scheduler::Impl::RunNow(std::string_view name) {
  Launch launch;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return TriggerResult::kStopping;
    auto it = jobs_.find(name);
    if (it == jobs_.end() || !it->second.configured) return TriggerResult::kUnknownJob;
    Job& job = it->second;
    if (job.state.running) {
      ++job.state.skipped_overlaps;
      log_->info("job '{}' is already running; run request skipped", name);
      return TriggerResult::kAlreadyRunning;
    }
    launch = BeginRunLocked(job, clock_.Now(), std::nullopt);
  }
  Dispatch(launch);
  return TriggerResult::kStarted;
}

std::vector<JobState> Scheduler::Impl::States() const {
  std::lock_guard lock(mutex_);
  std::vector<JobState> states;
  for (const auto& [name, job] : jobs_) {
    if (job.configured) states.push_back(job.state);
  }
  return states;
}

void Scheduler::Impl::Tick() {
  const TimePoint now = clock_.Now();
  std::vector<Launch> launches;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    for (auto& [name, job] : jobs_) {
      if (!job.configured || !job.state.next_run || *job.state.next_run > now) continue;
      const TimePoint due = *job.state.next_run;
      job.state.next_run = job.spec.schedule.Next(now);
      if (job.state.running) {
        ++job.state.skipped_overlaps;
        log_->warn("job '{}' is still running; the run due now is skipped", name);
        continue;
      }
      launches.push_back(BeginRunLocked(job, now, due));
    }
  }
  // Outside the lock: run_blocking may run the task inline, and the task takes the lock to finish.
  for (const Launch& launch : launches) Dispatch(launch);
}

bool Scheduler::Impl::Stop(std::chrono::milliseconds grace) {
  std::unique_lock lock(mutex_);
  if (!stopping_) log_->info("stopping the scheduler");
  stopping_ = true;
  if (timer_) {
    timer_->cancel();
    timer_.reset();
  }
  for (auto& [name, job] : jobs_) {
    if (job.state.running) job.token.Cancel();
  }
  if (idle_.wait_for(lock, grace, [this] { return IdleLocked(); })) return true;
  log_->warn("jobs still running after the {} ms grace period", grace.count());
  return false;
}

Scheduler::Impl::Launch Scheduler::Impl::BeginRunLocked(Job& job, TimePoint now, std::optional<TimePoint> due) {
  Launch launch{job.spec.name, job.spec.run, JobRun{CancellationToken(), due}, now, job.state.last_start};
  job.state.running = true;
  job.state.last_start = now;
  job.token = launch.job_run.cancel;
  log_->debug("job '{}' starting", job.spec.name);
  return launch;
}

void Scheduler::Impl::Dispatch(const Launch& launch) {
  try {
    run_blocking_([self = shared_from_this(), launch] { self->Execute(launch); });
  } catch (const std::exception& error) {
    Finish(launch, sdk::Status::Unavailable(std::string("the worker pool refused the job: ") + error.what()));
  }
}

void Scheduler::Impl::Execute(const Launch& launch) { Finish(launch, Invoke(launch.run, launch.job_run)); }

void Scheduler::Impl::Finish(const Launch& launch, JobOutcome outcome) {
  const TimePoint end = clock_.Now();
  JobState snapshot;
  {
    std::lock_guard lock(mutex_);
    // Present: an entry is erased only when no run of it is in flight.
    auto it = jobs_.find(launch.name);
    JobState& state = it->second.state;
    state.running = false;
    if (outcome.skipped) {
      ++state.skipped_runs;
      state.last_start = launch.previous_start;
    } else {
      state.last_end = end;
      state.last_duration = std::max(std::chrono::milliseconds::zero(),
                                     std::chrono::duration_cast<std::chrono::milliseconds>(end - launch.start));
      ++state.runs;
      if (!outcome.status.ok()) ++state.failures;
      state.last_status = std::move(outcome.status);
    }
    snapshot = state;
    if (!it->second.configured) jobs_.erase(it);
    ++hooks_in_flight_;
  }
  if (!outcome.skipped) NotifyFinished(snapshot);
  {
    std::lock_guard lock(mutex_);
    --hooks_in_flight_;
  }
  idle_.notify_all();
}

void Scheduler::Impl::NotifyFinished(const JobState& state) {
  if (state.last_status.ok()) {
    log_->info("job '{}' finished in {} ms", state.name, state.last_duration.count());
  } else {
    log_->warn("job '{}' failed after {} ms: {}", state.name, state.last_duration.count(),
               state.last_status.ToString());
  }
  if (!on_finished_) return;
  try {
    on_finished_(state);
  } catch (const std::exception& error) {
    log_->error("on_finished hook threw for job '{}': {}", state.name, error.what());
  } catch (...) {
    log_->error("on_finished hook threw for job '{}'", state.name);
  }
}

void Scheduler::Impl::ArmLocked() {
  if (!timer_) return;
  const TimePoint now = clock_.Now();
  std::chrono::nanoseconds delay = kMaxTimerDelay;
  for (const auto& [name, job] : jobs_) {
    if (job.configured && job.state.next_run) {
      delay = std::clamp<std::chrono::nanoseconds>(*job.state.next_run - now, std::chrono::nanoseconds::zero(), delay);
    }
  }
  timer_->expires_after(delay);
  timer_->async_wait([weak = weak_from_this()](const boost::system::error_code& error) {
    if (error) return;  // cancelled: re-armed or stopped
    if (auto self = weak.lock()) self->OnTimer();
  });
}

void Scheduler::Impl::OnTimer() {
  Tick();
  std::lock_guard lock(mutex_);
  ArmLocked();
}

bool Scheduler::Impl::IdleLocked() const {
  if (hooks_in_flight_ > 0) return false;
  return std::none_of(jobs_.begin(), jobs_.end(), [](const auto& entry) { return entry.second.state.running; });
}

Scheduler::Scheduler(boost::asio::io_context& timers, RunBlocking run_blocking, const Clock& clock, Logger log,
                     FinishedHook on_finished)
    : impl_(std::make_shared<Impl>(timers, std::move(run_blocking), clock, std::move(log), std::move(on_finished))) {}

Scheduler::~Scheduler() {
  try {
    impl_->Stop(std::chrono::milliseconds::zero());
  } catch (const std::exception&) {
    // Only a failing mutex or logger could throw here; a destructor has no one to report it to.
  }
}

void Scheduler::SetJobs(std::vector<JobSpec> jobs) { impl_->SetJobs(std::move(jobs)); }
void Scheduler::Start() { impl_->Start(); }
TriggerResult Scheduler::RunNow(std::string_view name) { return impl_->RunNow(name); }
std::vector<JobState> Scheduler::States() const { return impl_->States(); }
void Scheduler::Tick() { impl_->Tick(); }
bool Scheduler::Stop(std::chrono::milliseconds grace) { return impl_->Stop(grace); }

}  // namespace hub
