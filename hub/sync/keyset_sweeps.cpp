// BatchApplier's part of a key-set sweep: the PRESENT and SWEEP_END records of a batch, which bypass the
// mapping (only their entity, source system, id and the sweep's own fields count).
#include <charconv>
#include <map>
#include <tuple>

#include "sync/batch_applier.hpp"

namespace hub::sync {
namespace {

using store_model::SweepKey;

// The text of field `name` of `record`: a string or a number as written; empty when absent or null.
std::string FieldText(const sdk::Record& record, std::string_view name) {
  const sdk::Value* value = record.Find(name);
  if (value == nullptr) return "";
  switch (value->type()) {
    case sdk::ValueType::kInt64:
      return std::to_string(value->integer());
    case sdk::ValueType::kDouble:
      return std::to_string(value->real());
    default:
      return value->text();
  }
}

// The fraction the SWEEP_END `record` allows to delete: its field max_delete_fraction, by default 0.2.
sdk::Result<double> MaxDeleteFraction(const sdk::Record& record) {
  const sdk::Value* value = record.Find("max_delete_fraction");
  if (value == nullptr || value->is_null()) return store_model::kDefaultMaxDeleteFraction;
  if (value->type() == sdk::ValueType::kDouble) return value->real();
  if (value->type() == sdk::ValueType::kInt64) return static_cast<double>(value->integer());
  const std::string text = value->text();
  double fraction = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), fraction);
  if (error != std::errc() || end != text.data() + text.size()) {
    return sdk::Status::InvalidArgument("its max_delete_fraction '" + text + "' is not a number");
  }
  return fraction;
}

const char* OperationName(const sdk::Record& record) {
  return record.operation == sdk::Operation::kPresent ? "PRESENT" : "SWEEP_END";
}

}  // namespace

bool IsSweepRecord(const sdk::Record& record) {
  return record.rejection.empty() &&
         (record.operation == sdk::Operation::kPresent || record.operation == sdk::Operation::kSweepEnd);
}

sdk::Status BatchApplier::ApplySweeps(const std::vector<sdk::Record>& records) {
  // The ids listed so far for each sweep of the batch, by (source system, entity, sweep id).
  std::map<std::tuple<std::string, std::string_view, std::string>, std::vector<std::string>> listed;
  for (const sdk::Record& record : records) {
    if (!IsSweepRecord(record)) continue;
    const auto refused = [&](const std::string& why) {
      return sdk::Status::InvalidArgument("job " + std::string(job_.name) + ": " + OperationName(record) + " record " +
                                          record.position + " " + why +
                                          ": the batch is refused, so that no sweep read wrongly deletes");
    };
    const mapping::CompiledMapping* only = record.entity.empty() ? job_.sink.mappings.For(record.entity) : nullptr;
    const model::EntitySpec* entity = !record.entity.empty() ? model::FindEntity(record.entity)
                                      : only != nullptr      ? &only->entity()
                                                             : nullptr;
    if (entity == nullptr && record.entity.empty()) return refused("names no entity, and the job maps several");
    if (entity == nullptr) return refused("is of entity '" + record.entity + "', which the model does not have");
    SweepKey key{std::string(job_.name), SourceSystemOf(record, job_.sink), entity, FieldText(record, "sweep_id")};
    std::vector<std::string>& ids = listed[{key.source_system, entity->name, key.sweep_id}];
    if (record.operation == sdk::Operation::kPresent) {
      if (record.source_id.empty()) return refused("has no id");
      ids.push_back(record.source_id);
      continue;
    }
    sdk::Result<double> fraction = MaxDeleteFraction(record);
    if (!fraction.ok()) return refused(fraction.status().message());
    HUB_RETURN_IF_ERROR(sweeps_.Present(key, ids));
    ids.clear();
    sdk::Result<store_model::SweepResult> ended = sweeps_.End(key, *fraction, record.position);
    if (!ended.ok()) {
      if (ended.status().code() == sdk::StatusCode::kInvalidArgument) return refused(ended.status().message());
      return ended.status();
    }
    counts_.deleted += ended->deleted;
    log_->info("job {}: the key-set sweep of {} in {} found {} of {} records gone", job_.name, entity->name,
               key.source_system, ended->deleted, ended->live);
  }
  for (const auto& [sweep, ids] : listed) {
    const auto& [system, entity, sweep_id] = sweep;
    HUB_RETURN_IF_ERROR(
        sweeps_.Present(SweepKey{std::string(job_.name), system, model::FindEntity(entity), sweep_id}, ids));
  }
  return sdk::Status::Ok();
}

}  // namespace hub::sync
