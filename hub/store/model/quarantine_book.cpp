#include "store/model/quarantine_book.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <map>

#include "model/catalog.hpp"
#include "model/mapped_record.hpp"
#include "store/model/record_json.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::size_t kIdsPerStatement = 500;
// The most of a refusal's detail an entry's reason keeps (a value quoted in it may be the whole record).
constexpr std::size_t kReasonCap = 4 * 1024;

std::string_view CauseName(QuarantineCause cause) {
  switch (cause) {
    case QuarantineCause::kSource:
      return "source";
    case QuarantineCause::kMapping:
      return "mapping";
    case QuarantineCause::kReference:
      return "reference";
    case QuarantineCause::kStore:
      break;
  }
  return "store";
}

// SHA-256 (hex) of `text`.
std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

// SHA-256 (hex) of the cause and the detail: the entry's reason key.
std::string ReasonKey(const Refusal& refusal) {
  return Sha256Hex(std::string(CauseName(refusal.cause)) + "\x1f" +
                   (refusal.same_reason_as.empty() ? refusal.detail : refusal.same_reason_as));
}

// The first `cap` bytes of `text` (cut on a UTF-8 boundary), with " … (N bytes)" when it was longer.
std::string Capped(const std::string& text, std::size_t cap) {
  if (text.size() <= cap) return text;
  std::size_t cut = cap;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + " … (" + std::to_string(text.size()) + " bytes)";
}

// A record's id (or key) as an entry keeps it in its indexed columns: StorableText of it, or, longer than
// model::kMaxKeyBytes (the mapping refused it for that), its first bytes with its length and a hash of it,
// so that the index never overflows and two long ids stay two entries.
std::string KeptKey(const std::string& key) {
  const std::string text = StorableText(key);
  if (text.size() <= model::kMaxKeyBytes) return text;
  return Capped(text, model::kMaxKeyBytes / 2) + " sha256:" + Sha256Hex(text).substr(0, 16);
}

// The "?, ?, ..." of an IN list of kIdsPerStatement values, appending to `params` those of `texts` from
// `start` on, the last repeated to fill the list: one prepared statement serves every call.
std::string FixedInList(const std::vector<std::string>& texts, std::size_t start, std::vector<Value>& params) {
  std::string marks;
  for (std::size_t i = 0; i < kIdsPerStatement; ++i) {
    marks += i == 0 ? "?" : ", ?";
    params.push_back(Value::String(texts[std::min(start + i, texts.size() - 1)]));
  }
  return marks;
}

Value TextOrNull(const std::string& text) { return text.empty() ? Value::Null() : Value::String(text); }

}  // namespace

sdk::Result<std::int64_t> QuarantineBook::Put(std::string_view job, const sdk::Record& record, const Identity& identity,
                                              const Refusal& refusal) {
  stored_.erase(identity);
  const std::string raw = RawRecordJson(record, identity.source_system);
  const std::string kept = CappedRawJson(raw, record, identity.source_system, kQuarantineRawCap);
  const std::string detail = StorableText(Capped(refusal.detail, kReasonCap));
  const std::string reason = record.position.empty() ? detail : StorableText(record.position) + ": " + detail;
  const std::string record_key = KeptKey(identity.source_id.empty() ? "@" + record.position : identity.source_id);
  // A record kept only in part cannot be stored again from its entry: it is open, not pending.
  const bool waits = refusal.awaits && raw.size() == kept.size();
  const std::string status = waits ? "pending" : "open";
  const MissingRecord awaits = waits ? *refusal.awaits : MissingRecord{};
  const std::vector<Value> key{Value::String(std::string(job)), Value::String(StorableText(identity.source_system)),
                               Value::String(StorableText(identity.entity)), Value::String(record_key),
                               Value::String(ReasonKey(refusal))};
  // The open entry of this record and reason: the one under this reason key, else one written before
  // migration 9 (reason key "migrated:<id>", its reason "<its position>: <detail>"), which it takes over.
  std::vector<Value> find = key;
  find.push_back(Value::String(refusal.same_reason_as.empty() ? detail : refusal.same_reason_as));
  if (!refusal.same_reason_as.empty()) find.push_back(find.back());  // its length, then its text
  find.push_back(key[4]);
  auto open = QueryStoreRows(
      connection_,
      std::string("SELECT id FROM quarantine WHERE job = ? AND source_system = ? AND entity = ? AND record_key = ? "
                  "AND resolved_at IS NULL AND (reason_key = ? OR (reason_key LIKE 'migrated:%' AND ") +
          (refusal.same_reason_as.empty()
               ? "reason = source_position || ': ' || CAST(? AS TEXT)"
               : "SUBSTR(reason, 1, LENGTH(source_position) + 2 + LENGTH(CAST(? AS TEXT))) = source_position || "
                 "': ' || CAST(? AS TEXT)") +
          ")) ORDER BY CASE WHEN reason_key = ? THEN 0 ELSE 1 END, id DESC",
      find);
  if (!open.ok()) return open.status().WithContext("quarantining " + record.position);
  // What a newer sighting replaces: where the record is now, its reason and content, and what it awaits.
  std::vector<Value> seen{key[4],
                          Value::String(KeptKey(identity.source_id)),
                          Value::String(StorableText(record.position)),
                          Value::String(reason),
                          Value::String(kept),
                          Value::Int64(static_cast<std::int64_t>(raw.size())),
                          Value::String(status),
                          Value::String(std::string(CauseName(refusal.cause))),
                          TextOrNull(StorableText(awaits.entity)),
                          TextOrNull(StorableText(awaits.system)),
                          TextOrNull(StorableText(awaits.key))};
  if (!open->empty()) {
    const std::int64_t id = open->front().front().integer();
    seen.push_back(Value::Int64(id));
    HUB_RETURN_IF_ERROR(SupersedePending(key, id));
    auto counted = ExecuteStoreStatement(
        connection_,
        "UPDATE quarantine SET occurrences = occurrences + 1, last_seen_at = {{now}}, reason_key = ?, source_id = ?, "
        "source_position = ?, reason = ?, raw_record = ?, raw_length = ?, status = ?, cause = ?, awaits_entity = ?, "
        "awaits_system = ?, awaits_key = ? WHERE id = ?",
        seen);
    if (!counted.ok()) return counted.status().WithContext("quarantining " + record.position);
    return id;
  }
  std::vector<Value> params = key;
  params.insert(params.end(), seen.begin() + 1, seen.end());
  auto inserted = InsertReturningId(
      connection_,
      "INSERT INTO quarantine (job, source_system, entity, record_key, reason_key, source_id, source_position, reason, "
      "raw_record, raw_length, status, cause, awaits_entity, awaits_system, awaits_key, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {{now}})",
      params);
  if (!inserted.ok()) return inserted.status().WithContext("quarantining " + record.position);
  HUB_RETURN_IF_ERROR(SupersedePending(key, *inserted));
  return *inserted;
}

sdk::Status QuarantineBook::SupersedePending(const std::vector<Value>& key, std::int64_t id) {
  // A record without a source id ("@<position>") is known by its line only: another line is another record.
  if (key[3].text().starts_with("@")) return sdk::Status::Ok();
  auto superseded = ExecuteStoreStatement(
      connection_,
      "UPDATE quarantine SET status = 'resolved', resolved_at = {{now}}, resolution = ? WHERE job = ? AND "
      "source_system = ? AND entity = ? AND record_key = ? AND status = 'pending' AND id <> ?",
      {Value::String("superseded by entry " + std::to_string(id) + ", a later read of the record"), key[0], key[1],
       key[2], key[3], Value::Int64(id)});
  return superseded.ok() ? sdk::Status::Ok() : superseded.status().WithContext("quarantining");
}

void QuarantineBook::NoteStored(const model::MappedRecord& mapped) {
  const std::string entity(mapped.entity->name);
  stored_.insert(Identity{mapped.source_system, entity, mapped.source_id});
  arrived_.insert(MissingRecord{entity, mapped.source_system, mapped.source_id});
  if (mapped.entity->natural_key.empty() || mapped.operation == sdk::Operation::kDelete) return;
  const Value* natural = mapped.Find(mapped.entity->natural_key);
  if (natural != nullptr && !natural->is_null()) arrived_.insert(MissingRecord{entity, "", natural->text()});
}

void QuarantineBook::NoteCurrent(const model::MappedRecord& mapped) {
  stored_.insert(Identity{mapped.source_system, std::string(mapped.entity->name), mapped.source_id});
}

sdk::Result<std::vector<PendingEntry>> QuarantineBook::TakeArrivals() {
  std::map<std::string, std::set<std::pair<std::string, std::string>>> by_entity;  // entity → (system, key)
  for (const MissingRecord& arrival : arrived_) by_entity[arrival.entity].emplace(arrival.system, arrival.key);
  arrived_.clear();
  std::vector<PendingEntry> entries;
  for (const auto& [entity, arrivals] : by_entity) {
    auto waiting =
        QueryStoreRows(connection_, "SELECT 1 FROM quarantine WHERE status = 'pending' AND awaits_entity = ? LIMIT 1",
                       {Value::String(entity)});
    if (!waiting.ok()) return waiting.status();
    if (waiting->empty()) continue;
    sdk::Result<std::vector<PendingEntry>> found = PendingFor(entity, arrivals);
    if (!found.ok()) return found.status();
    for (PendingEntry& entry : *found) {
      if (answered_.insert(entry.id).second) entries.push_back(std::move(entry));
    }
  }
  std::sort(entries.begin(), entries.end(), [](const PendingEntry& a, const PendingEntry& b) { return a.id < b.id; });
  return entries;
}

sdk::Result<std::vector<PendingEntry>> QuarantineBook::PendingFor(
    const std::string& entity, const std::set<std::pair<std::string, std::string>>& arrivals) {
  std::set<std::string> distinct;
  for (const auto& [system, key] : arrivals) distinct.insert(key);
  const std::vector<std::string> keys(distinct.begin(), distinct.end());
  std::vector<PendingEntry> entries;
  for (std::size_t start = 0; start < keys.size(); start += kIdsPerStatement) {
    std::vector<Value> params{Value::String(entity)};
    const std::string marks = FixedInList(keys, start, params);
    auto rows = QueryStoreRows(connection_,
                               "SELECT id, job, raw_record, COALESCE(awaits_system, ''), awaits_key FROM quarantine "
                               "WHERE status = 'pending' AND awaits_entity = ? AND awaits_key IN (" +
                                   marks + ")",
                               params);
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& row : *rows) {
      MissingRecord awaited{entity, row[3].text(), row[4].text()};
      // A natural key is answered by a record of any system, a source id only by one of its own system.
      if (!arrivals.contains({awaited.system, awaited.key})) continue;
      entries.push_back(PendingEntry{row[0].integer(), row[1].text(), row[2].text(), std::move(awaited)});
    }
  }
  return entries;
}

sdk::Result<std::vector<PendingEntry>> QuarantineBook::Overdue(std::string_view job) {
  auto awaited =
      QueryStoreRows(connection_, "SELECT DISTINCT awaits_entity FROM quarantine WHERE job = ? AND status = 'pending'",
                     {Value::String(std::string(job))});
  if (!awaited.ok()) return awaited.status();
  std::vector<PendingEntry> entries;
  for (const odbc::Row& row : *awaited) {
    const model::EntitySpec* entity = model::FindEntity(row[0].text());
    if (entity == nullptr) continue;
    // By source id through its system's source links; by natural key in the entity's table (catalog names).
    std::string there =
        "EXISTS (SELECT 1 FROM source_links l WHERE l.source_system = q.awaits_system AND l.entity = q.awaits_entity "
        "AND l.source_id = q.awaits_key AND l.deleted_at IS NULL)";
    if (!entity->natural_key.empty()) {
      there = "(" + there + " OR (q.awaits_system IS NULL AND EXISTS (SELECT 1 FROM " + std::string(entity->table) +
              " t WHERE t." + std::string(entity->natural_key) + " = q.awaits_key)))";
    }
    auto rows = QueryStoreRows(connection_,
                               "SELECT q.id, q.job, q.raw_record, COALESCE(q.awaits_system, ''), q.awaits_key "
                               "FROM quarantine q WHERE q.job = ? AND q.status = 'pending' AND q.awaits_entity = ? "
                               "AND " +
                                   there + " ORDER BY q.id",
                               {Value::String(std::string(job)), Value::String(std::string(entity->name))});
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& found : *rows) {
      if (!answered_.insert(found[0].integer()).second) continue;
      entries.push_back(PendingEntry{found[0].integer(), found[1].text(), found[2].text(),
                                     MissingRecord{std::string(entity->name), found[3].text(), found[4].text()}});
    }
  }
  return entries;
}

sdk::Status QuarantineBook::MarkReplayed(const std::vector<std::int64_t>& ids) {
  for (std::int64_t id : ids) {
    auto marked = ExecuteStoreStatement(connection_, "UPDATE quarantine SET last_replayed_at = {{now}} WHERE id = ?",
                                        {Value::Int64(id)});
    if (!marked.ok()) return marked.status();
  }
  return sdk::Status::Ok();
}

sdk::Status QuarantineBook::MarkResolved(std::int64_t id, const std::string& resolution) {
  auto resolved = ExecuteStoreStatement(connection_,
                                        "UPDATE quarantine SET status = 'resolved', resolved_at = {{now}}, "
                                        "resolution = ? WHERE id = ? AND resolved_at IS NULL",
                                        {Value::String(StorableText(resolution)), Value::Int64(id)});
  return resolved.ok() ? sdk::Status::Ok() : resolved.status();
}

sdk::Status QuarantineBook::ResolveStored() {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> ids;  // (system, entity) → ids
  for (const Identity& identity : stored_) ids[{identity.source_system, identity.entity}].push_back(identity.source_id);
  std::set<std::string> checked_closed;  // systems without an open entry
  for (const auto& [key, source_ids] : ids) {
    const auto& [system, entity] = key;
    if (checked_closed.contains(system)) continue;
    auto open = connection_.Query("SELECT 1 FROM quarantine WHERE source_system = ? AND resolved_at IS NULL LIMIT 1",
                                  {Value::String(system)});
    if (!open.ok()) return open.status();
    if (open->rows.empty()) {
      checked_closed.insert(system);
      continue;
    }
    HUB_RETURN_IF_ERROR(Resolve(system, entity, source_ids));
  }
  return sdk::Status::Ok();
}

sdk::Status QuarantineBook::Resolve(const std::string& system, const std::string& entity,
                                    const std::vector<std::string>& source_ids) {
  for (std::size_t start = 0; start < source_ids.size(); start += kIdsPerStatement) {
    std::vector<Value> params{Value::String(stored_resolution_), Value::String(system), Value::String(entity)};
    const std::string marks = FixedInList(source_ids, start, params);
    auto resolved = ExecuteStoreStatement(connection_,
                                          "UPDATE quarantine SET status = 'resolved', resolved_at = {{now}}, "
                                          "resolution = ? WHERE source_system = ? AND entity = ? AND "
                                          "resolved_at IS NULL AND source_id IN (" +
                                              marks + ")",
                                          params);
    if (!resolved.ok()) return resolved.status();
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
