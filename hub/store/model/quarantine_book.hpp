// The quarantine of one batch: records kept aside with their reason — one open entry per record and
// reason, counted again when the same record is refused again — records that wait for what they refer to
// (pending), and, when a later read stores a record that was kept aside before, its entries resolved.
#ifndef HUB_STORE_MODEL_QUARANTINE_BOOK_HPP_
#define HUB_STORE_MODEL_QUARANTINE_BOOK_HPP_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/references.hpp"

namespace hub::store_model {

// The most of a record's raw JSON an entry keeps (64 KiB): a longer one is kept as its first bytes inside
// {"truncated":true,...}, with its full length in raw_length.
inline constexpr std::size_t kQuarantineRawCap = 64 * 1024;

// Whose fault a refusal is: the source could not read the record, the mapping refused it, what it refers
// to is not in the store (yet), or the store refused it.
enum class QuarantineCause { kSource, kMapping, kReference, kStore };

// Why a record is kept aside. `detail` says why without the record's position (the entry's reason is
// "<position>: <detail>"); with `awaits` the record is pending: it is stored as soon as a batch stores the
// record it names. `same_reason_as`, when set, is what makes two refusals the same reason instead of the
// detail. Built by the named constructors.
struct Refusal {
  QuarantineCause cause = QuarantineCause::kStore;
  std::string detail;
  std::optional<MissingRecord> awaits;
  std::string same_reason_as;

  // The source could not read the record.
  static Refusal Source(std::string detail) { return {QuarantineCause::kSource, std::move(detail), std::nullopt, ""}; }
  // The mapping refused it.
  static Refusal Mapping(std::string detail) {
    return {QuarantineCause::kMapping, std::move(detail), std::nullopt, ""};
  }
  // A writer's own check refused it (a value out of range).
  static Refusal Check(std::string detail) { return {QuarantineCause::kStore, std::move(detail), std::nullopt, ""}; }
  // The database refused it: one reason whatever the driver says (PostgreSQL's message quotes the row,
  // timestamps included, which differ on every attempt).
  static Refusal Database(const std::string& message) {
    return {QuarantineCause::kStore, "the store refused it: " + message, std::nullopt, "the store refused it"};
  }
  // What it refers to is not in the store; `awaits` names it when it can be waited for.
  static Refusal Reference(std::string detail, std::optional<MissingRecord> awaits) {
    return {QuarantineCause::kReference, std::move(detail), std::move(awaits), ""};
  }
};

// A pending entry whose awaited record a batch has just stored: what to store again.
struct PendingEntry {
  std::int64_t id = 0;
  std::string job;
  std::string raw_record;  // RawRecordJson of the record as read
  MissingRecord awaited;
};

// Writes the `quarantine` table on one connection, inside the batch's transaction (nothing here commits).
//
// An entry names the record as the model knows it when the mapping got that far (mapped entity and source
// id), else as the connector read it. Entries are unique per (job, source system, entity, record key,
// reason key) while open: the record key is the source id, or "@<position>" for a record without one (a
// line the source could not read: the same position of the same source is the same record); the reason
// key is a hash of the refusal's cause and detail (or same_reason_as), which leave the position out, so a
// record that moved to another line is still the same entry. Putting a record again updates that entry
// (occurrences + 1, last_seen_at, the newest position, reason and raw content) — the unique index on the
// open entries guards it; one job's batches never overlap, and the key holds the job, so two jobs sharing
// a source system never meet on one entry. A later batch that stores the record marks its entries resolved.
//
// Threads: as the connection. Lifetime: one batch.
class QuarantineBook {
 public:
  // The identity an entry is kept under: the model's entity and the record's id as the mapping reads them
  // (the connector's when the record was not mapped that far).
  struct Identity {
    std::string source_system;
    std::string entity;
    std::string source_id;
    auto operator<=>(const Identity&) const = default;
  };

  // `stored_resolution` is what ResolveStored writes: "stored by job orders on a later read".
  QuarantineBook(odbc::Connection& connection, std::string stored_resolution)
      : connection_(connection), stored_resolution_(std::move(stored_resolution)) {}

  // Keeps `record` aside for `job` under `identity` for `refusal`, as a new entry or by counting the open
  // entry of the same record and reason again. An open entry written before migration 9 (reason key
  // "migrated:<id>") is that entry when its reason, less its position, is the refusal's detail (for a
  // database refusal: begins with same_reason_as); it takes the refusal's reason key. Pending when the
  // refusal awaits a record, unless the raw record was too large to keep whole (then it cannot be stored
  // from its entry, and is open). A pending entry of the same record (by source id) for another reason
  // holds an older copy: it is resolved, superseded by this one, and never released. Answers the entry's
  // id. Errors: the driver's Status, with the position.
  sdk::Result<std::int64_t> Put(std::string_view job, const sdk::Record& record, const Identity& identity,
                                const Refusal& refusal);

  // Notes that `mapped` was stored by this batch (inserted, updated, merged or deleted): its entries are
  // resolved by ResolveStored, and pending records waiting for it are answered by TakeArrivals.
  void NoteStored(const model::MappedRecord& mapped);

  // Notes that `mapped` was read exactly as the store holds it (unchanged, or a delete of a record the
  // store does not hold): its entries, about other copies of the record, are resolved by ResolveStored — an
  // older pending copy must never be stored over it — while no pending record waits for it.
  void NoteCurrent(const model::MappedRecord& mapped);

  // The pending entries (of any job) waiting for a record noted stored since the last call; each answered
  // once per batch. Costs one query per entity stored when no entry waits for that entity. Errors: the
  // driver's Status.
  sdk::Result<std::vector<PendingEntry>> TakeArrivals();

  // Sets last_replayed_at of entries `ids` to now. Errors: the driver's Status.
  sdk::Status MarkReplayed(const std::vector<std::int64_t>& ids);

  // The pending entries of `job` whose awaited record is in the store by now, though no batch released
  // them: the batch that stored it ran beside the one that kept them aside (on PostgreSQL neither sees the
  // other's uncommitted rows), or could not take their source system's lock. Each answered once per batch.
  // One query when the job has no pending entry; else one per entity awaited. Errors: the driver's Status.
  sdk::Result<std::vector<PendingEntry>> Overdue(std::string_view job);

  // Marks entry `id` resolved with `resolution`. Errors: the driver's Status.
  sdk::Status MarkResolved(std::int64_t id, const std::string& resolution);

  // Marks resolved every open entry of a record whose last copy in this batch was stored or found
  // unchanged (not one whose last copy was quarantined again). Costs one query per source system when no entry of that
  // system is open. Errors: the driver's Status.
  sdk::Status ResolveStored();

 private:
  // Resolves the pending entries of the record `key` names (job, system, entity, record key, reason key)
  // other than entry `id`, superseded by it.
  sdk::Status SupersedePending(const std::vector<sdk::Value>& key, std::int64_t id);
  // Marks resolved the open entries of `source_ids` (of `entity` in `system`).
  sdk::Status Resolve(const std::string& system, const std::string& entity, const std::vector<std::string>& source_ids);
  // The pending entries waiting for `keys` of `entity`, stored in `systems` (by key).
  sdk::Result<std::vector<PendingEntry>> PendingFor(const std::string& entity,
                                                    const std::set<std::pair<std::string, std::string>>& arrivals);

  odbc::Connection& connection_;
  std::string stored_resolution_;
  std::set<Identity> stored_;  // records whose last copy in the batch was stored or unchanged
  // Records stored since the last TakeArrivals, as a pending entry names them: (entity, system, key) by
  // source id, and (entity, "", natural key) for an entity with one.
  std::set<MissingRecord> arrived_;
  std::set<std::int64_t> answered_;  // pending entries TakeArrivals handed out in this batch
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_QUARANTINE_BOOK_HPP_
