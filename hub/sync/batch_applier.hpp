// The store sink's work on one connection inside one transaction: a job's batch, the pending records it
// releases, or an operator's replay of quarantine entries (StoreSink's parts; private to hub/sync).
#ifndef HUB_SYNC_BATCH_APPLIER_HPP_
#define HUB_SYNC_BATCH_APPLIER_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/logging.hpp"
#include "hub/odbc/connection.hpp"
#include "store/model/bulk_record_writer.hpp"
#include "store/model/keyset_sweep.hpp"
#include "store/model/party_arrivals.hpp"
#include "store/model/quarantine_book.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/references.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/store_sink.hpp"

namespace hub::sync {

// True when `record` is part of a key-set sweep (PRESENT, SWEEP_END, not rejected by the source): it bypasses
// the mapping and is applied by BatchApplier::ApplySweeps.
bool IsSweepRecord(const sdk::Record& record);

// The job a record is stored for: the batch's, or, for a pending record released by the batch, its own.
struct JobContext {
  std::string_view name;
  const SinkJob& sink;
};

// The source system `record` of `job` belongs to: the one its mapping reads (a source_system field), else
// the one its connector set, else the job's.
std::string SourceSystemOf(const sdk::Record& record, const SinkJob& job);

// The record in the model's terms, by `job`'s mapping of its entity; a rejection when the job has none
// ("no <mapping> for entity 'x' in job 'y'"); nullopt when the source rejected it.
std::optional<mapping::MappingOutcome> MapRecord(const sdk::Record& record, const JobContext& job);

// The model entity `record` of `job` is kept under: its mapping's, else the record's own (it has no mapping).
std::string EntityOf(const sdk::Record& record, const SinkJob& job);

// One batch on one connection, inside its transaction: a job's batch (`job`), or an operator's replay
// (`job` empty). `origin` says who stores, in resolutions: "a batch of job orders", "hub quarantine replay".
// The records it stores append to the outbox: `turn` is the transaction's outbox writers' turn.
//
// The writers apply `rules` (the configured lead rules) to what they store. The parties the batch writes are
// handed to `arrivals` (when set: matching on arrival) before the transaction commits.
//
// Threads: one thread, the one that leased `connection`. Lifetime: one transaction; `connection`, `turn`,
// `jobs`, `log`, `rules` and `arrivals` outlive it.
class BatchApplier {
 public:
  BatchApplier(odbc::Connection& connection, const odbc::OutboxTurn& turn, JobContext job, std::string origin,
               std::string stored_resolution, const StoreSink::JobLookup& jobs, const Logger& log,
               const store_model::WriteRules& rules, const store_model::PartyArrivals* arrivals = nullptr)
      : connection_(connection),
        turn_(turn),
        arrivals_(arrivals),
        job_(job),
        origin_(std::move(origin)),
        jobs_(jobs),
        log_(log),
        links_(connection),
        references_(connection, links_),
        writer_(connection, links_, turn, rules),
        quarantine_(connection, std::move(stored_resolution)),
        bulk_(connection, links_, turn),
        sweeps_(connection, links_, writer_) {}

  // Maps every record, looks up the batch's source links together, inserts the new parties in bulk, then
  // stores or quarantines each other record in order; a record whose reference found nothing is tried
  // again after the others (RetryDeferred), as its referent may come later in the batch. Then the batch's
  // key-set sweep records (ApplySweeps), the pending records it releases, and the parties it wrote are matched on
  // arrival (MatchArrivals).
  sdk::Status ApplyAll(const std::vector<sdk::Record>& records);

  // Stores the deferred records again, pass after pass while a pass stores any (a chain of references in
  // reverse order takes one pass per link); then one last pass quarantines what still refers to nothing.
  // A deferred record that the batch holds again later is dropped: its later copy was stored in its place.
  sdk::Status RetryDeferred(const std::vector<sdk::Record>& records,
                            const std::vector<std::optional<mapping::MappingOutcome>>& outcomes);

  // On PostgreSQL, batches that write the same source system take turns (a transaction-scoped advisory lock
  // per store schema and source system, taken in name order): otherwise two jobs reading one system, or `hub sync`
  // beside `hub run`, could both find a source record new and both insert it. SQLite needs none: a writing transaction
  // holds the database's one write lock.
  sdk::Status LockSourceSystems(const std::vector<sdk::Record>& records);

  // Stores again, for an operator, the records of quarantine entries `ids` (still open or pending), each
  // for its own job with that job's current mapping; an entry whose record lands is resolved, one refused
  // again is counted on its entry. Entries that cannot be replayed (the source could not read the record,
  // only its first bytes were kept, its job has no mapping) are left as they are and listed in `skipped`.
  // Then the pending records they release, as after a batch. `resolved` counts the entries stored.
  sdk::Status Replay(const std::vector<std::int64_t>& ids, std::uint64_t& resolved, std::vector<std::string>& skipped);

  // Takes the locks of `systems` (see LockSourceSystems), in name order.
  sdk::Status Lock(const std::set<std::string>& systems);

  // The batch's key-set sweep records in order (keyset_sweeps.cpp): the ids of PRESENT records are kept for
  // their sweep — (source system, entity, field sweep_id) of the job — and a SWEEP_END marks deleted the
  // live links of its system and entity that its sweep did not list (counted `deleted`), refused when that
  // is more than its field max_delete_fraction (default 0.2) of them. A PRESENT without an id, an entity
  // the model lacks or a fraction that is not one ends the batch (InvalidArgument): a sweep record read
  // wrongly must never delete. Errors: those, KeysetSweep's and the writers'.
  sdk::Status ApplySweeps(const std::vector<sdk::Record>& records);

  // Hands the parties written so far (inserted, updated or merged into) to `arrivals`, once each, and counts what
  // it did; nothing without `arrivals`. Errors: its Status, which ends the batch.
  sdk::Status MatchArrivals();

  // Upserts the job's checkpoint `cursor` into sync_cursors, in the transaction. Errors: the driver's Status.
  sdk::Status SaveCursor(std::string_view cursor);

  // What the records stored so far did (released pending records in `released`).
  const SyncCounts& counts() const { return counts_; }

 private:
  // Stores the pending records (of any job) that waited for a record this batch stored, round after round
  // while a round stores records others wait for (a released order lets its lines go) — and, first, the
  // job's own pending records whose awaited record some earlier batch stored without releasing them. Each is mapped
  // with its own job's mapping and kept in its own job's quarantine; its entry is resolved when it lands
  // (in this transaction: exactly once). Counted as released, apart from the batch's own records.
  sdk::Status ReleasePending();

  // A quarantine entry's record, ready to store again for its job.
  struct Replayed {
    std::int64_t id = 0;
    std::string job;
    SinkJob sink_job;
    sdk::Record record;
  };

  // Entry `id`'s record and job; nullopt when it is resolved by now, or cannot be replayed (said in
  // `skipped`).
  sdk::Result<std::optional<Replayed>> LoadReplay(std::int64_t id, std::vector<std::string>& skipped);

  // Stores `record` of entry `id` again for `job`, and marks the entry resolved with `stored` when it lands
  // (true). Refused again (false), the refusal is counted on its entry: this one when the reason is the
  // same, else a new one, which this one, resolved, points to.
  sdk::Result<bool> StoreAgain(std::int64_t id, const JobContext& job, const sdk::Record& record,
                               const std::string& stored);

  // Stores the record of pending entry `entry` for its job. One whose job has no mapping now, or (on
  // PostgreSQL) whose source system another batch is writing, stays pending for `hub quarantine replay`.
  sdk::Status Release(const store_model::PendingEntry& entry);

  // Takes the batch's lock on `system` (see LockSourceSystems) without waiting: false when another batch
  // holds it — waiting here, out of name order, could deadlock. Always true on SQLite.
  sdk::Result<bool> TryLock(const std::string& system);

  // The positions of the records the bulk path can take: mapped party upserts whose link the prefetch did
  // not find, each the first record of its link in the batch (later ones are updates, written in order
  // after it by the per-record path). None on an engine without id reservation.
  std::vector<std::size_t> NewParties(const std::vector<std::optional<mapping::MappingOutcome>>& outcomes) const;

  // Inserts the batch's new parties in groups, marking them `stored`. A group the database refuses (a
  // constraint, a check) is rolled back and left to the per-record path, which quarantines the bad
  // records alone; an error that is no record's fault (IsRecordsFault) ends the batch.
  sdk::Status InsertNewParties(const std::vector<std::optional<mapping::MappingOutcome>>& outcomes,
                               std::vector<bool>& stored);

  // Stores `record` for `job` (its mapping's `outcome`), or quarantines it: rejected by the source or the
  // mapping, refused by the writer (StoreWith).
  sdk::Status Store(const JobContext& job, const sdk::Record& record,
                    const std::optional<mapping::MappingOutcome>& outcome);

  // Skips `mapped` when its source link finds it unchanged, else writes it (RecordWriter: the writer its
  // entity registers) under its own savepoint: a record the database refuses for its own fault
  // (IsRecordsFault) is rolled back alone (and its link forgotten) and quarantined with the driver's
  // message; any other error — the hub's SQL, a missing table, a lost connection — ends the batch with
  // NotTheRecordsFault.
  sdk::Status StoreWith(const JobContext& job, const sdk::Record& record, const mapping::MappedRecord& mapped);

  // Counts a written record in counts_.
  void Count(store_model::WriteOutcome outcome);

  // Notes the party `mapped` (a party record) was written as, for MatchArrivals.
  sdk::Status NoteParty(const mapping::MappedRecord& mapped, store_model::WriteOutcome outcome);

  // Keeps aside `mapped`, which a writer refused with `missing` (NotFound: a reference to nothing) as
  // pending, waiting for the first record it refers to that the store does not have.
  sdk::Status Refer(const JobContext& job, const sdk::Record& record, const mapping::MappedRecord& mapped,
                    const sdk::Status& missing);

  // Keeps `record` aside under `source_system` and `source_id`, the record's system and id as the mapping
  // read them (when empty: as the connector gave them, the job's system failing that), and the model's
  // entity (the job's mapping's), so that a later read storing it finds the entry.
  sdk::Status Quarantine(const JobContext& job, const sdk::Record& record, const std::string& source_system,
                         const std::string& source_id, const store_model::Refusal& refusal);

  odbc::Connection& connection_;
  const odbc::OutboxTurn& turn_;
  const store_model::PartyArrivals* arrivals_;  // null: nothing is matched on arrival
  JobContext job_;
  std::string origin_;
  const StoreSink::JobLookup& jobs_;
  const Logger& log_;
  store_model::SourceLinks links_;  // shared by the writers below, which hold references to it
  store_model::References references_;
  store_model::RecordWriter writer_;
  store_model::QuarantineBook quarantine_;
  store_model::BulkRecordWriter bulk_;
  store_model::KeysetSweep sweeps_;
  SyncCounts counts_;
  std::size_t current_ = 0;                    // the index of the record being stored
  std::vector<std::size_t> deferred_;          // records whose reference found nothing, to try again
  bool last_chance_ = false;                   // a reference that finds nothing now quarantines the record
  std::set<std::string> locked_;               // source systems this transaction holds the lock of (PostgreSQL)
  std::int64_t last_entry_ = 0;                // the quarantine entry the last Quarantine wrote
  std::vector<std::int64_t> written_parties_;  // for MatchArrivals
};

}  // namespace hub::sync

#endif  // HUB_SYNC_BATCH_APPLIER_HPP_
