// The sync loop against a real plugin (the e2e `slow` test plugin, with no delay) and the checkpoint sink.
#include "sync/sync_runner.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>

#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "common/clock.hpp"
#include "memory_sink.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/plugin_registry.hpp"

namespace hub::sync {
namespace {

// Whether `condition` holds within `deadline`, checked every millisecond.
bool WaitUntil(const std::function<bool()>& condition, std::chrono::seconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// A sink that keeps how often each record was stored, over any number of runs; a hook before each Apply may
// fail it.
class RecordingSink final : public BatchSink {
 public:
  sdk::Result<std::string> LoadCursor(std::string_view job) override { return inner_.LoadCursor(job); }
  sdk::Result<SyncCounts> Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                std::string_view next_cursor) override {
    ++applies_;
    if (before_apply_) HUB_RETURN_IF_ERROR(before_apply_(applies_));
    for (const sdk::Record& record : records) ++stored_[record.source_id];
    return inner_.Apply(job, records, next_cursor);
  }

  // Called at the start of each Apply with its number (1, 2, ... over every run); an error fails the Apply.
  void BeforeApply(std::function<sdk::Status(int)> hook) { before_apply_ = std::move(hook); }
  const std::map<std::string, int>& stored() const { return stored_; }

 private:
  MemorySink inner_;
  std::function<sdk::Status(int)> before_apply_;
  int applies_ = 0;
  std::map<std::string, int> stored_;
};

// A sink that fails on its n-th Apply, to show that a failed batch does not move the checkpoint.
class FailingSink final : public BatchSink {
 public:
  FailingSink(BatchSink& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  sdk::Result<std::string> LoadCursor(std::string_view job) override { return inner_.LoadCursor(job); }
  sdk::Result<SyncCounts> Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                std::string_view next_cursor) override {
    if (++applies_ == fail_at_) return sdk::Status::Unavailable("store went away");
    return inner_.Apply(job, records, next_cursor);
  }

 private:
  BatchSink& inner_;
  int fail_at_;
  int applies_ = 0;
};

class SyncRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = plugin_host::PluginRegistry::Load(HUB_SLOW_PLUGIN_DIR, MakeLogger("test"));
    ASSERT_TRUE(registry.ok()) << registry.status().ToString();
    auto plugin = registry->Find("slow");
    ASSERT_NE(plugin, nullptr);
    // The connector's log says which record it reads ("reading record 3"), as it starts reading it.
    auto logger = std::make_shared<spdlog::logger>("connector.slow_source", log_);
    logger->set_pattern("%v");
    auto instance = plugin_host::ConnectorInstance::Create("slow_source", plugin,
                                                           plugin_host::HostServices{logger, clock_, {}, {}});
    ASSERT_TRUE(instance.ok()) << instance.status().ToString();
    connector_ = std::move(instance).value();
    ASSERT_TRUE(connector_->Configure(sdk::Options({{"records", "5"}, {"delay", "0ms"}})).ok());
  }

  SyncRunOptions Options(bool full = false) { return SyncRunOptions{"job", 1, full, {}, {}}; }
  // The connector's reads, as its owner lends them to a run: under the run's token.
  BatchReader Reader(const CancellationToken& cancel = CancellationToken()) {
    return [this, cancel](std::string_view cursor, std::size_t max_records) {
      connector_->SetCancellation(cancel);
      return connector_->ReadBatch(cursor, max_records);
    };
  }

  // True once the connector has started reading record `n`.
  bool StartedReading(int n) const {
    const std::string line = "reading record " + std::to_string(n);
    for (const std::string& logged : log_->last_formatted()) {
      if (logged.find(line) != std::string::npos) return true;
    }
    return false;
  }

  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> log_ = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(100);
  SystemClock clock_;
  MemorySink sink_;
  std::unique_ptr<plugin_host::ConnectorInstance> connector_;
};

TEST_F(SyncRunnerTest, ReadsEveryRecordAndCommitsTheLastCursor) {
  SyncRunResult result = RunSync(Reader(), sink_, Options(), CancellationToken());
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.read, 5u);
  EXPECT_EQ(*sink_.LoadCursor("job"), "5");
}

TEST_F(SyncRunnerTest, ASecondRunResumesFromTheCheckpointAndFullStartsOver) {
  ASSERT_TRUE(RunSync(Reader(), sink_, Options(), CancellationToken()).status.ok());
  EXPECT_EQ(RunSync(Reader(), sink_, Options(), CancellationToken()).counts.read, 0u);
  EXPECT_EQ(RunSync(Reader(), sink_, Options(/*full=*/true), CancellationToken()).counts.read, 5u);
}

TEST_F(SyncRunnerTest, AFailedBatchLeavesTheCheckpointAtTheLastAppliedBatch) {
  FailingSink failing(sink_, 3);
  SyncRunResult result = RunSync(Reader(), failing, Options(), CancellationToken());
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(result.counts.read, 2u);
  EXPECT_EQ(*sink_.LoadCursor("job"), "2");
  SyncRunResult resumed = RunSync(Reader(), sink_, Options(), CancellationToken());
  EXPECT_TRUE(resumed.status.ok());
  EXPECT_EQ(resumed.counts.read, 3u) << "records 3..5, none twice";
}

TEST_F(SyncRunnerTest, ACancelledRunStopsBeforeTheNextBatch) {
  CancellationToken cancel;
  SyncRunOptions options = Options();
  options.on_progress = [&](const SyncProgress& progress) {
    if (progress.counts.read == 2) cancel.Cancel();
  };
  SyncRunResult result = RunSync(Reader(cancel), sink_, options, cancel);
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kCancelled);
  EXPECT_EQ(result.counts.read, 2u);
  EXPECT_EQ(*sink_.LoadCursor("job"), "2");
}

TEST_F(SyncRunnerTest, ARunWhoseClaimIsLostStopsBeforeTheNextBatchKeepingWhatItApplied) {
  SyncRunOptions options = Options();
  int batches = 0;
  options.before_batch = [&batches] {
    return ++batches <= 3 ? sdk::Status::Ok() : sdk::Status::Unavailable("the lease passed to another hub");
  };
  SyncRunResult result = RunSync(Reader(), sink_, options, CancellationToken());
  EXPECT_EQ(result.status.ToString(), sdk::Status::Unavailable("the lease passed to another hub").ToString());
  EXPECT_EQ(result.counts.read, 3u);
  EXPECT_EQ(*sink_.LoadCursor("job"), "3");
}

TEST_F(SyncRunnerTest, ReadsTheNextBatchWhileTheSinkStoresThisOne) {
  RecordingSink sink;
  bool overlapped = true;
  // Batch n holds record n - 1; while it is stored, record n is already being read.
  sink.BeforeApply([&](int batch) {
    if (batch < 5)
      overlapped = WaitUntil([&] { return StartedReading(batch); }, std::chrono::seconds(30)) && overlapped;
    return sdk::Status::Ok();
  });
  SyncRunResult result = RunSync(Reader(), sink, Options(), CancellationToken());
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_TRUE(overlapped) << "a batch was stored before the next one was asked for";
  EXPECT_EQ(result.counts.read, 5u);
  EXPECT_EQ(*sink.LoadCursor("job"), "5");
}

TEST_F(SyncRunnerTest, AFailedBatchDropsTheBatchReadAheadAndAResumeStoresEachRecordOnce) {
  RecordingSink sink;
  bool read_ahead = false;
  sink.BeforeApply([&](int batch) {
    if (batch != 3) return sdk::Status::Ok();
    read_ahead = WaitUntil([&] { return StartedReading(3); }, std::chrono::seconds(30));  // batch 4's record
    return sdk::Status::Unavailable("store went away");
  });
  SyncRunResult result = RunSync(Reader(), sink, Options(), CancellationToken());
  EXPECT_TRUE(read_ahead);
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kUnavailable);
  EXPECT_EQ(result.counts.read, 2u);
  EXPECT_EQ(*sink.LoadCursor("job"), "2");
  EXPECT_EQ(sink.stored().size(), 2u) << "only the batches before the failed one";

  sink.BeforeApply([](int) { return sdk::Status::Ok(); });
  SyncRunResult resumed = RunSync(Reader(), sink, Options(), CancellationToken());
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.ToString();
  EXPECT_EQ(resumed.counts.read, 3u);
  const std::map<std::string, int> once = {{"slow-0", 1}, {"slow-1", 1}, {"slow-2", 1}, {"slow-3", 1}, {"slow-4", 1}};
  EXPECT_EQ(sink.stored(), once);
}

TEST_F(SyncRunnerTest, ACancelledRunDropsTheBatchReadAheadAndResumesAfterTheLastStored) {
  RecordingSink sink;
  CancellationToken cancel;
  SyncRunOptions options = Options();
  options.on_progress = [&](const SyncProgress& progress) {
    if (progress.counts.read == 2) cancel.Cancel();
  };
  SyncRunResult result = RunSync(Reader(cancel), sink, options, cancel);
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kCancelled);
  EXPECT_EQ(result.counts.read, 2u);
  EXPECT_EQ(*sink.LoadCursor("job"), "2");

  SyncRunResult resumed = RunSync(Reader(), sink, Options(), CancellationToken());
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.ToString();
  EXPECT_EQ(resumed.counts.read, 3u);
  EXPECT_EQ(sink.stored().size(), 5u);
  for (const auto& [id, times] : sink.stored()) EXPECT_EQ(times, 1) << id;
}

}  // namespace
}  // namespace hub::sync
