// A BatchSink for tests of the sync loop: keeps checkpoints in memory and counts rejected records as
// quarantined.
#ifndef HUB_TESTS_SYNC_MEMORY_SINK_HPP_
#define HUB_TESTS_SYNC_MEMORY_SINK_HPP_

#include <map>
#include <mutex>
#include <string>

#include "sync/batch_sink.hpp"

namespace hub::sync {

class MemorySink final : public BatchSink {
 public:
  sdk::Result<std::string> LoadCursor(std::string_view job) override {
    std::lock_guard lock(mutex_);
    auto it = cursors_.find(job);
    return it == cursors_.end() ? std::string() : it->second;
  }

  sdk::Result<SyncCounts> Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                std::string_view next_cursor) override {
    SyncCounts counts;
    for (const sdk::Record& record : records) counts.quarantined += record.rejection.empty() ? 0 : 1;
    std::lock_guard lock(mutex_);
    cursors_[std::string(job)] = std::string(next_cursor);
    return counts;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string, std::less<>> cursors_;  // guarded by mutex_
};

}  // namespace hub::sync

#endif  // HUB_TESTS_SYNC_MEMORY_SINK_HPP_
