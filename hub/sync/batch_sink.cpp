#include "sync/batch_sink.hpp"

namespace hub::sync {

sdk::Result<std::string> CheckpointOnlySink::LoadCursor(std::string_view job) {
  std::lock_guard lock(mutex_);
  auto it = cursors_.find(job);
  return it == cursors_.end() ? std::string() : it->second;
}

sdk::Result<SyncCounts> CheckpointOnlySink::Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                                  std::string_view next_cursor) {
  SyncCounts counts;
  for (const sdk::Record& record : records) {
    if (record.rejection.empty()) continue;
    ++counts.quarantined;
    log_->warn("job {}: record {} quarantined: {}", job, record.position, record.rejection);
  }
  std::lock_guard lock(mutex_);
  cursors_[std::string(job)] = std::string(next_cursor);
  return counts;
}

}  // namespace hub::sync
