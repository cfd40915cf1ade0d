#include "store/model/references.hpp"

#include <map>
#include <utility>

#include "store/model/store_statements.hpp"

namespace hub::store_model {

sdk::Status MissingReference(std::string_view entity, std::string_view text, std::string_view field) {
  return sdk::Status::NotFound("refers to " + std::string(entity) + " '" + std::string(text) + "' (" +
                               std::string(field) + "), which is not in the store");
}

sdk::Status References::PrefetchLinks(const std::vector<const model::MappedRecord*>& records) {
  std::map<std::pair<std::string_view, std::string>, std::vector<std::string>> wanted;  // (entity, system) → ids
  for (const model::MappedRecord* record : records) {
    for (const model::MappedField& field : record->fields) {
      std::optional<model::FieldReference> reference = field.field->Reference();
      if (!reference || reference->key != "source_id" || field.value.is_null()) continue;
      const std::string system(field.reference_system.empty() ? record->source_system : field.reference_system);
      wanted[{reference->entity, system}].push_back(field.value.text());
    }
  }
  for (const auto& [key, ids] : wanted) HUB_RETURN_IF_ERROR(links_.Prefetch(key.first, key.second, ids));
  return sdk::Status::Ok();
}

sdk::Result<std::optional<std::int64_t>> References::Resolve(const model::FieldReference& reference,
                                                             std::string_view source_system, const std::string& text) {
  const model::EntitySpec* entity = model::FindEntity(reference.entity);
  if (entity == nullptr) {
    return sdk::Status::Internal("a reference to unknown entity '" + std::string(reference.entity) + "'");
  }
  if (reference.key == "source_id") {
    sdk::Result<std::optional<SourceLink>> link = links_.Find(source_system, entity->name, text);
    if (!link.ok()) return link.status();
    if (!*link) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*link)->record_id);
  }
  return FindByNaturalKey(*entity, text);
}

sdk::Result<std::optional<std::int64_t>> References::ResolveField(const model::MappedRecord& record,
                                                                  const model::MappedField& field) {
  std::optional<model::FieldReference> reference = field.field->Reference();
  if (!reference) return sdk::Status::Internal("field '" + std::string(field.name()) + "' is no reference");
  return Resolve(*reference, field.reference_system.empty() ? record.source_system : field.reference_system,
                 field.value.text());
}

sdk::Result<sdk::Value> References::IdValueOf(const model::MappedRecord& record, std::string_view name) {
  const model::MappedField* field = record.FindField(name);
  if (field == nullptr || field->value.is_null()) return sdk::Value::Null();
  sdk::Result<std::optional<std::int64_t>> id = ResolveField(record, *field);
  if (!id.ok()) return id.status();
  if (!*id) return MissingReference(field->field->Reference()->entity, field->value.text(), name);
  return sdk::Value::Int64(**id);
}

sdk::Result<std::optional<MissingRecord>> References::FirstMissing(const model::MappedRecord& record) {
  for (const model::MappedField& field : record.fields) {
    std::optional<model::FieldReference> reference = field.field->Reference();
    // Text kept beside the id: the reference never holds the record back (FieldStorage::text_column).
    if (!reference || field.value.is_null() || !field.field->storage.text_column.empty()) continue;
    sdk::Result<std::optional<std::int64_t>> id = ResolveField(record, field);
    if (!id.ok()) return id.status();
    if (*id) continue;
    const bool by_source_id = reference->key == "source_id";
    const std::string system(field.reference_system.empty() ? record.source_system : field.reference_system);
    return std::optional<MissingRecord>(
        MissingRecord{std::string(reference->entity), by_source_id ? system : std::string(), field.value.text()});
  }
  return std::optional<MissingRecord>();
}

sdk::Result<std::optional<std::int64_t>> References::FindByNaturalKey(const model::EntitySpec& entity,
                                                                      const std::string& key) {
  if (entity.natural_key.empty()) {
    return sdk::Status::Internal("entity '" + std::string(entity.name) + "' has no natural key");
  }
  auto rows = QueryStoreRows(
      connection_, "SELECT id FROM " + std::string(entity.table) + " WHERE " + std::string(entity.natural_key) + " = ?",
      {sdk::Value::String(key)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().front().integer());
}

}  // namespace hub::store_model
