#include "sync/quarantine_book.hpp"

#include <algorithm>
#include <map>

#include "sync/record_json.hpp"
#include "sync/store_statements.hpp"

namespace hub::sync {
namespace {

using sdk::Value;

constexpr std::size_t kIdsPerStatement = 500;

}  // namespace

sdk::Status QuarantineBook::Put(const sdk::Record& record, const Identity& identity, const std::string& reason) {
  stored_.erase(identity);
  auto kept = connection_.ExecuteUpdate(
      "INSERT INTO quarantine (job, source_system, entity, source_id, source_position, reason, raw_record) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {Value::String(job_), Value::String(StorableText(identity.source_system)),
       Value::String(StorableText(identity.entity)), Value::String(StorableText(identity.source_id)),
       Value::String(StorableText(record.position)), Value::String(StorableText(reason)),
       Value::String(RawRecordJson(record, identity.source_system))});
  return kept.ok() ? sdk::Status::Ok() : kept.status().WithContext("quarantining " + record.position);
}

void QuarantineBook::NoteStored(const mapping::MappedRecord& mapped) {
  stored_.insert(Identity{mapped.source_system, std::string(mapped.entity->name), mapped.source_id});
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
    // Always kIdsPerStatement ids (the last repeated): one prepared statement serves every call.
    std::vector<Value> params{Value::String("stored by job " + job_ + " on a later read"), Value::String(system),
                              Value::String(entity)};
    std::string marks;
    for (std::size_t i = 0; i < kIdsPerStatement; ++i) {
      marks += i == 0 ? "?" : ", ?";
      params.push_back(Value::String(source_ids[std::min(start + i, source_ids.size() - 1)]));
    }
    auto resolved = ExecuteStoreStatement(connection_,
                                          "UPDATE quarantine SET resolved_at = {{now}}, resolution = ? "
                                          "WHERE source_system = ? AND entity = ? AND resolved_at IS NULL "
                                          "AND source_id IN (" +
                                              marks + ")",
                                          params);
    if (!resolved.ok()) return resolved.status();
  }
  return sdk::Status::Ok();
}

}  // namespace hub::sync
