// What an entity keeps outside its main table, written by a small class per entity beside the generic
// entity writer: an employee's teams, territories and specialities; a contact's person; an opportunity's
// stage history.
#ifndef HUB_STORE_MODEL_ENTITY_EXTENSION_HPP_
#define HUB_STORE_MODEL_ENTITY_EXTENSION_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/data_quality.hpp"

namespace hub::store_model {

// The columns and values of one main-table row about to be written, in column order, each with the SQL
// expression its value is written through: "?" (the value itself), or one that keeps what a null stands
// for ("COALESCE(?, {{now}})", "COALESCE(?, <column>)").
struct RowValues {
  std::vector<std::string_view> columns;  // catalog or schema constants
  std::vector<std::string> expressions;   // one "?" each
  std::vector<sdk::Value> values;
  bool unresolved_text_reference = false;    // a reference kept as text (a line's sku) named no stored row
  std::vector<QualityIssue> quality_issues;  // values whose derived normal form is null (a phone no one can dial)

  void Add(std::string_view column, sdk::Value value, std::string expression = "?") {
    columns.push_back(column);
    expressions.push_back(std::move(expression));
    values.push_back(std::move(value));
  }

  // The text the row writes to `column`; empty when it writes none or null.
  std::string Written(std::string_view column) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == column) return values[i].is_null() ? std::string() : values[i].text();
    }
    return {};
  }

  // The value the row writes to `column`; null when it writes none.
  sdk::Value ValueOf(std::string_view column) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == column) return values[i];
    }
    return sdk::Value::Null();
  }
};

// The hooks the generic writer calls around an entity's main row, inside the record's savepoint. Errors:
// NotFound (a reference to nothing) or InvalidArgument (a value the entity cannot take) for the record's
// own fault, quarantined with the message; the driver's Status otherwise.
// Threads: as the connection. Lifetime: one batch.
class EntityExtension {
 public:
  virtual ~EntityExtension() = default;

  // Before the row is written: `row_id` is the stored row for an update, nullopt for an insert. May add
  // columns to `row`.
  virtual sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id,
                                RowValues& row) = 0;

  // After the row `row_id` and its source link `link_id` are written. `shared_row`: another source's
  // record stands for the same row too (a natural key), so a null value must leave what is stored.
  virtual sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                               bool shared_row) = 0;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_EXTENSION_HPP_
