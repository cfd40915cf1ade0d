#include "store/model/entity_columns.hpp"

#include <map>
#include <mutex>
#include <string>

namespace hub::store_model {
namespace {

// Columns the schema derives from another: the normalized forms that matching and routing search on.
struct DerivedColumn {
  std::string_view table;
  std::string_view column;
  DerivedValue derived;
  std::string_view derived_column;
};
constexpr DerivedColumn kDerivedColumns[] = {
    {"employees", "email", DerivedValue::kNormalizedEmail, "email_normalized"},
    {"employees", "phone", DerivedValue::kE164Phone, "phone_e164"},
    {"leads", "email", DerivedValue::kNormalizedEmail, "email_normalized"},
    {"leads", "phone", DerivedValue::kE164Phone, "phone_e164"},
};

// The JSON columns ({{json}} in the schema) that mapped text lands in.
constexpr std::pair<std::string_view, std::string_view> kJsonColumns[] = {{"contacts", "preferences"},
                                                                          {"leads", "details"}};

// "<table>.<column>" → column; nullopt for any other form or another table.
std::optional<std::string_view> ColumnIn(std::string_view table, std::string_view stored_in) {
  if (stored_in.size() <= table.size() + 1 || stored_in.substr(0, table.size()) != table ||
      stored_in[table.size()] != '.') {
    return std::nullopt;
  }
  std::string_view column = stored_in.substr(table.size() + 1);
  if (column.find_first_of(" ,()") != std::string_view::npos) return std::nullopt;
  return column;
}

// Reads "(default X)" and "(default: ...)" from the field's description into `planned`.
void ReadDefault(const model::FieldSpec& field, FieldColumn& planned) {
  constexpr std::string_view kMarker = "(default";
  const std::size_t start = field.description.find(kMarker);
  if (start == std::string_view::npos) return;
  std::string_view rest = field.description.substr(start + kMarker.size());
  if (rest.starts_with(":")) {
    planned.store_computes_default = true;
    return;
  }
  const std::size_t end = rest.find(')');
  if (!rest.starts_with(" ") || end == std::string_view::npos) return;
  planned.default_text = rest.substr(1, end - 1);
}

std::optional<FieldColumn> PlanField(std::string_view table, const model::FieldSpec& field) {
  FieldColumn planned;
  planned.field = &field;
  planned.reference = field.Reference();
  ReadDefault(field, planned);
  const std::size_t comma = field.stored_in.find(", ");
  if (comma != std::string_view::npos && planned.reference) {
    std::optional<std::string_view> text = ColumnIn(table, field.stored_in.substr(0, comma));
    std::optional<std::string_view> id = ColumnIn(table, field.stored_in.substr(comma + 2));
    if (!text || !id) return std::nullopt;
    planned.text_column = *text;
    planned.column = *id;
    return planned;
  }
  std::optional<std::string_view> column = ColumnIn(table, field.stored_in);
  if (!column) return std::nullopt;
  planned.column = *column;
  for (const DerivedColumn& derived : kDerivedColumns) {
    if (derived.table == table && derived.column == *column) {
      planned.derived = derived.derived;
      planned.derived_column = derived.derived_column;
    }
  }
  for (const auto& [json_table, json_column] : kJsonColumns) {
    if (json_table == table && json_column == *column) planned.form = ColumnForm::kJsonObject;
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
