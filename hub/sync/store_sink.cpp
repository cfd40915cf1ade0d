#include "sync/store_sink.hpp"

#include "store/odbc/transaction.hpp"
#include "sync/party_writer.hpp"
#include "sync/record_json.hpp"

namespace hub::sync {
namespace {

using sdk::Value;

// One batch on one connection, inside its transaction.
class BatchApplier {
 public:
  BatchApplier(odbc::Connection& connection, std::string_view job, const SinkJob& sink_job, const Logger& log)
      : connection_(connection), job_(job), sink_job_(sink_job), log_(log), parties_(connection) {}

  sdk::Status Apply(const sdk::Record& record) {
    if (!record.rejection.empty()) return Quarantine(record, QuarantineReason(record));
    if (sink_job_.mapping == nullptr) return sdk::Status::Ok();
    mapping::MappingOutcome outcome = sink_job_.mapping->Apply(record);
    if (!outcome.ok()) return Quarantine(record, outcome.rejection().ToString());
    mapping::MappedRecord& mapped = outcome.record();
    if (mapped.source_system.empty()) mapped.source_system = sink_job_.source_system;
    if (mapped.entity->name != "party") {
      return Quarantine(record,
                        record.position + ": entity '" + std::string(mapped.entity->name) + "' cannot be stored yet");
    }
    return WriteInSavepoint(record, mapped);
  }

  sdk::Status SaveCursor(std::string_view cursor) {
    auto saved = connection_.ExecuteUpdate(
        "INSERT INTO sync_cursors (job, cursor, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP) "
        "ON CONFLICT (job) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
        {Value::String(std::string(job_)), Value::String(std::string(cursor))});
    return saved.ok() ? sdk::Status::Ok() : saved.status().WithContext("saving the checkpoint");
  }

  const SyncCounts& counts() const { return counts_; }

 private:
  sdk::Status WriteInSavepoint(const sdk::Record& record, const mapping::MappedRecord& mapped) {
    sdk::Result<odbc::Savepoint> savepoint = odbc::Savepoint::Create(connection_);
    if (!savepoint.ok()) return savepoint.status();
    sdk::Result<WriteOutcome> written = parties_.Write(mapped);
    if (!written.ok()) {
      // A connection failure ends the batch; anything else is this record's fault.
      if (written.status().code() == sdk::StatusCode::kUnavailable) return written.status();
      HUB_RETURN_IF_ERROR(savepoint->RollbackTo());
      return Quarantine(record, record.position + ": the store refused it: " + written.status().message());
    }
    HUB_RETURN_IF_ERROR(savepoint->Release());
    Count(*written);
    return sdk::Status::Ok();
  }

  void Count(WriteOutcome outcome) {
    switch (outcome) {
      case WriteOutcome::kInserted:
        ++counts_.inserted;
        break;
      case WriteOutcome::kUpdated:
      case WriteOutcome::kDeleted:
        ++counts_.updated;
        break;
      case WriteOutcome::kUnchanged:
        ++counts_.unchanged;
        break;
    }
  }

  sdk::Status Quarantine(const sdk::Record& record, const std::string& reason) {
    std::string system = record.source_system.empty() ? sink_job_.source_system : record.source_system;
    auto kept = connection_.ExecuteUpdate(
        "INSERT INTO quarantine (job, source_system, entity, source_id, source_position, reason, raw_record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {Value::String(std::string(job_)), Value::String(system), Value::String(record.entity),
         Value::String(record.source_id), Value::String(record.position), Value::String(reason),
         Value::String(RawRecordJson(record, system))});
    if (!kept.ok()) return kept.status().WithContext("quarantining " + record.position);
    ++counts_.quarantined;
    log_->warn("job {}: quarantined: {}", job_, reason);
    return sdk::Status::Ok();
  }

  odbc::Connection& connection_;
  std::string_view job_;
  const SinkJob& sink_job_;
  const Logger& log_;
  PartyWriter parties_;
  SyncCounts counts_;
};

}  // namespace

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
  sdk::Result<odbc::ConnectionLease> lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(lease->get());
  if (!transaction.ok()) return transaction.status();
  BatchApplier applier(lease->get(), job, sink_job, log_);
  for (const sdk::Record& record : records) HUB_RETURN_IF_ERROR(applier.Apply(record));
  HUB_RETURN_IF_ERROR(applier.SaveCursor(next_cursor));
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return applier.counts();
}

}  // namespace hub::sync
