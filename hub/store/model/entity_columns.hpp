// Where the fields of an entity land in its main table, worked out once from the model catalog's typed
// storage metadata (FieldStorage, FieldDefault) and references: the generic entity writer builds its rows
// from this plan.
#ifndef HUB_STORE_MODEL_ENTITY_COLUMNS_HPP_
#define HUB_STORE_MODEL_ENTITY_COLUMNS_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "model/catalog.hpp"

namespace hub::store_model {

// How a field is kept as its own column.
enum class ColumnForm {
  kAsIs,        // the value itself
  kJsonObject,  // a JSON object: kept when the text is one, else wrapped as {"note": text}
};

// One field stored in the entity's main table.
struct FieldColumn {
  const model::FieldSpec* field = nullptr;
  // The column that takes the value, or the referenced row's id for a reference.
  std::string_view column;
  // For a reference whose text is kept too ("order_lines.sku, order_lines.product_id"): the text's column;
  // then the reference is optional (an unknown product leaves product_id null). Empty otherwise.
  std::string_view text_column;
  std::optional<model::FieldReference> reference;
  ColumnForm form = ColumnForm::kAsIs;
  model::DerivedForm derived = model::DerivedForm::kNone;
  std::string_view derived_column;  // where `derived` goes; empty with kNone
  // What a null value stands for (the field's FieldDefault): a literal written in place of null, or a
  // value the store computes on insert (the time), which an update with null leaves as stored. Neither:
  // null is written as NULL.
  std::optional<std::string_view> default_text;
  bool store_computes_default = false;
};

// An entity's fields split into those of its main table and the others (kept in other tables by the
// entity's own extension: an employee's teams, a contact's person, an opportunity's stage history).
struct EntityColumns {
  std::vector<FieldColumn> columns;
  std::vector<const model::FieldSpec*> elsewhere;
};

// The plan for `entity`, computed on first use and kept. Thread-safe; the result lives as long as the
// catalog (the program).
const EntityColumns& ColumnsOf(const model::EntitySpec& entity);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_COLUMNS_HPP_
