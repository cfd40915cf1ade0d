// The catalog's entities, one function per group of entities (one source file each). Private to hub_model.
#ifndef HUB_MODEL_CATALOG_GROUPS_HPP_
#define HUB_MODEL_CATALOG_GROUPS_HPP_

#include <span>
#include <string_view>

#include "model/catalog.hpp"

namespace hub::model::internal {

// Each returns static, immutable data.
std::span<const EntitySpec> PartyEntities();         // party, contact, contact_relationship
std::span<const EntitySpec> OrganizationEntities();  // employee, team, territory, speciality
std::span<const EntitySpec> SalesEntities();         // lead, opportunity, activity
std::span<const EntitySpec> CommerceEntities();      // product, quote ... payment
std::span<const EntitySpec> ServiceEntities();       // service_request

inline constexpr bool kRequired = true;
inline constexpr bool kOptional = false;

// EntitySpec's last members: no natural key; whether the main table has updated_at.
inline constexpr std::string_view kNoNaturalKey = {};
inline constexpr bool kHasUpdatedAt = true;
inline constexpr bool kNoUpdatedAt = false;

// A field kept in `column` of `table`.
constexpr FieldStorage Column(std::string_view table, std::string_view column) { return {table, column}; }

// A reference kept as the referenced row's id in `id_column` of `table`, its text in `text_column`.
constexpr FieldStorage TextAndId(std::string_view table, std::string_view text_column, std::string_view id_column) {
  FieldStorage storage{table, id_column};
  storage.text_column = text_column;
  return storage;
}

// A field spread over rows of `table` (no one column holds it).
constexpr FieldStorage Rows(std::string_view table) { return {table, {}}; }

// One row of a field table: name, type, required, storage, description[, allowed values[, reference]].
constexpr FieldSpec Field(std::string_view name, FieldType type, bool required, FieldStorage storage,
                          std::string_view description, std::string_view values = {},
                          std::string_view references = {}) {
  return FieldSpec{name, type, required, storage, description, values, references};
}

}  // namespace hub::model::internal

#endif  // HUB_MODEL_CATALOG_GROUPS_HPP_
