// The sync loop against a real plugin (the e2e `slow` test plugin, with no delay) and the checkpoint sink.
#include "sync/sync_runner.hpp"

#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "memory_sink.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/plugin_registry.hpp"

namespace hub::sync {
namespace {

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
    auto instance = plugin_host::ConnectorInstance::Create(
        "slow_source", plugin, plugin_host::HostServices{MakeLogger("connector.slow_source"), clock_, {}, {}});
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

}  // namespace
}  // namespace hub::sync
