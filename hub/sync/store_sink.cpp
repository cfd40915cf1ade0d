#include "sync/store_sink.hpp"

#include "hub/odbc/transaction.hpp"
#include "store/model/store_fault.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/batch_applier.hpp"

namespace hub::sync {

using store_model::StoreUnavailable;

using sdk::Value;

sdk::Result<std::string> StoreSink::LoadCursor(std::string_view job) {
  sdk::Result<odbc::ConnectionLease> lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = (*lease)->Query("SELECT cursor FROM sync_cursors WHERE job = ?", {Value::String(std::string(job))});
  if (!rows.ok()) return rows.status();
  return rows->rows.empty() ? std::string() : rows->rows.front().front().text();
}

sdk::Result<SyncCounts> StoreSink::Apply(std::string_view job, const std::vector<sdk::Record>& records,
                                         std::string_view next_cursor) {
  const SinkJob sink_job = jobs_(job);
  if (sink_job.mappings.empty()) {
    return sdk::Status::Internal("job '" + std::string(job) +
                                 "' has no mapping: its records would be stored nowhere, so the batch is refused "
                                 "and the checkpoint stays where it was");
  }
  sdk::Result<SyncCounts> applied = ApplyInTransaction(JobContext{job, sink_job}, records, next_cursor);
  if (!applied.ok()) return StoreUnavailable(job, applied.status());
  return applied;
}

sdk::Result<SyncCounts> StoreSink::ApplyInTransaction(const JobContext& job, const std::vector<sdk::Record>& records,
                                                      std::string_view next_cursor) {
  sdk::Result<odbc::ConnectionLease> lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(lease->get());
  if (!transaction.ok()) return transaction.status();
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(lease->get());  // the batch appends events
  if (!turn.ok()) return turn.status();
  BatchApplier applier(lease->get(), *turn, job, "a batch of job " + std::string(job.name),
                       "stored by job " + std::string(job.name) + " on a later read", jobs_, log_, rules_,
                       arrivals_.get());
  // The checkpoint is the batch's first write, not its last (the same transaction commits both): on
  // SQLite, BEGIN only takes locks as statements need them — a read would take a SHARED lock and a
  // snapshot that another connection's commit could make stale — so writing first takes the write lock
  // for the whole batch, which reserving ids by max(id) + 1 (AllocateIds) relies on.
  HUB_RETURN_IF_ERROR(applier.LockSourceSystems(records));
  HUB_RETURN_IF_ERROR(applier.SaveCursor(next_cursor));
  HUB_RETURN_IF_ERROR(applier.ApplyAll(records));
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return applier.counts();
}

}  // namespace hub::sync
