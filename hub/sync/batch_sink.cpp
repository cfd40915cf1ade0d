#include "sync/batch_sink.hpp"

namespace hub::sync {

std::string QuarantineReason(const sdk::Record& record) {
  // Connectors usually put the position in front of the reason already; do not say it twice.
  if (record.position.empty() || record.rejection.rfind(record.position, 0) == 0) return record.rejection;
  return record.position + ": " + record.rejection;
}

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
    log_->warn("job {}: quarantined: {}", job, QuarantineReason(record));
  }
  std::lock_guard lock(mutex_);
  cursors_[std::string(job)] = std::string(next_cursor);
  return counts;
}

}  // namespace hub::sync
