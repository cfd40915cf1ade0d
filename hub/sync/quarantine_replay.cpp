// An operator's replay of quarantine entries (`hub quarantine replay`): StoreSink::Replay and its
// BatchApplier part.
#include "sync/batch_applier.hpp"

#include <algorithm>

#include "hub/odbc/transaction.hpp"
#include "store/model/quarantine_query.hpp"
#include "store/model/record_json.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::sync {

using store_model::LoadReplayable;
using store_model::QuarantineEntry;
using store_model::QuarantineFilter;
using store_model::RecordFromRawJson;
using store_model::ReplayableEntry;
using store_model::SelectQuarantine;
namespace {

using sdk::Value;

// An operator's replay stores this many entries a transaction: a long replay never holds the store's
// write lock (SQLite) for long, and what it did so far stays done if it is stopped.
constexpr std::size_t kReplayGroup = 500;

}  // namespace

sdk::Status BatchApplier::Replay(const std::vector<std::int64_t>& ids, std::uint64_t& resolved,
                                 std::vector<std::string>& skipped) {
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
  HUB_RETURN_IF_ERROR(MatchArrivals());
  return quarantine_.ResolveStored();
}

sdk::Result<std::optional<BatchApplier::Replayed>> BatchApplier::LoadReplay(std::int64_t id,
                                                                            std::vector<std::string>& skipped) {
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
  if (sink_job.mappings.empty()) return skip("job '" + (*entry)->job + "' has no mapping in this configuration");
  return std::optional<Replayed>(Replayed{id, (*entry)->job, std::move(sink_job), std::move(record).value()});
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
    sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(lease->get());  // replays append events
    if (!turn.ok()) return turn.status();
    BatchApplier applier(lease->get(), *turn, JobContext{"", none}, "hub quarantine replay",
                         "stored by hub quarantine replay", jobs_, log_, rules_, arrivals_.get());
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
