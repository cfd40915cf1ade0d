// Runs named jobs on their schedules, one run of a job at a time, on the worker pool.
#ifndef HUB_RUNTIME_SCHEDULER_HPP_
#define HUB_RUNTIME_SCHEDULER_HPP_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "hub/sdk/status.hpp"
#include "runtime/schedule.hpp"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace hub {

// One run as the scheduler hands it to its job: the token that is cancelled when the scheduler stops
// (the run should return soon after), and the due time of the schedule tick that started it — the same
// on every hub that runs this schedule (cron: the matching minute; interval: the tick's planned time) —
// or none for a run started on demand.
struct JobRun {
  CancellationToken cancel;
  std::optional<TimePoint> due;
};

// What a run answers: its Status, or that it did nothing because the work was not this run's to do (the
// job already ran for this tick, or another hub is running it). A skipped run is counted apart and leaves
// the job's last status, run and failure counts as they were.
struct JobOutcome {
  JobOutcome(sdk::Status run_status = sdk::Status::Ok()) : status(std::move(run_status)) {}  // NOLINT: implicit
  static JobOutcome Skipped() {
    JobOutcome outcome;
    outcome.skipped = true;
    return outcome;
  }
  sdk::Status status;
  bool skipped = false;
};

// A job the scheduler runs: `run` is called on a worker thread. A non-OK Status or an exception counts
// as a failure.
struct JobSpec {
  std::string name;
  Schedule schedule = Schedule::Manual();
  std::function<JobOutcome(const JobRun&)> run;
};

// What RunNow did.
enum class TriggerResult {
  kStarted,         // a run was handed to the worker pool
  kAlreadyRunning,  // the job is running; nothing was queued (counted in skipped_overlaps)
  kUnknownJob,      // no job of that name is configured
  kStopping,        // Stop was called; nothing starts any more
};

// A snapshot of one job, for the API, logs and metrics. Times come from the scheduler's Clock.
struct JobState {
  std::string name;
  std::string schedule;  // Schedule::Describe()
  bool running = false;
  std::optional<TimePoint> last_start;
  std::optional<TimePoint> last_end;
  std::optional<TimePoint> next_run;  // nullopt for manual jobs
  sdk::Status last_status;            // of the last finished run; OK before the first one
  std::uint64_t runs = 0;             // finished runs, failed ones included
  std::uint64_t failures = 0;
  std::uint64_t skipped_overlaps = 0;  // due ticks and RunNow calls refused because the job was running
  std::uint64_t skipped_runs = 0;      // runs that answered JobOutcome::Skipped (not in `runs`)
  std::chrono::milliseconds last_duration{0};
};

// Fires jobs when they are due and on demand.
//
// A job never runs twice at once: a due time or a RunNow that finds it running is skipped and counted,
// not queued. Due times missed while the job ran (or while the process slept) are not caught up: the
// next one is computed from the moment the tick happens. Runs go through `run_blocking` (the worker
// pool), never on the timer thread. The timer re-arms for the earliest next run but waits at most
// kMaxTimerDelay, so jumps of the wall clock are noticed.
//
// Thread-safe: every member may be called from any thread. Lifetime: `timers` must outlive the
// scheduler; `clock`, `log` and whatever `run_blocking` posts to must outlive the runs in flight (Stop
// returning true guarantees there are none). `run_blocking` must run every task it accepts, or throw.
class Scheduler {
 public:
  using RunBlocking = std::function<void(std::function<void()>)>;
  using FinishedHook = std::function<void(const JobState&)>;

  static constexpr std::chrono::seconds kMaxTimerDelay{30};

  // `log` must not be null. `on_finished`, if set, is called on the worker thread after every run (not a skipped one)
  // with the job's state (running already false); an exception from it is logged and dropped.
  Scheduler(boost::asio::io_context& timers, RunBlocking run_blocking, const Clock& clock, Logger log,
            FinishedHook on_finished = {});
  // Stops as Stop(0): cancels the running jobs' tokens but does not wait for them.
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Installs the job set: at start-up and on a configuration reload. A job whose name is kept keeps its
  // state (counters, a run in flight); its next run is recomputed if its schedule changed. A job no
  // longer listed gets no new runs and disappears from States() (its run in flight, if any, finishes and
  // Stop still waits for it). With duplicate names the last spec wins.
  void SetJobs(std::vector<JobSpec> jobs);

  // Computes every job's next run from now (an interval job runs at once, then every interval) and
  // arms the timer on `timers`. Calling it again, or after Stop, does nothing.
  void Start();

  // Starts a run of `name` now, whatever its schedule; its next scheduled run is unchanged.
  TriggerResult RunNow(std::string_view name);

  // The configured jobs, sorted by name.
  std::vector<JobState> States() const;

  // Starts every job due at clock.Now(). The timer calls it; tests call it directly (Start not needed).
  void Tick();

  // Starts no new runs, disarms the timer, cancels the tokens of the running jobs and waits up to
  // `grace` (real time) for them and their on_finished calls to end. True if all ended. Idempotent.
  // Not to be called from a job or from on_finished: it would wait the whole grace for itself.
  bool Stop(std::chrono::milliseconds grace);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;  // shared with the runs in flight, which may end after the scheduler
};

}  // namespace hub

#endif  // HUB_RUNTIME_SCHEDULER_HPP_
