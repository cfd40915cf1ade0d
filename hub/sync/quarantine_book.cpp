#include "sync/quarantine_book.hpp"

#include <algorithm>

#include "sync/record_json.hpp"
#include "sync/store_statements.hpp"

namespace hub::sync {
namespace {

using sdk::Value;

constexpr std::size_t kIdsPerStatement = 500;

}  // namespace

sdk::Status QuarantineBook::Put(const sdk::Record& record, const std::string& source_system,
                                const mapping::MappedRecord* mapped, const std::string& reason) {
  const std::string entity = mapped != nullptr ? std::string(mapped->entity->name) : record.entity;
  const std::string& source_id = mapped != nullptr ? mapped->source_id : record.source_id;
  auto kept = connection_.ExecuteUpdate(
      "INSERT INTO quarantine (job, source_system, entity, source_id, source_position, reason, raw_record) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {Value::String(job_), Value::String(StorableText(source_system)), Value::String(StorableText(entity)),
       Value::String(StorableText(source_id)), Value::String(StorableText(record.position)),
       Value::String(StorableText(reason)), Value::String(RawRecordJson(record, source_system))});
  return kept.ok() ? sdk::Status::Ok() : kept.status().WithContext("quarantining " + record.position);
}

void QuarantineBook::NoteStored(const mapping::MappedRecord& mapped) {
  stored_[mapped.source_system][std::string(mapped.entity->name)].push_back(mapped.source_id);
}

sdk::Status QuarantineBook::ResolveStored() {
  for (const auto& [system, entities] : stored_) {
    auto open = connection_.Query("SELECT 1 FROM quarantine WHERE source_system = ? AND resolved_at IS NULL LIMIT 1",
                                  {Value::String(system)});
    if (!open.ok()) return open.status();
    if (open->rows.empty()) continue;
    for (const auto& [entity, ids] : entities) {
      for (std::size_t start = 0; start < ids.size(); start += kIdsPerStatement) {
        // Always kIdsPerStatement ids (the last repeated): one prepared statement serves every call.
        std::vector<Value> params{Value::String("stored by job " + job_ + " on a later read"), Value::String(system),
                                  Value::String(entity)};
        std::string marks;
        for (std::size_t i = 0; i < kIdsPerStatement; ++i) {
          marks += i == 0 ? "?" : ", ?";
          params.push_back(Value::String(ids[std::min(start + i, ids.size() - 1)]));
        }
        auto resolved = ExecuteStoreStatement(connection_,
                                              "UPDATE quarantine SET resolved_at = {{now}}, resolution = ? "
                                              "WHERE source_system = ? AND entity = ? AND resolved_at IS NULL "
                                              "AND source_id IN (" +
                                                  marks + ")",
                                              params);
        if (!resolved.ok()) return resolved.status();
      }
    }
  }
  return sdk::Status::Ok();
}

}  // namespace hub::sync
