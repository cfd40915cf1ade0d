// Where a sync run puts what it read: the seam between the sync loop and the store.
#ifndef HUB_SYNC_BATCH_SINK_HPP_
#define HUB_SYNC_BATCH_SINK_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "sync/sync_counts.hpp"

namespace hub::sync {

// Why the source rejected `record`, without the position connectors usually put in front ("7 columns,
// header has 6" of "a.csv:42: 7 columns, header has 6"): its quarantine entry adds the position itself.
std::string RejectionDetail(const sdk::Record& record);

// Receives each batch of a job together with the cursor that follows it, and keeps the job's checkpoint.
// Apply is atomic: either the records and the new cursor are both kept, or neither is — so a run killed at
// any moment resumes from the last applied cursor without loss or duplicates. Implementations are
// thread-safe across jobs; one job's batches arrive in order from one thread at a time.
class BatchSink {
 public:
  virtual ~BatchSink() = default;

  // The cursor after the last applied batch of `job`; "" when there is none (read from the beginning).
  virtual sdk::Result<std::string> LoadCursor(std::string_view job) = 0;

  // Keeps `records` (rejected ones go to quarantine) and moves `job`'s checkpoint to `next_cursor`,
  // in one step. Answers what it did with them.
  virtual sdk::Result<SyncCounts> Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                        std::string_view next_cursor) = 0;
};

}  // namespace hub::sync

#endif  // HUB_SYNC_BATCH_SINK_HPP_
