#include "model/catalog.hpp"

#include <array>
#include <vector>

#include "model/catalog_groups.hpp"

namespace hub::model {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 6> kTypeNames = {{
    {FieldType::kString, "string"},
    {FieldType::kInt64, "int64"},
    {FieldType::kDecimal, "decimal"},
    {FieldType::kDate, "date"},
    {FieldType::kTimestamp, "timestamp"},
    {FieldType::kBool, "bool"},
}};

std::vector<EntitySpec> AllEntities() {
  std::vector<EntitySpec> all;
  for (auto group : {internal::PartyEntities(), internal::OrganizationEntities(), internal::SalesEntities(),
                     internal::CommerceEntities(), internal::ServiceEntities()}) {
    all.insert(all.end(), group.begin(), group.end());
  }
  return all;
}

}  // namespace

std::string_view FieldTypeName(FieldType type) {
  for (const auto& [known, name] : kTypeNames) {
    if (known == type) return name;
  }
  return "unknown";
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
  for (const auto& [type, known] : kTypeNames) {
    if (known == name) return type;
  }
  return std::nullopt;
}

std::string FieldStorage::Describe() const {
  std::string place(table);
  if (!text_column.empty()) place.append(".").append(text_column).append(", ").append(table);
  if (!column.empty()) place.append(".").append(column);
  if (!also_in.empty()) place.append(", ").append(also_in);
  if (!note.empty()) place.append(" (").append(note).append(")");
  return place;
}

bool FieldSpec::AllowsValue(std::string_view value) const {
  if (values.empty()) return true;
  std::string_view rest = values;
  while (true) {
    const std::size_t bar = rest.find('|');
    if (rest.substr(0, bar) == value) return true;
    if (bar == std::string_view::npos) return false;
    rest.remove_prefix(bar + 1);
  }
}

std::optional<FieldReference> FieldSpec::Reference() const {
  if (references.empty()) return std::nullopt;
  const std::size_t dot = references.find('.');
  if (dot == std::string_view::npos) return FieldReference{references, "source_id"};
  return FieldReference{references.substr(0, dot), references.substr(dot + 1)};
}

const FieldSpec* EntitySpec::FindField(std::string_view field_name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == field_name) return &field;
  }
  return nullptr;
}

std::span<const EntitySpec> Entities() {
  static const std::vector<EntitySpec> kAll = AllEntities();
  return kAll;
}

const EntitySpec* FindEntity(std::string_view name) {
  for (const EntitySpec& entity : Entities()) {
    if (entity.name == name) return &entity;
  }
  return nullptr;
}

}  // namespace hub::model
