#include "sync/batch_applier.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "hub/odbc/transaction.hpp"
#include "store/model/entity_behaviour.hpp"
#include "store/model/source_system_lock.hpp"
#include "store/model/store_fault.hpp"
#include "store/model/store_statements.hpp"

namespace hub::sync {

using store_model::ExecuteStoreStatement;
using store_model::InsertedParty;
using store_model::IsRecordsFault;
using store_model::MissingRecord;
using store_model::NotTheRecordsFault;
using store_model::QuarantineBook;
using store_model::Refusal;
using store_model::SourceLink;
using store_model::WriteOutcome;
namespace {

using sdk::Value;

// New parties go through the bulk path this many at a time, each group under its own savepoint: a group
// the database refuses is written again record by record, so one bad record costs at most this many.
constexpr std::size_t kBulkGroup = 1000;

// True when a field of `entity` refers to `entity` itself (an employee's manager, a team's parent): only
// then can a batch, which holds one entity, hold the record a reference is looking for.
bool RefersToItself(const model::EntitySpec& entity) {
  return std::any_of(entity.fields.begin(), entity.fields.end(), [&](const model::FieldSpec& field) {
    std::optional<model::FieldReference> reference = field.Reference();
    return reference && reference->entity == entity.name;
  });
}

}  // namespace

std::string SourceSystemOf(const sdk::Record& record, const SinkJob& job) {
  const mapping::CompiledMapping* mapping = job.mappings.For(record.entity);
  std::string system =
      record.rejection.empty() && mapping != nullptr ? mapping->SourceSystemOf(record) : record.source_system;
  return system.empty() ? job.source_system : system;
}

std::optional<mapping::MappingOutcome> MapRecord(const sdk::Record& record, const JobContext& job) {
  if (!record.rejection.empty()) return std::nullopt;
  const mapping::CompiledMapping* mapping = job.sink.mappings.For(record.entity);
  if (mapping == nullptr) {
    return mapping::MappingOutcome(mapping::MappingRejection{record.position,
                                                             {},
                                                             {},
                                                             "no <mapping> for entity '" + record.entity +
                                                                 "' in job '" + std::string(job.name) +
                                                                 "' (it maps: " + job.sink.mappings.EntityNames() + ")",
                                                             record.source_id,
                                                             record.source_system});
  }
  mapping::MappingOutcome outcome = mapping->Apply(record);
  if (outcome.ok() && outcome.record().source_system.empty()) outcome.record().source_system = job.sink.source_system;
  return outcome;
}

std::string EntityOf(const sdk::Record& record, const SinkJob& job) {
  const mapping::CompiledMapping* mapping = job.mappings.For(record.entity);
  return mapping != nullptr ? std::string(mapping->entity().name) : record.entity;
}

sdk::Status BatchApplier::ApplyAll(const std::vector<sdk::Record>& records) {
  std::vector<std::optional<mapping::MappingOutcome>> outcomes;
  outcomes.reserve(records.size());
  // The source ids of the records with a bulk path, by (entity, source system).
  std::map<std::pair<std::string_view, std::string>, std::vector<std::string>> bulk_ids;
  for (const sdk::Record& record : records) {
    outcomes.push_back(IsSweepRecord(record) ? std::nullopt : MapRecord(record, job_));
    if (!outcomes.back() || !outcomes.back()->ok()) continue;
    const mapping::MappedRecord& mapped = outcomes.back()->record();
    if (store_model::BehaviourOf(*mapped.entity).InsertsInBulk()) {
      bulk_ids[{mapped.entity->name, mapped.source_system}].push_back(mapped.source_id);
    }
  }
  for (const auto& [key, ids] : bulk_ids) HUB_RETURN_IF_ERROR(links_.Prefetch(key.first, key.second, ids));
  std::vector<bool> stored(records.size(), false);
  HUB_RETURN_IF_ERROR(InsertNewParties(outcomes, stored));
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (stored[i]) {
      quarantine_.NoteStored(outcomes[i]->record());
    } else if (!IsSweepRecord(records[i])) {
      current_ = i;
      HUB_RETURN_IF_ERROR(Store(job_, records[i], outcomes[i]));
    }
  }
  HUB_RETURN_IF_ERROR(RetryDeferred(records, outcomes));
  HUB_RETURN_IF_ERROR(ApplySweeps(records));
  HUB_RETURN_IF_ERROR(ReleasePending());
  HUB_RETURN_IF_ERROR(MatchArrivals());
  return quarantine_.ResolveStored();
}

sdk::Status BatchApplier::MatchArrivals() {
  if (arrivals_ == nullptr || written_parties_.empty()) return sdk::Status::Ok();
  std::sort(written_parties_.begin(), written_parties_.end());
  written_parties_.erase(std::unique(written_parties_.begin(), written_parties_.end()), written_parties_.end());
  sdk::Result<store_model::ArrivalCounts> matched = arrivals_->Arrived(connection_, turn_, written_parties_);
  written_parties_.clear();
  if (!matched.ok()) return NotTheRecordsFault(job_.name, matched.status().WithContext("matching on arrival"));
  counts_.matched_on_arrival += matched->parties - matched->unmatched;
  counts_.linked_on_arrival += matched->links;
  return sdk::Status::Ok();
}

sdk::Status BatchApplier::NoteParty(const mapping::MappedRecord& mapped, WriteOutcome outcome) {
  if (arrivals_ == nullptr || store_model::BehaviourOf(*mapped.entity).writer != store_model::WriterKind::kParty) {
    return sdk::Status::Ok();
  }
  if (outcome != WriteOutcome::kInserted && outcome != WriteOutcome::kUpdated && outcome != WriteOutcome::kMerged) {
    return sdk::Status::Ok();
  }
  sdk::Result<std::optional<SourceLink>> link = links_.Find(mapped);
  if (!link.ok()) return link.status();
  if (*link) written_parties_.push_back((*link)->record_id);
  return sdk::Status::Ok();
}

sdk::Status BatchApplier::RetryDeferred(const std::vector<sdk::Record>& records,
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

sdk::Status BatchApplier::LockSourceSystems(const std::vector<sdk::Record>& records) {
  std::set<std::string> systems;
  for (const sdk::Record& record : records) systems.insert(SourceSystemOf(record, job_.sink));
  return Lock(systems);
}

sdk::Status BatchApplier::Lock(const std::set<std::string>& systems) {
  for (const std::string& system : systems) {
    HUB_RETURN_IF_ERROR(store_model::LockSourceSystem(connection_, system));
    locked_.insert(system);
  }
  return sdk::Status::Ok();
}

sdk::Result<bool> BatchApplier::TryLock(const std::string& system) {
  if (locked_.contains(system)) return true;
  sdk::Result<bool> taken = store_model::TryLockSourceSystem(connection_, system);
  if (taken.ok() && *taken) locked_.insert(system);
  return taken;
}

sdk::Status BatchApplier::SaveCursor(std::string_view cursor) {
  auto saved = ExecuteStoreStatement(
      connection_,
      "INSERT INTO sync_cursors (job, cursor, updated_at) VALUES (?, ?, {{now}}) "
      "ON CONFLICT (job) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
      {Value::String(std::string(job_.name)), Value::String(std::string(cursor))});
  return saved.ok() ? sdk::Status::Ok() : saved.status().WithContext("saving the checkpoint");
}

std::vector<std::size_t> BatchApplier::NewParties(
    const std::vector<std::optional<mapping::MappingOutcome>>& outcomes) const {
  std::vector<std::size_t> fresh;
  if (connection_.dialect() == odbc::Dialect::kOther) return fresh;
  std::set<std::pair<std::string, std::string>> seen;  // (source_system, source_id)
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i] || !outcomes[i]->ok()) continue;
    const mapping::MappedRecord& mapped = outcomes[i]->record();
    if (!store_model::BehaviourOf(*mapped.entity).InsertsInBulk()) continue;
    const bool first = seen.emplace(mapped.source_system, mapped.source_id).second;
    if (first && mapped.operation == sdk::Operation::kUpsert && links_.KnownAbsent(mapped)) fresh.push_back(i);
  }
  return fresh;
}

sdk::Status BatchApplier::InsertNewParties(const std::vector<std::optional<mapping::MappingOutcome>>& outcomes,
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
      if (!IsRecordsFault(inserted.status())) return NotTheRecordsFault(job_.name, inserted.status());
      HUB_RETURN_IF_ERROR(savepoint->RollbackTo());
      log_->info("job {}: {} new records written one by one: {}", job_.name, group.size(), inserted.status().message());
      continue;
    }
    HUB_RETURN_IF_ERROR(savepoint->Release());
    for (std::size_t k = 0; k < group.size(); ++k) {
      InsertedParty& party = (*inserted)[k];
      if (!party.written) continue;
      links_.Remember(*mapped[k], SourceLink{party.link_id, party.party_id, std::move(party.content_hash), false});
      if (arrivals_ != nullptr) written_parties_.push_back(party.party_id);
      stored[group[k]] = true;
      ++counts_.inserted;
    }
  }
  return sdk::Status::Ok();
}

sdk::Status BatchApplier::Store(const JobContext& job, const sdk::Record& record,
                                const std::optional<mapping::MappingOutcome>& outcome) {
  if (!record.rejection.empty()) return Quarantine(job, record, "", "", Refusal::Source(RejectionDetail(record)));
  if (!outcome->ok()) {
    const mapping::MappingRejection& rejection = outcome->rejection();
    return Quarantine(job, record, rejection.source_system, rejection.source_id, Refusal::Mapping(rejection.reason));
  }
  const mapping::MappedRecord& mapped = outcome->record();
  return StoreWith(job, record, mapped);
}

sdk::Status BatchApplier::StoreWith(const JobContext& job, const sdk::Record& record,
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
  sdk::Result<WriteOutcome> written = writer_.Write(mapped);
  if (!written.ok()) {
    // Only the record's own faults are quarantined; the hub's or the store's end the batch, which rolls back.
    if (!IsRecordsFault(written.status())) return NotTheRecordsFault(job.name, written.status());
    HUB_RETURN_IF_ERROR(savepoint->RollbackTo());
    links_.Forget(mapped);
    if (written.status().code() == sdk::StatusCode::kNotFound && !last_chance_ && RefersToItself(*mapped.entity)) {
      deferred_.push_back(current_);
      return sdk::Status::Ok();
    }
    if (written.status().code() == sdk::StatusCode::kNotFound) return Refer(job, record, mapped, written.status());
    // InvalidArgument comes from the writers' own checks (a value out of range); DataError is the
    // database's refusal (a constraint, a value it cannot take).
    if (written.status().code() == sdk::StatusCode::kInvalidArgument) {
      return Quarantine(job, record, mapped.source_system, mapped.source_id,
                        Refusal::Check(written.status().message()));
    }
    return Quarantine(job, record, mapped.source_system, mapped.source_id,
                      Refusal::Database(written.status().message()));
  }
  HUB_RETURN_IF_ERROR(savepoint->Release());
  Count(*written);
  HUB_RETURN_IF_ERROR(NoteParty(mapped, *written));
  // Unchanged is the store's own copy again, or the delete of a record it does not hold.
  if (*written == WriteOutcome::kUnchanged) {
    quarantine_.NoteCurrent(mapped);
  } else {
    quarantine_.NoteStored(mapped);
  }
  return sdk::Status::Ok();
}

void BatchApplier::Count(WriteOutcome outcome) {
  switch (outcome) {
    case WriteOutcome::kInserted:
      ++counts_.inserted;
      break;
    case WriteOutcome::kUpdated:
      ++counts_.updated;
      break;
    case WriteOutcome::kDeleted:
      ++counts_.deleted;
      break;
    case WriteOutcome::kMerged:
      ++counts_.merged;
      break;
    case WriteOutcome::kUnchanged:
      ++counts_.unchanged;
      break;
  }
}

sdk::Status BatchApplier::Refer(const JobContext& job, const sdk::Record& record, const mapping::MappedRecord& mapped,
                                const sdk::Status& missing) {
  sdk::Result<std::optional<MissingRecord>> awaited = references_.FirstMissing(mapped);
  if (!awaited.ok()) return awaited.status();
  return Quarantine(job, record, mapped.source_system, mapped.source_id,
                    Refusal::Reference(missing.message(), std::move(awaited).value()));
}

sdk::Status BatchApplier::Quarantine(const JobContext& job, const sdk::Record& record, const std::string& source_system,
                                     const std::string& source_id, const Refusal& refusal) {
  const std::string& own_system = record.source_system.empty() ? job.sink.source_system : record.source_system;
  QuarantineBook::Identity identity{source_system.empty() ? own_system : source_system, EntityOf(record, job.sink),
                                    source_id.empty() ? record.source_id : source_id};
  sdk::Result<std::int64_t> entry = quarantine_.Put(job.name, record, identity, refusal);
  if (!entry.ok()) return entry.status();
  last_entry_ = *entry;
  ++counts_.quarantined;
  log_->warn("job {}: quarantined{}: {}: {}", job.name, refusal.awaits ? " (pending)" : "", record.position,
             refusal.detail);
  return sdk::Status::Ok();
}

}  // namespace hub::sync
