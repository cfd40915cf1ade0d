#include "sync/store_sink.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "store/odbc/transaction.hpp"
#include "sync/bulk_party_writer.hpp"
#include "sync/entity_writer.hpp"
#include "sync/party_writer.hpp"
#include "sync/quarantine_book.hpp"
#include "sync/quarantine_query.hpp"
#include "sync/record_json.hpp"
#include "sync/store_statements.hpp"

namespace hub::sync {
namespace {

using sdk::Value;

// New parties go through the bulk path this many at a time, each group under its own savepoint: a group
// the database refuses is written again record by record, so one bad record costs at most this many.
constexpr std::size_t kBulkGroup = 1000;

// An operator's replay stores this many entries a transaction: a long replay never holds the store's
// write lock (SQLite) for long, and what it did so far stays done if it is stopped.
constexpr std::size_t kReplayGroup = 500;

// True when a field of `entity` refers to `entity` itself (an employee's manager, a team's parent): only
// then can a batch, which holds one entity, hold the record a reference is looking for.
bool RefersToItself(const model::EntitySpec& entity) {
  return std::any_of(entity.fields.begin(), entity.fields.end(), [&](const model::FieldSpec& field) {
    std::optional<model::FieldReference> reference = field.Reference();
    return reference && reference->entity == entity.name;
  });
}

// The source system `record` of `job` belongs to: the one its mapping reads (a source_system field), else
// the one its connector set, else the job's. `job` has a mapping.
std::string SourceSystemOf(const sdk::Record& record, const SinkJob& job) {
  std::string system = record.rejection.empty() ? job.mapping->SourceSystemOf(record) : record.source_system;
  return system.empty() ? job.source_system : system;
}

// The record in the model's terms (`job` has a mapping); nullopt when the source rejected it.
std::optional<mapping::MappingOutcome> MapRecord(const sdk::Record& record, const SinkJob& job) {
  if (!record.rejection.empty()) return std::nullopt;
  mapping::MappingOutcome outcome = job.mapping->Apply(record);
  if (outcome.ok() && outcome.record().source_system.empty()) outcome.record().source_system = job.source_system;
  return outcome;
}

// The job a record is stored for: the batch's, or, for a pending record released by the batch, its own.
struct JobContext {
  std::string_view name;
  const SinkJob& sink;
};

// One batch on one connection, inside its transaction: a job's batch (`job`), or an operator's replay
// (`job` empty). `origin` says who stores, in resolutions: "a batch of job orders", "hub quarantine replay".
class BatchApplier {
 public:
  BatchApplier(odbc::Connection& connection, JobContext job, std::string origin, std::string stored_resolution,
               const StoreSink::JobLookup& jobs, const Logger& log)
      : connection_(connection),
        job_(job),
        origin_(std::move(origin)),
        jobs_(jobs),
        log_(log),
        links_(connection),
        references_(connection, links_),
        parties_(connection, links_),
        entities_(connection, links_),
        quarantine_(connection, std::move(stored_resolution)),
        bulk_(connection, links_) {}

  // Maps every record, looks up the batch's source links together, inserts the new parties in bulk, then
  // stores or quarantines each other record in order; a record whose reference found nothing is tried
  // again after the others (RetryDeferred), as its referent may come later in the batch.
  sdk::Status ApplyAll(const std::vector<sdk::Record>& records) {
    std::vector<std::optional<mapping::MappingOutcome>> outcomes;
    outcomes.reserve(records.size());
    std::map<std::string, std::vector<std::string>> party_ids;  // by source system
    for (const sdk::Record& record : records) {
      outcomes.push_back(MapRecord(record, job_.sink));
      if (!outcomes.back() || !outcomes.back()->ok()) continue;
      const mapping::MappedRecord& mapped = outcomes.back()->record();
      if (mapped.entity->name == "party") party_ids[mapped.source_system].push_back(mapped.source_id);
    }
    for (const auto& [system, ids] : party_ids) HUB_RETURN_IF_ERROR(links_.Prefetch("party", system, ids));
    std::vector<bool> stored(records.size(), false);
    HUB_RETURN_IF_ERROR(InsertNewParties(outcomes, stored));
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (stored[i]) {
        quarantine_.NoteStored(outcomes[i]->record());
      } else {
        current_ = i;
        HUB_RETURN_IF_ERROR(Store(job_, records[i], outcomes[i]));
      }
    }
    HUB_RETURN_IF_ERROR(RetryDeferred(records, outcomes));
    HUB_RETURN_IF_ERROR(ReleasePending());
    return quarantine_.ResolveStored();
  }

  // Stores the deferred records again, pass after pass while a pass stores any (a chain of references in
  // reverse order takes one pass per link); then one last pass quarantines what still refers to nothing.
  // A deferred record that the batch holds again later is dropped: its later copy was stored in its place.
  sdk::Status RetryDeferred(const std::vector<sdk::Record>& records,
                            const std::vector<std::optional<mapping::MappingOutcome>>& outcomes) {
    std::map<std::tuple<std::string, std::string_view, std::string>, std::size_t> last;  // record key → index
    if (!deferred_.empty()) {
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (!outcomes[i] || !outcomes[i]->ok()) continue;
        const mapping::MappedRecord& mapped = outcomes[i]->record();
        last[{mapped.source_system, mapped.entity->name, mapped.source_id}] = i;
      }
    }
    while (!deferred_.empty()) {
      std::vector<std::size_t> pass;
      pass.swap(deferred_);
      for (std::size_t i : pass) {
        const mapping::MappedRecord& mapped = outcomes[i]->record();
        if (last[{mapped.source_system, mapped.entity->name, mapped.source_id}] != i) {
          ++counts_.unchanged;  // a later copy in the batch was stored in its place
          continue;
        }
        current_ = i;
        HUB_RETURN_IF_ERROR(Store(job_, records[i], outcomes[i]));
      }
      if (last_chance_) break;
      last_chance_ = deferred_.size() == pass.size();  // no progress: the next pass is the last
    }
    last_chance_ = false;
    return sdk::Status::Ok();
  }

  // On PostgreSQL, batches that write the same source system take turns (a transaction-scoped advisory lock
  // per source system, taken in name order): otherwise two jobs reading one system, or `hub sync` beside
  // `hub run`, could both find a source record new and both insert it. SQLite needs none: a writing
  // transaction holds the database's one write lock.
  sdk::Status LockSourceSystems(const std::vector<sdk::Record>& records) {
    std::set<std::string> systems;
    for (const sdk::Record& record : records) systems.insert(SourceSystemOf(record, job_.sink));
    return Lock(systems);
  }

  // Stores again, for an operator, the records of quarantine entries `ids` (still open or pending), each
  // for its own job with that job's current mapping; an entry whose record lands is resolved, one refused
  // again is counted on its entry. Entries that cannot be replayed (the source could not read the record,
  // only its first bytes were kept, its job has no mapping) are left as they are and listed in `skipped`.
  // Then the pending records they release, as after a batch. `resolved` counts the entries stored.
  sdk::Status Replay(const std::vector<std::int64_t>& ids, std::uint64_t& resolved, std::vector<std::string>& skipped) {
    // The first write takes SQLite's write lock for the whole transaction (see StoreSink::Apply); on
    // PostgreSQL the entries' rows are written only once the source systems' locks are held, in the order
    // every batch takes them.
    const bool write_first = connection_.dialect() != odbc::Dialect::kPostgres;
    if (write_first) HUB_RETURN_IF_ERROR(quarantine_.MarkReplayed(ids));
    std::vector<Replayed> replays;
    std::set<std::string> systems;
    for (std::int64_t id : ids) {
      sdk::Result<std::optional<Replayed>> replay = LoadReplay(id, skipped);
      if (!replay.ok()) return replay.status();
      if (!*replay) continue;
      systems.insert(SourceSystemOf((*replay)->record, (*replay)->sink_job));
      replays.push_back(std::move(**replay));
    }
    HUB_RETURN_IF_ERROR(Lock(systems));
    if (!write_first) HUB_RETURN_IF_ERROR(quarantine_.MarkReplayed(ids));
    last_chance_ = true;  // what a replayed record refers to is in the store now, or it waits again
    for (const Replayed& replay : replays) {
      ++counts_.read;
      sdk::Result<bool> landed =
          StoreAgain(replay.id, JobContext{replay.job, replay.sink_job}, replay.record, "stored by " + origin_);
      if (!landed.ok()) return landed.status();
      resolved += *landed ? 1 : 0;
    }
    last_chance_ = false;
    HUB_RETURN_IF_ERROR(ReleasePending());
    return quarantine_.ResolveStored();
  }

  // Takes the locks of `systems` (see LockSourceSystems), in name order.
  sdk::Status Lock(const std::set<std::string>& systems) {
    if (connection_.dialect() != odbc::Dialect::kPostgres) return sdk::Status::Ok();
    for (const std::string& system : systems) {
      auto locked = connection_.Query("SELECT pg_advisory_xact_lock(hashtext(?))", {Value::String(system)});
      if (!locked.ok()) return locked.status().WithContext("locking source system " + system);
      locked_.insert(system);
    }
    return sdk::Status::Ok();
  }

  sdk::Status SaveCursor(std::string_view cursor) {
    auto saved = ExecuteStoreStatement(
        connection_,
        "INSERT INTO sync_cursors (job, cursor, updated_at) VALUES (?, ?, {{now}}) "
        "ON CONFLICT (job) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
        {Value::String(std::string(job_.name)), Value::String(std::string(cursor))});
    return saved.ok() ? sdk::Status::Ok() : saved.status().WithContext("saving the checkpoint");
  }

  const SyncCounts& counts() const { return counts_; }

 private:
  // Stores the pending records (of any job) that waited for a record this batch stored, round after round
  // while a round stores records others wait for (a released order lets its lines go) — and, first, the
  // job's own pending records whose awaited record some earlier batch stored without releasing them. Each is mapped
  // with its own job's mapping and kept in its own job's quarantine; its entry is resolved when it lands
  // (in this transaction: exactly once). Counted as released, apart from the batch's own records.
  sdk::Status ReleasePending() {
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

  // A quarantine entry's record, ready to store again for its job.
  struct Replayed {
    std::int64_t id = 0;
    std::string job;
    SinkJob sink_job;
    sdk::Record record;
  };

  // Entry `id`'s record and job; nullopt when it is resolved by now, or cannot be replayed (said in
  // `skipped`).
  sdk::Result<std::optional<Replayed>> LoadReplay(std::int64_t id, std::vector<std::string>& skipped) {
    sdk::Result<std::optional<ReplayableEntry>> entry = LoadReplayable(connection_, id);
    if (!entry.ok()) return entry.status();
    if (!*entry) return std::optional<Replayed>();
    auto skip = [&](const std::string& why) {
      skipped.push_back("entry " + std::to_string(id) + ": " + why);
      return std::optional<Replayed>();
    };
    if ((*entry)->cause == "source") return skip("the source could not read the record: fix it there and re-read it");
    sdk::Result<sdk::Record> record = RecordFromRawJson((*entry)->raw_record);
    if (!record.ok()) return skip(record.status().message());
    SinkJob sink_job = jobs_((*entry)->job);
    if (sink_job.mapping == nullptr) return skip("job '" + (*entry)->job + "' has no mapping in this configuration");
    return std::optional<Replayed>(Replayed{id, (*entry)->job, std::move(sink_job), std::move(record).value()});
  }

  // Stores `record` of entry `id` again for `job`, and marks the entry resolved with `stored` when it lands
  // (true). Refused again (false), the refusal is counted on its entry: this one when the reason is the
  // same, else a new one, which this one, resolved, points to.
  sdk::Result<bool> StoreAgain(std::int64_t id, const JobContext& job, const sdk::Record& record,
                               const std::string& stored) {
    const std::uint64_t quarantined = counts_.quarantined;
    HUB_RETURN_IF_ERROR(Store(job, record, MapRecord(record, job.sink)));
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

  // Stores the record of pending entry `entry` for its job. One whose job has no mapping now, or (on
  // PostgreSQL) whose source system another batch is writing, stays pending for `hub quarantine replay`.
  sdk::Status Release(const PendingEntry& entry) {
    sdk::Result<sdk::Record> record = RecordFromRawJson(entry.raw_record);
    const SinkJob sink_job = jobs_(entry.job);
    if (!record.ok() || sink_job.mapping == nullptr) {
      log_->warn("{}: quarantine entry {} stays pending: {}", origin_, entry.id,
                 record.ok() ? "its job " + entry.job + " has no mapping" : record.status().message());
      return sdk::Status::Ok();
    }
    sdk::Result<bool> locked = TryLock(SourceSystemOf(*record, sink_job));
    if (!locked.ok()) return locked.status();
    if (!*locked) {
      log_->info("{}: quarantine entry {} stays pending: another batch is writing its source system", origin_,
                 entry.id);
      return sdk::Status::Ok();
    }
    const std::string stored =
        "stored when " + entry.awaited.entity + " '" + entry.awaited.key + "' arrived (" + origin_ + ")";
    sdk::Result<bool> landed = StoreAgain(entry.id, JobContext{entry.job, sink_job}, *record, stored);
    return landed.ok() ? sdk::Status::Ok() : landed.status();
  }

  // Takes the batch's lock on `system` (see LockSourceSystems) without waiting: false when another batch
  // holds it — waiting here, out of name order, could deadlock. Always true on SQLite.
  sdk::Result<bool> TryLock(const std::string& system) {
    if (connection_.dialect() != odbc::Dialect::kPostgres || locked_.contains(system)) return true;
    auto locked = connection_.Query("SELECT CASE WHEN pg_try_advisory_xact_lock(hashtext(?)) THEN 1 ELSE 0 END",
                                    {Value::String(system)});
    if (!locked.ok()) return locked.status().WithContext("locking source system " + system);
    const bool taken = locked->rows.at(0).at(0).integer() == 1;
    if (taken) locked_.insert(system);
    return taken;
  }

  // The positions of the records the bulk path can take: mapped party upserts whose link the prefetch did
  // not find, each the first record of its link in the batch (later ones are updates, written in order
  // after it by the per-record path). None on an engine without id reservation.
  std::vector<std::size_t> NewParties(const std::vector<std::optional<mapping::MappingOutcome>>& outcomes) const {
    std::vector<std::size_t> fresh;
    if (connection_.dialect() == odbc::Dialect::kOther) return fresh;
    std::set<std::pair<std::string, std::string>> seen;  // (source_system, source_id)
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (!outcomes[i] || !outcomes[i]->ok()) continue;
      const mapping::MappedRecord& mapped = outcomes[i]->record();
      if (mapped.entity->name != "party") continue;
      const bool first = seen.emplace(mapped.source_system, mapped.source_id).second;
      if (first && mapped.operation == sdk::Operation::kUpsert && links_.KnownAbsent(mapped)) fresh.push_back(i);
    }
    return fresh;
  }

  // Inserts the batch's new parties in groups, marking them `stored`. A group the database refuses (a
  // constraint, a check) is rolled back and left to the per-record path, which quarantines the bad
  // records alone; a lost connection ends the batch.
  sdk::Status InsertNewParties(const std::vector<std::optional<mapping::MappingOutcome>>& outcomes,
                               std::vector<bool>& stored) {
    const std::vector<std::size_t> fresh = NewParties(outcomes);
    for (std::size_t start = 0; start < fresh.size(); start += kBulkGroup) {
      const std::vector<std::size_t> group(fresh.begin() + start,
                                           fresh.begin() + std::min(fresh.size(), start + kBulkGroup));
      std::vector<const mapping::MappedRecord*> mapped;
      for (std::size_t i : group) mapped.push_back(&outcomes[i]->record());
      sdk::Result<odbc::Savepoint> savepoint = odbc::Savepoint::Create(connection_);
      if (!savepoint.ok()) return savepoint.status();
      sdk::Result<std::vector<InsertedParty>> inserted = bulk_.Insert(mapped);
      if (!inserted.ok()) {
        if (inserted.status().code() == sdk::StatusCode::kUnavailable) return inserted.status();
        HUB_RETURN_IF_ERROR(savepoint->RollbackTo());
        log_->info("job {}: {} new records written one by one: {}", job_.name, group.size(),
                   inserted.status().message());
        continue;
      }
      HUB_RETURN_IF_ERROR(savepoint->Release());
      for (std::size_t k = 0; k < group.size(); ++k) {
        InsertedParty& party = (*inserted)[k];
        if (!party.written) continue;
        links_.Remember(*mapped[k], SourceLink{party.link_id, party.party_id, std::move(party.content_hash), false});
        stored[group[k]] = true;
        ++counts_.inserted;
      }
    }
    return sdk::Status::Ok();
  }

  sdk::Status Store(const JobContext& job, const sdk::Record& record,
                    const std::optional<mapping::MappingOutcome>& outcome) {
    if (!record.rejection.empty()) return Quarantine(job, record, "", "", Refusal::Source(RejectionDetail(record)));
    if (!outcome->ok()) {
      const mapping::MappingRejection& rejection = outcome->rejection();
      return Quarantine(job, record, rejection.source_system, rejection.source_id, Refusal::Mapping(rejection.reason));
    }
    const mapping::MappedRecord& mapped = outcome->record();
    if (mapped.entity->name == "party") return StoreWith(job, parties_, record, mapped);
    return StoreWith(job, entities_, record, mapped);
  }

  // Skips `mapped` when `writer` finds it unchanged, else writes it under its own savepoint: a record the
  // database refuses is rolled back alone (and forgotten by `writer`) and quarantined with the driver's
  // message; a lost connection ends the batch. `Writer` is PartyWriter or EntityWriter.
  template <typename Writer>
  sdk::Status StoreWith(const JobContext& job, Writer& writer, const sdk::Record& record,
                        const mapping::MappedRecord& mapped) {
    sdk::Result<bool> unchanged = links_.Unchanged(mapped);
    if (!unchanged.ok()) return unchanged.status();
    if (*unchanged) {
      ++counts_.unchanged;
      quarantine_.NoteCurrent(mapped);
      return sdk::Status::Ok();
    }
    sdk::Result<odbc::Savepoint> savepoint = odbc::Savepoint::Create(connection_);
    if (!savepoint.ok()) return savepoint.status();
    sdk::Result<WriteOutcome> written = writer.Write(mapped);
    if (!written.ok()) {
      // A connection failure ends the batch; anything else is this record's fault.
      if (written.status().code() == sdk::StatusCode::kUnavailable) return written.status();
      HUB_RETURN_IF_ERROR(savepoint->RollbackTo());
      links_.Forget(mapped);
      if (written.status().code() == sdk::StatusCode::kNotFound && !last_chance_ && RefersToItself(*mapped.entity)) {
        deferred_.push_back(current_);
        return sdk::Status::Ok();
      }
      if (written.status().code() == sdk::StatusCode::kNotFound) return Refer(job, record, mapped, written.status());
      // InvalidArgument comes from the writers' own checks (a value out of range); any other code is the
      // database's refusal.
      if (written.status().code() == sdk::StatusCode::kInvalidArgument) {
        return Quarantine(job, record, mapped.source_system, mapped.source_id,
                          Refusal::Check(written.status().message()));
      }
      return Quarantine(job, record, mapped.source_system, mapped.source_id,
                        Refusal::Database(written.status().message()));
    }
    HUB_RETURN_IF_ERROR(savepoint->Release());
    Count(*written);
    // Unchanged is the store's own copy again, or the delete of a record it does not hold.
    if (*written == WriteOutcome::kUnchanged) {
      quarantine_.NoteCurrent(mapped);
    } else {
      quarantine_.NoteStored(mapped);
    }
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
      case WriteOutcome::kMerged:
        ++counts_.merged;
        break;
      case WriteOutcome::kUnchanged:
        ++counts_.unchanged;
        break;
    }
  }

  // Keeps aside `mapped`, which a writer refused with `missing` (NotFound: a reference to nothing) as
  // pending, waiting for the first record it refers to that the store does not have.
  sdk::Status Refer(const JobContext& job, const sdk::Record& record, const mapping::MappedRecord& mapped,
                    const sdk::Status& missing) {
    sdk::Result<std::optional<MissingRecord>> awaited = references_.FirstMissing(mapped);
    if (!awaited.ok()) return awaited.status();
    return Quarantine(job, record, mapped.source_system, mapped.source_id,
                      Refusal::Reference(missing.message(), std::move(awaited).value()));
  }

  // Keeps `record` aside under `source_system` and `source_id`, the record's system and id as the mapping
  // read them (when empty: as the connector gave them, the job's system failing that), and the model's
  // entity (the job's mapping's), so that a later read storing it finds the entry.
  sdk::Status Quarantine(const JobContext& job, const sdk::Record& record, const std::string& source_system,
                         const std::string& source_id, const Refusal& refusal) {
    const std::string& own_system = record.source_system.empty() ? job.sink.source_system : record.source_system;
    QuarantineBook::Identity identity{source_system.empty() ? own_system : source_system,
                                      std::string(job.sink.mapping->entity().name),
                                      source_id.empty() ? record.source_id : source_id};
    sdk::Result<std::int64_t> entry = quarantine_.Put(job.name, record, identity, refusal);
    if (!entry.ok()) return entry.status();
    last_entry_ = *entry;
    ++counts_.quarantined;
    log_->warn("job {}: quarantined{}: {}: {}", job.name, refusal.awaits ? " (pending)" : "", record.position,
               refusal.detail);
    return sdk::Status::Ok();
  }

  odbc::Connection& connection_;
  JobContext job_;
  std::string origin_;
  const StoreSink::JobLookup& jobs_;
  const Logger& log_;
  SourceLinks links_;  // shared by the writers below, which hold references to it
  References references_;
  PartyWriter parties_;
  EntityWriter entities_;
  QuarantineBook quarantine_;
  BulkPartyWriter bulk_;
  SyncCounts counts_;
  std::size_t current_ = 0;            // the index of the record being stored
  std::vector<std::size_t> deferred_;  // records whose reference found nothing, to try again
  bool last_chance_ = false;           // a reference that finds nothing now quarantines the record
  std::set<std::string> locked_;       // source systems this transaction holds the lock of (PostgreSQL)
  std::int64_t last_entry_ = 0;        // the quarantine entry the last Quarantine wrote
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
  if (sink_job.mapping == nullptr) {
    return sdk::Status::Internal("job '" + std::string(job) +
                                 "' has no mapping: its records would be stored nowhere, so the batch is refused "
                                 "and the checkpoint stays where it was");
  }
  sdk::Result<odbc::ConnectionLease> lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(lease->get());
  if (!transaction.ok()) return transaction.status();
  BatchApplier applier(lease->get(), JobContext{job, sink_job}, "a batch of job " + std::string(job),
                       "stored by job " + std::string(job) + " on a later read", jobs_, log_);
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

sdk::Status StoreSink::Replay(const QuarantineFilter& filter, ReplayResult& result, const ReplayJournal& journal) {
  sdk::Result<odbc::ConnectionLease> lease = database_.Acquire();
  if (!lease.ok()) return lease.status();
  sdk::Result<std::vector<QuarantineEntry>> entries = SelectQuarantine(lease->get(), filter);
  if (!entries.ok()) return entries.status();
  const SinkJob none;
  for (std::size_t start = 0; start < entries->size(); start += kReplayGroup) {
    std::vector<std::int64_t> ids;
    for (std::size_t i = start; i < std::min(entries->size(), start + kReplayGroup); ++i) {
      ids.push_back((*entries)[i].id);
    }
    sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(lease->get());
    if (!transaction.ok()) return transaction.status();
    BatchApplier applier(lease->get(), JobContext{"", none}, "hub quarantine replay", "stored by hub quarantine replay",
                         jobs_, log_);
    ReplayResult so_far = result;
    HUB_RETURN_IF_ERROR(applier.Replay(ids, so_far.resolved, so_far.skipped));
    so_far.counts += applier.counts();
    if (journal) HUB_RETURN_IF_ERROR(journal(lease->get(), so_far));
    HUB_RETURN_IF_ERROR(transaction->Commit());
    result = std::move(so_far);
  }
  return sdk::Status::Ok();
}

}  // namespace hub::sync
