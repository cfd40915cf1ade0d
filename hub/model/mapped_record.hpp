// A record in the model's terms: an entity of the catalog, the source record it stands for, and typed
// values of the entity's fields. A sync mapping produces it (sync/mapping) and the model layer
// (store/model) stores it; the engines that come later build it the same way.
#ifndef HUB_MODEL_MAPPED_RECORD_HPP_
#define HUB_MODEL_MAPPED_RECORD_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "model/catalog.hpp"

namespace hub::model {

// The most bytes of a key the store indexes — a source id, a reference to another record, an entity's
// natural key — a record may carry: well inside PostgreSQL's btree entry limit (about 2.7 KB) for every
// index that holds one, with the other columns of a composite index beside it.
inline constexpr std::size_t kMaxKeyBytes = 512;

// One model field's value. `field` points into the catalog the record was built against.
struct MappedField {
  const FieldSpec* field = nullptr;
  sdk::Value value;  // of the field's type (FieldType::kString: ValueType::kString, ...), or null
  // For a reference by source id: the source system its ids belong to (the mapping's system=, which the
  // mapping outlives the record with); empty: the record's own.
  std::string_view reference_system;

  std::string_view name() const { return field->name; }
};

// A record in the model's terms. Deletes carry the identity only, no fields. A plain value; `entity` and
// the fields' specs point into the catalog (static in the built-in one).
struct MappedRecord {
  const EntitySpec* entity = nullptr;
  sdk::Operation operation = sdk::Operation::kUpsert;
  std::string source_system;
  std::string source_id;
  std::string position;             // where the source record came from ("customers.csv:42")
  std::vector<MappedField> fields;  // in the order of the mapping's <field> elements

  // Fills the field named `name` of the record's entity (which must declare it) with `value`, after the others.
  void Add(std::string_view name, sdk::Value value);

  // The value of the field named `name`, or nullptr when the record does not fill it.
  const sdk::Value* Find(std::string_view name) const;

  // The field named `name`, or nullptr when the record does not fill it.
  const MappedField* FindField(std::string_view name) const;

  // The value of the field named `name`; null when the record does not fill it.
  sdk::Value ValueOrNull(std::string_view name) const;

  // The literal default the catalog declares for field `name` of the record's entity (FieldDefault of
  // kind kValue: "active"), empty when it declares none.
  std::string_view DeclaredDefault(std::string_view name) const;
};

}  // namespace hub::model

#endif  // HUB_MODEL_MAPPED_RECORD_HPP_
