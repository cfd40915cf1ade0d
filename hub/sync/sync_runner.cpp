#include "sync/sync_runner.hpp"

#include <chrono>
#include <future>
#include <string>
#include <system_error>
#include <utility>

namespace hub::sync {
namespace {

// Reads the connector's next batch on a thread of its own while the caller stores the current one. At most
// one read is in flight; the destructor waits for it, so that no read outlives the run (the connector takes
// one call at a time) and a batch read ahead but never taken is simply dropped. Reads are idempotent for a
// cursor (the SDK's contract), so a dropped batch is read again by the next run.
class ReadAhead {
 public:
  ReadAhead(const BatchReader& read, std::size_t batch_size) : read_(read), batch_size_(batch_size) {}
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead() {
    if (next_.valid() && next_.wait_for(std::chrono::seconds(0)) != std::future_status::deferred) next_.wait();
  }

  // Starts reading the batch after `cursor`; the previous read must have been taken.
  void Start(std::string cursor) {
    auto read = [this, cursor = std::move(cursor)] { return read_(cursor, batch_size_); };
    try {
      next_ = std::async(std::launch::async, read);  // a copy: `read` must stay whole if this throws
    } catch (const std::system_error&) {             // no thread to be had: read when taken
      next_ = std::async(std::launch::deferred, std::move(read));
    }
  }

  // Waits for the read started last and answers its batch.
  sdk::Result<sdk::Batch> Take() { return next_.get(); }

 private:
  const BatchReader& read_;
  std::size_t batch_size_;
  std::future<sdk::Result<sdk::Batch>> next_;
};

}  // namespace

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
  if (cancel.Cancelled()) return {result.counts, sdk::Status::Cancelled("stopped between batches")};
  ReadAhead reader(read, options.batch_size);
  reader.Start(cursor);
  while (true) {
    sdk::Result<sdk::Batch> batch = reader.Take();
    if (!batch.ok()) return {result.counts, batch.status()};
    // A connector with nothing new may answer an empty batch without moving: that is the end for now too.
    const bool stalled = batch->records.empty() && batch->next_cursor == cursor;
    const bool last = batch->end_of_data || stalled;
    // The next cursor is known before this batch is stored: read on while the sink works. A failed Apply
    // returns below, and the batch read ahead is dropped unstored.
    if (!last && !cancel.Cancelled()) reader.Start(batch->next_cursor);
    if (options.before_batch) {
      if (sdk::Status go_on = options.before_batch(); !go_on.ok()) return {result.counts, go_on};
    }
    sdk::Result<SyncCounts> applied = sink.Apply(options.job, batch->records, batch->next_cursor);
    if (!applied.ok()) return {result.counts, applied.status().WithContext("storing a batch")};
    result.counts.read += batch->records.size();
    result.counts += *applied;
    if (options.on_progress) {
      options.on_progress(SyncProgress{result.counts, batch->total_hint, std::chrono::steady_clock::now() - started});
    }
    cursor = batch->next_cursor;
    if (last) return result;
    if (cancel.Cancelled()) return {result.counts, sdk::Status::Cancelled("stopped between batches")};
  }
}

}  // namespace hub::sync
