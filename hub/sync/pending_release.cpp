// BatchApplier's release of the pending records a batch's records let through.
#include "sync/batch_applier.hpp"

#include "store/model/record_json.hpp"

namespace hub::sync {

using store_model::PendingEntry;
using store_model::RecordFromRawJson;

using sdk::Value;

sdk::Status BatchApplier::ReleasePending() {
  const SyncCounts batch = counts_;
  counts_ = SyncCounts{};
  last_chance_ = true;  // nothing released is deferred: what it refers to is in the store, or it waits again
  // First this job's own entries that an earlier batch should have released but could not see.
  sdk::Result<std::vector<PendingEntry>> entries =
      job_.name.empty() ? std::vector<PendingEntry>() : quarantine_.Overdue(job_.name);
  while (true) {
    if (!entries.ok()) return entries.status();
    for (const PendingEntry& entry : *entries) HUB_RETURN_IF_ERROR(Release(entry));
    entries = quarantine_.TakeArrivals();
    if (entries.ok() && entries->empty()) break;
  }
  last_chance_ = false;
  const std::uint64_t released = counts_.inserted + counts_.updated + counts_.merged + counts_.unchanged;
  counts_ = batch;
  counts_.released += released;
  return sdk::Status::Ok();
}

sdk::Result<bool> BatchApplier::StoreAgain(std::int64_t id, const JobContext& job, const sdk::Record& record,
                                           const std::string& stored) {
  const std::uint64_t quarantined = counts_.quarantined;
  HUB_RETURN_IF_ERROR(Store(job, record, MapRecord(record, job)));
  if (counts_.quarantined == quarantined) {
    HUB_RETURN_IF_ERROR(quarantine_.MarkResolved(id, stored));
    return true;
  }
  if (last_entry_ != id) {
    HUB_RETURN_IF_ERROR(
        quarantine_.MarkResolved(id, "tried again and refused again: entry " + std::to_string(last_entry_)));
  }
  return false;
}

sdk::Status BatchApplier::Release(const PendingEntry& entry) {
  sdk::Result<sdk::Record> record = RecordFromRawJson(entry.raw_record);
  const SinkJob sink_job = jobs_(entry.job);
  if (!record.ok() || sink_job.mappings.empty()) {
    log_->warn("{}: quarantine entry {} stays pending: {}", origin_, entry.id,
               record.ok() ? "its job " + entry.job + " has no mapping" : record.status().message());
    return sdk::Status::Ok();
  }
  sdk::Result<bool> locked = TryLock(SourceSystemOf(*record, sink_job));
  if (!locked.ok()) return locked.status();
  if (!*locked) {
    log_->info("{}: quarantine entry {} stays pending: another batch is writing its source system", origin_, entry.id);
    return sdk::Status::Ok();
  }
  const std::string stored =
      "stored when " + entry.awaited.entity + " '" + entry.awaited.key + "' arrived (" + origin_ + ")";
  sdk::Result<bool> landed = StoreAgain(entry.id, JobContext{entry.job, sink_job}, *record, stored);
  return landed.ok() ? sdk::Status::Ok() : landed.status();
}

}  // namespace hub::sync
