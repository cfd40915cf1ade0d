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

// One row of a field table: name, type, required, stored in, description[, allowed values[, reference]].
constexpr FieldSpec Field(std::string_view name, FieldType type, bool required, std::string_view stored_in,
                          std::string_view description, std::string_view values = {},
                          std::string_view references = {}) {
  return FieldSpec{name, type, required, stored_in, description, values, references};
}

}  // namespace hub::model::internal

#endif  // HUB_MODEL_CATALOG_GROUPS_HPP_
