#include "runtime/scheduler.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "utc_time.hpp"

namespace hub {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using testing::Utc;

constexpr std::chrono::seconds kDeadline{10};

// Waits, with a deadline, until `done()` holds; `done` is evaluated under `mutex`.
bool WaitUntil(std::mutex& mutex, std::condition_variable& changed, const std::function<bool()>& done) {
  std::unique_lock lock(mutex);
  return changed.wait_for(lock, kDeadline, done);
}

// Collects the states the scheduler reports when runs finish.
class Finished {
 public:
  void Record(const JobState& state) {
    {
      std::lock_guard lock(mutex_);
      states_.push_back(state);
    }
    changed_.notify_all();
  }
  // True once `count` runs of `name` have finished.
  bool WaitFor(const std::string& name, std::size_t count) {
    return WaitUntil(mutex_, changed_, [&] { return CountLocked(name) >= count; });
  }
  JobState Last() {
    std::lock_guard lock(mutex_);
    return states_.back();
  }

 private:
  std::size_t CountLocked(const std::string& name) const {
    std::size_t count = 0;
    for (const auto& state : states_) count += state.name == name ? 1 : 0;
    return count;
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<JobState> states_;
};

// Holds jobs until opened, or until their token is cancelled when they honour it.
class Gate {
 public:
  void Open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  // Polls the token (which has no way to notify) under a deadline; true if opened or cancelled.
  bool Wait(const CancellationToken* token) {
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    std::unique_lock lock(mutex_);
    while (!open_ && !(token != nullptr && token->Cancelled())) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      changed_.wait_for(lock, milliseconds(2));
    }
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

class SchedulerTest : public ::testing::Test {
 protected:
  void TearDown() override {
    gate_.Open();
    scheduler_.Stop(kDeadline);
    pool_.join();
  }

  JobSpec CountingJob(std::string name, Schedule schedule) {
    return {std::move(name), std::move(schedule), [this](const JobRun&) {
              ++invocations_;
              return sdk::Status::Ok();
            }};
  }
  // A job that waits for gate_; it returns Cancelled early only if `honours_token`.
  JobSpec BlockedJob(std::string name, bool honours_token = true) {
    return {std::move(name), Schedule::Manual(), [this, honours_token](const JobRun& run) {
              ++invocations_;
              gate_.Wait(honours_token ? &run.cancel : nullptr);
              return run.cancel.Cancelled() ? sdk::Status::Cancelled("stopped") : sdk::Status::Ok();
            }};
  }
  static Schedule EveryMinute() { return Schedule::Every(minutes(1)).value(); }
  JobState StateOf(std::string_view name) {
    for (auto& state : scheduler_.States()) {
      if (state.name == name) return state;
    }
    ADD_FAILURE() << "no job " << name;
    return {};
  }

  boost::asio::io_context io_;
  boost::asio::thread_pool pool_{2};
  ManualClock clock_{Utc("2024-01-01 00:02")};
  Finished finished_;
  Gate gate_;
  std::atomic<int> invocations_{0};
  Scheduler scheduler_{io_, [this](std::function<void()> task) { boost::asio::post(pool_, std::move(task)); }, clock_,
                       MakeLogger("scheduler-test"), [this](const JobState& state) { finished_.Record(state); }};
};

TEST_F(SchedulerTest, DueJobRunsOncePerDueTime) {
  scheduler_.SetJobs({CountingJob("sync", EveryMinute())});
  scheduler_.Tick();
  EXPECT_FALSE(StateOf("sync").running);  // not due yet

  clock_.Advance(minutes(1));
  scheduler_.Tick();
  ASSERT_TRUE(finished_.WaitFor("sync", 1));
  scheduler_.Tick();  // same time again: already handled
  EXPECT_FALSE(StateOf("sync").running);

  clock_.Advance(minutes(1));
  scheduler_.Tick();
  ASSERT_TRUE(finished_.WaitFor("sync", 2));
  const JobState state = StateOf("sync");
  EXPECT_EQ(invocations_.load(), 2);
  EXPECT_EQ(state.runs, 2u);
  EXPECT_EQ(state.failures, 0u);
  EXPECT_EQ(state.last_start, Utc("2024-01-01 00:04"));
  EXPECT_EQ(state.next_run, Utc("2024-01-01 00:05"));
}

TEST_F(SchedulerTest, CronJobIsDueAtItsNextMatchingMinute) {
  scheduler_.SetJobs({CountingJob("report", Schedule::ParseCron("*/5 * * * *").value())});
  EXPECT_EQ(StateOf("report").next_run, Utc("2024-01-01 00:05"));
  EXPECT_EQ(StateOf("report").schedule, "cron '*/5 * * * *'");

  clock_.Set(Utc("2024-01-01 00:05:01"));
  scheduler_.Tick();
  ASSERT_TRUE(finished_.WaitFor("report", 1));
  EXPECT_EQ(StateOf("report").next_run, Utc("2024-01-01 00:10"));
}

TEST_F(SchedulerTest, ARunIsHandedTheDueTimeOfItsTickAndARunOnDemandNone) {
  std::mutex mutex;
  std::vector<std::optional<TimePoint>> dues;
  scheduler_.SetJobs({{"report", Schedule::ParseCron("*/5 * * * *").value(), [&](const JobRun& run) {
                         std::lock_guard lock(mutex);
                         dues.push_back(run.due);
                         return sdk::Status::Ok();
                       }}});
  clock_.Set(Utc("2024-01-01 00:05:40"));  // the tick comes late: the due time is still the minute's
  scheduler_.Tick();
  ASSERT_TRUE(finished_.WaitFor("report", 1));
  ASSERT_EQ(scheduler_.RunNow("report"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("report", 2));
  std::lock_guard lock(mutex);
  ASSERT_EQ(dues.size(), 2u);
  EXPECT_EQ(dues[0], Utc("2024-01-01 00:05"));
  EXPECT_EQ(dues[1], std::nullopt);
}

TEST_F(SchedulerTest, ASkippedRunIsCountedApartAndLeavesTheLastRunAsItWas) {
  std::atomic<bool> skip{false};
  scheduler_.SetJobs({{"sync", EveryMinute(), [&](const JobRun&) {
                         return skip ? JobOutcome::Skipped() : JobOutcome(sdk::Status::IoError("disk full"));
                       }}});
  ASSERT_EQ(scheduler_.RunNow("sync"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("sync", 1));
  const JobState before = StateOf("sync");
  skip = true;
  clock_.Advance(minutes(1));
  scheduler_.Tick();
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (StateOf("sync").skipped_runs == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(1));
  }
  const JobState after = StateOf("sync");
  EXPECT_EQ(after.skipped_runs, 1u);
  EXPECT_FALSE(after.running);
  EXPECT_EQ(after.runs, 1u);
  EXPECT_EQ(after.failures, 1u);
  EXPECT_EQ(after.last_status.ToString(), before.last_status.ToString());
  EXPECT_EQ(after.last_start, before.last_start);
  EXPECT_EQ(after.next_run, Utc("2024-01-01 00:04"));
}

TEST_F(SchedulerTest, StartRunsIntervalJobsAtOnceButLetsCronJobsWait) {
  scheduler_.SetJobs(
      {CountingJob("sync", EveryMinute()), CountingJob("report", Schedule::ParseCron("*/5 * * * *").value())});
  auto work = boost::asio::make_work_guard(io_);
  std::thread timer_thread([this] { io_.run(); });
  scheduler_.Start();
  EXPECT_TRUE(finished_.WaitFor("sync", 1));
  EXPECT_EQ(StateOf("sync").next_run, Utc("2024-01-01 00:03"));
  EXPECT_EQ(StateOf("report").runs, 0u);
  EXPECT_EQ(StateOf("report").next_run, Utc("2024-01-01 00:05"));
  EXPECT_TRUE(scheduler_.Stop(kDeadline));
  work.reset();
  io_.stop();
  timer_thread.join();
}

TEST_F(SchedulerTest, ManualJobNeverBecomesDue) {
  scheduler_.SetJobs({CountingJob("adhoc", Schedule::Manual())});
  clock_.Advance(std::chrono::hours(24 * 365));
  scheduler_.Tick();
  const JobState state = StateOf("adhoc");
  EXPECT_FALSE(state.running);
  EXPECT_EQ(state.next_run, std::nullopt);
  EXPECT_EQ(state.schedule, "manual");
}

TEST_F(SchedulerTest, RunNowStartsAJobWithoutMovingItsNextRun) {
  scheduler_.SetJobs({CountingJob("sync", EveryMinute())});
  EXPECT_EQ(scheduler_.RunNow("sync"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("sync", 1));
  EXPECT_EQ(StateOf("sync").next_run, Utc("2024-01-01 00:03"));
}

TEST_F(SchedulerTest, OverlappingRunsAreSkippedAndCountedNotQueued) {
  JobSpec job = BlockedJob("slow");
  job.schedule = EveryMinute();
  scheduler_.SetJobs({std::move(job)});
  ASSERT_EQ(scheduler_.RunNow("slow"), TriggerResult::kStarted);

  EXPECT_EQ(scheduler_.RunNow("slow"), TriggerResult::kAlreadyRunning);
  clock_.Advance(minutes(1));
  scheduler_.Tick();
  EXPECT_TRUE(StateOf("slow").running);
  EXPECT_EQ(StateOf("slow").skipped_overlaps, 2u);

  gate_.Open();
  ASSERT_TRUE(finished_.WaitFor("slow", 1));
  EXPECT_EQ(invocations_.load(), 1);
  EXPECT_EQ(StateOf("slow").runs, 1u);
  EXPECT_EQ(scheduler_.RunNow("slow"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("slow", 2));
}

TEST_F(SchedulerTest, FailedRunIsRecordedWithItsStatus) {
  scheduler_.SetJobs({{"broken", Schedule::Manual(), [](const JobRun&) { return sdk::Status::IoError("disk full"); }}});
  ASSERT_EQ(scheduler_.RunNow("broken"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("broken", 1));
  const JobState state = StateOf("broken");
  EXPECT_EQ(state.runs, 1u);
  EXPECT_EQ(state.failures, 1u);
  EXPECT_EQ(state.last_status.code(), sdk::StatusCode::kIoError);
  EXPECT_EQ(state.last_status.message(), "disk full");
  EXPECT_FALSE(state.running);
  EXPECT_EQ(state.last_end, Utc("2024-01-01 00:02"));
}

TEST_F(SchedulerTest, ExceptionFromAJobIsRecordedAsAFailure) {
  scheduler_.SetJobs(
      {{"throws", Schedule::Manual(), [](const JobRun&) -> sdk::Status { throw std::runtime_error("boom"); }}});
  ASSERT_EQ(scheduler_.RunNow("throws"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("throws", 1));
  const JobState state = StateOf("throws");
  EXPECT_EQ(state.failures, 1u);
  EXPECT_EQ(state.last_status.code(), sdk::StatusCode::kInternal);
  EXPECT_NE(state.last_status.message().find("boom"), std::string::npos);
  EXPECT_EQ(scheduler_.RunNow("throws"), TriggerResult::kStarted);  // the scheduler carries on
  ASSERT_TRUE(finished_.WaitFor("throws", 2));
}

TEST_F(SchedulerTest, UnknownJobIsReported) {
  scheduler_.SetJobs({CountingJob("sync", EveryMinute())});
  EXPECT_EQ(scheduler_.RunNow("nope"), TriggerResult::kUnknownJob);
}

TEST_F(SchedulerTest, StopCancelsTheRunningJobAndReturnsTrueWhenItEndsInTime) {
  scheduler_.SetJobs({BlockedJob("slow")});
  ASSERT_EQ(scheduler_.RunNow("slow"), TriggerResult::kStarted);
  EXPECT_TRUE(scheduler_.Stop(kDeadline));
  EXPECT_EQ(finished_.Last().last_status.code(), sdk::StatusCode::kCancelled);
  EXPECT_FALSE(StateOf("slow").running);
}

TEST_F(SchedulerTest, StopReturnsFalseWhenAJobOutlivesTheGrace) {
  scheduler_.SetJobs({BlockedJob("stubborn", /*honours_token=*/false)});
  ASSERT_EQ(scheduler_.RunNow("stubborn"), TriggerResult::kStarted);
  EXPECT_FALSE(scheduler_.Stop(milliseconds(20)));
  EXPECT_TRUE(StateOf("stubborn").running);
  gate_.Open();
  EXPECT_TRUE(scheduler_.Stop(kDeadline));
  EXPECT_EQ(StateOf("stubborn").runs, 1u);
}

TEST_F(SchedulerTest, NothingStartsAfterStop) {
  scheduler_.SetJobs({CountingJob("sync", EveryMinute())});
  ASSERT_TRUE(scheduler_.Stop(kDeadline));
  EXPECT_EQ(scheduler_.RunNow("sync"), TriggerResult::kStopping);
  clock_.Advance(minutes(5));
  scheduler_.Tick();
  EXPECT_FALSE(StateOf("sync").running);
  EXPECT_EQ(invocations_.load(), 0);
}

TEST_F(SchedulerTest, ReloadKeepsTheStateOfARunningJob) {
  scheduler_.SetJobs({BlockedJob("slow")});
  ASSERT_EQ(scheduler_.RunNow("slow"), TriggerResult::kStarted);

  std::atomic<int> new_runs{0};
  scheduler_.SetJobs({{"slow", EveryMinute(),
                       [&new_runs](const JobRun&) {
                         ++new_runs;
                         return sdk::Status::Ok();
                       }},
                      CountingJob("added", Schedule::Manual())});
  const auto states = scheduler_.States();
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].name, "added");
  EXPECT_EQ(states[1].name, "slow");
  EXPECT_TRUE(states[1].running);
  EXPECT_EQ(states[1].schedule, "every 1m");
  EXPECT_EQ(states[1].next_run, Utc("2024-01-01 00:03"));
  EXPECT_EQ(scheduler_.RunNow("slow"), TriggerResult::kAlreadyRunning);

  gate_.Open();
  ASSERT_TRUE(finished_.WaitFor("slow", 1));
  EXPECT_EQ(scheduler_.RunNow("slow"), TriggerResult::kStarted);
  ASSERT_TRUE(finished_.WaitFor("slow", 2));
  EXPECT_EQ(new_runs.load(), 1);
  EXPECT_EQ(StateOf("slow").runs, 2u);
  EXPECT_EQ(StateOf("slow").skipped_overlaps, 1u);
}

TEST_F(SchedulerTest, RemovedJobFinishesItsRunAndDisappears) {
  scheduler_.SetJobs({BlockedJob("old")});
  ASSERT_EQ(scheduler_.RunNow("old"), TriggerResult::kStarted);
  scheduler_.SetJobs({});
  EXPECT_TRUE(scheduler_.States().empty());
  EXPECT_EQ(scheduler_.RunNow("old"), TriggerResult::kUnknownJob);

  gate_.Open();
  ASSERT_TRUE(finished_.WaitFor("old", 1));
  EXPECT_EQ(finished_.Last().runs, 1u);
  EXPECT_TRUE(scheduler_.Stop(kDeadline));
  EXPECT_TRUE(scheduler_.States().empty());
}

TEST_F(SchedulerTest, TimerRunsDueJobsOnTheWorkerPool) {
  std::mutex mutex;
  std::condition_variable changed;
  std::thread::id job_thread;
  scheduler_.SetJobs({{"quick", Schedule::Every(milliseconds(5)).value(), [&](const JobRun&) {
                         {
                           std::lock_guard lock(mutex);
                           job_thread = std::this_thread::get_id();
                         }
                         changed.notify_all();
                         return sdk::Status::Ok();
                       }}});
  auto work = boost::asio::make_work_guard(io_);
  std::thread timer_thread([this] { io_.run(); });
  const std::thread::id timer_thread_id = timer_thread.get_id();
  scheduler_.Start();
  clock_.Advance(milliseconds(5));

  const bool ran = WaitUntil(mutex, changed, [&] { return job_thread != std::thread::id(); });
  EXPECT_TRUE(ran);
  EXPECT_TRUE(scheduler_.Stop(kDeadline));
  work.reset();
  io_.stop();
  timer_thread.join();
  std::lock_guard lock(mutex);
  EXPECT_NE(job_thread, timer_thread_id);
}

}  // namespace
}  // namespace hub
