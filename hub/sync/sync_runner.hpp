// One run of one sync job: read batches from a connector after the last checkpoint, hand them to a sink.
#ifndef HUB_SYNC_SYNC_RUNNER_HPP_
#define HUB_SYNC_SYNC_RUNNER_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "common/cancellation.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "sync/batch_sink.hpp"
#include "sync/sync_counts.hpp"

namespace hub::sync {

// Where a run stands, reported after every batch.
struct SyncProgress {
  SyncCounts counts;
  std::optional<std::int64_t> total_hint;  // records in the whole source, when the connector knows
  std::chrono::steady_clock::duration elapsed{};
};

struct SyncRunOptions {
  std::string job;
  std::size_t batch_size = 1000;
  bool full = false;                                     // ignore the checkpoint and read from the beginning
  std::function<void(const SyncProgress&)> on_progress;  // may be empty; called on the running thread
  // May be empty; called on the running thread before each batch is stored. A non-OK answer (the run's
  // claim on the job is lost) ends the run with it, everything applied so far kept.
  std::function<sdk::Status()> before_batch;
};

// Reads at most `max_records` records after `cursor` ("" = from the beginning): a connector's ReadBatch,
// as its owner lends it to the run (under the run's cancellation).
using BatchReader = std::function<sdk::Result<sdk::Batch>(std::string_view cursor, std::size_t max_records)>;

// The outcome of a run: the counts so far, and OK, Cancelled (stopped between batches: everything counted
// is applied) or the error that ended it (the batch in flight was not applied).
struct SyncRunResult {
  SyncCounts counts;
  sdk::Status status;
};

// Runs the job once: from the sink's checkpoint (or from the beginning when `full`), reads batches of at
// most batch_size from `read` until it reports end of data, applying each with its cursor. Checks
// `cancel` between batches. Blocking: call it on a worker thread.
//
// `read` reads the next batch (from the cursor the current one ends at) on a second thread while
// the sink stores the current one, so reading overlaps storing; two batches are in memory at most. What is
// stored and checkpointed is exactly as with one read after another: batches are applied in order, each
// once; when an Apply fails or the run is cancelled, the batch read ahead is dropped unstored (the next run
// reads it again from the checkpoint: reads are idempotent per cursor), and RunSync returns only once no
// read is in flight. A read that fails ends the run after the batches before it are stored.
SyncRunResult RunSync(const BatchReader& read, BatchSink& sink, const SyncRunOptions& options,
                      const CancellationToken& cancel);

}  // namespace hub::sync

#endif  // HUB_SYNC_SYNC_RUNNER_HPP_
