#include "model/mapped_record.hpp"

namespace hub::model {

void MappedRecord::Add(std::string_view name, sdk::Value value) {
  fields.push_back({entity->FindField(name), std::move(value), {}});
}

const sdk::Value* MappedRecord::Find(std::string_view name) const {
  const MappedField* field = FindField(name);
  return field == nullptr ? nullptr : &field->value;
}

const MappedField* MappedRecord::FindField(std::string_view name) const {
  for (const MappedField& field : fields) {
    if (field.name() == name) return &field;
  }
  return nullptr;
}

sdk::Value MappedRecord::ValueOrNull(std::string_view name) const {
  const sdk::Value* value = Find(name);
  return value == nullptr ? sdk::Value::Null() : *value;
}

std::string_view MappedRecord::DeclaredDefault(std::string_view name) const {
  const FieldSpec* spec = entity == nullptr ? nullptr : entity->FindField(name);
  if (spec == nullptr || spec->default_value.kind != DefaultKind::kValue) return {};
  return spec->default_value.value;
}

}  // namespace hub::model
