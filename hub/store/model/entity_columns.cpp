#include "store/model/entity_columns.hpp"

#include <map>
#include <mutex>
#include <string>

namespace hub::store_model {
namespace {

// The plan of `field` when the entity's main table `table` keeps it in a column of its own, else nullopt.
std::optional<FieldColumn> PlanField(std::string_view table, const model::FieldSpec& field) {
  const model::FieldStorage& storage = field.storage;
  if (storage.table != table || storage.column.empty()) return std::nullopt;
  FieldColumn planned;
  planned.field = &field;
  planned.reference = field.Reference();
  planned.column = storage.column;
  planned.text_column = storage.text_column;
  planned.form = storage.json_object ? ColumnForm::kJsonObject : ColumnForm::kAsIs;
  planned.derived = storage.derived;
  planned.derived_column = storage.derived_column;
  switch (field.default_value.kind) {
    case model::DefaultKind::kValue:
      planned.default_text = field.default_value.value;
      break;
    case model::DefaultKind::kWhenStored:
      planned.store_computes_default = true;
      break;
    case model::DefaultKind::kNone:
    case model::DefaultKind::kOtherField:  // written by the entity's own writer (a party's identifiers)
      break;
  }
  return planned;
}

EntityColumns Plan(const model::EntitySpec& entity) {
  EntityColumns plan;
  for (const model::FieldSpec& field : entity.fields) {
    std::optional<FieldColumn> column = PlanField(entity.table, field);
    if (column) {
      plan.columns.push_back(*column);
    } else {
      plan.elsewhere.push_back(&field);
    }
  }
  return plan;
}

}  // namespace

const EntityColumns& ColumnsOf(const model::EntitySpec& entity) {
  static std::mutex mutex;
  static std::map<std::string_view, EntityColumns> plans;  // by entity name (catalog constants)
  std::lock_guard<std::mutex> lock(mutex);
  auto known = plans.find(entity.name);
  if (known == plans.end()) known = plans.emplace(entity.name, Plan(entity)).first;
  return known->second;
}

}  // namespace hub::store_model
