#include "sync/sync_runner.hpp"

#include <string>

namespace hub::sync {

SyncRunResult RunSync(const BatchReader& read, BatchSink& sink, const SyncRunOptions& options,
                      const CancellationToken& cancel) {
  const auto started = std::chrono::steady_clock::now();
  SyncRunResult result;
  std::string cursor;
  if (!options.full) {
    sdk::Result<std::string> checkpoint = sink.LoadCursor(options.job);
    if (!checkpoint.ok()) return {result.counts, checkpoint.status().WithContext("loading the checkpoint")};
    cursor = std::move(checkpoint).value();
  }
  while (true) {
    if (cancel.Cancelled()) return {result.counts, sdk::Status::Cancelled("stopped between batches")};
    if (options.before_batch) {
      if (sdk::Status go_on = options.before_batch(); !go_on.ok()) return {result.counts, go_on};
    }
    sdk::Result<sdk::Batch> batch = read(cursor, options.batch_size);
    if (!batch.ok()) return {result.counts, batch.status()};
    sdk::Result<SyncCounts> applied = sink.Apply(options.job, batch->records, batch->next_cursor);
    if (!applied.ok()) return {result.counts, applied.status().WithContext("storing a batch")};
    result.counts.read += batch->records.size();
    result.counts += *applied;
    if (options.on_progress) {
      options.on_progress(SyncProgress{result.counts, batch->total_hint, std::chrono::steady_clock::now() - started});
    }
    // A connector with nothing new may answer an empty batch without moving: that is the end for now too.
    bool stalled = batch->records.empty() && batch->next_cursor == cursor;
    cursor = batch->next_cursor;
    if (batch->end_of_data || stalled) return result;
  }
}

}  // namespace hub::sync
