// The catalog of the unified customer model: the entities a sync mapping can target and their fields, as
// plain C++ data. It is the flat vocabulary of the model ("party.phone", "order.total_amount"); the store
// sink spreads each entity's fields over the normalized tables named in `stored_in` (docs/DATA_MODEL.md).
#ifndef HUB_MODEL_CATALOG_HPP_
#define HUB_MODEL_CATALOG_HPP_

#include <optional>
#include <span>
#include <string_view>

namespace hub::model {

// The type a mapped value must have for a field. Strings, decimals and dates travel as text (decimals as
// exact digits "1234.50", dates as "YYYY-MM-DD"); timestamps as an instant (UTC).
enum class FieldType { kString, kInt64, kDecimal, kDate, kTimestamp, kBool };

// "string", "int64", "decimal", "date", "timestamp" or "bool".
std::string_view FieldTypeName(FieldType type);

// The type named by FieldTypeName, or nullopt for any other text.
std::optional<FieldType> ParseFieldType(std::string_view name);

// A reference from one entity to another, split from FieldSpec::references ("party.source_id").
struct FieldReference {
  std::string_view entity;  // the catalog entity referred to: "party"
  std::string_view key;     // how: "source_id" (the record's id in the same source system) or a natural
                            // key of that entity ("employee_number", "code", "sku")
};

// One field of an entity. A constant: all members point at static strings.
struct FieldSpec {
  std::string_view name;  // snake_case, unique within its entity
  FieldType type = FieldType::kString;
  bool required = false;         // a record without a value for it is invalid (quarantined)
  std::string_view stored_in;    // where the store keeps it: "parties.name", "phones.raw (kind mobile)"
  std::string_view description;  // one sentence for mapping authors
  std::string_view values;       // the allowed values "a|b|c"; empty when any value of the type is allowed
  std::string_view references;   // "entity.key" when the value points at another record; empty otherwise

  // True when `value` is allowed: always when `values` is empty, else when it is one of them (exact match).
  bool AllowsValue(std::string_view value) const;

  // The referenced entity and key; nullopt when `references` is empty.
  std::optional<FieldReference> Reference() const;
};

// One entity of the model: a name a mapping targets, its main table and its fields. A constant.
struct EntitySpec {
  std::string_view name;         // "party", "order", ...
  std::string_view table;        // the main table its records land in
  std::string_view description;  // one sentence
  std::span<const FieldSpec> fields;
  // The field every system shares for this entity ("employee_number", "code", "sku"): a new source record
  // with the key of a stored row is linked to that row rather than inserted again. Empty when records are
  // known by their source ids alone.
  std::string_view natural_key = {};

  // The field named `name` (exact match), or nullptr.
  const FieldSpec* FindField(std::string_view name) const;
};

// Every entity, in documentation order. The data is static and immutable: thread-safe, valid for the
// program's life.
std::span<const EntitySpec> Entities();

// The entity named `name` (exact match), or nullptr. Thread-safe.
const EntitySpec* FindEntity(std::string_view name);

}  // namespace hub::model

#endif  // HUB_MODEL_CATALOG_HPP_
