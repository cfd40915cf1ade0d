#include "store/model/entity_rows.hpp"

#include <boost/json.hpp>

#include "model/identifier.hpp"
#include "model/normalize.hpp"
#include "model/phone_number.hpp"
#include "store/model/entity_columns.hpp"
#include "store/model/record_json.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// `text` as a JSON object: itself when it is one, else {"note": text}.
std::string JsonObjectText(const std::string& text) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(text, error);
  if (!error && parsed.is_object()) return boost::json::serialize(parsed);
  return boost::json::serialize(boost::json::object{{"note", text}});
}

// The normal form `column` keeps beside `value`; a phone number that has none is flagged in `row`.
Value Derive(const FieldColumn& column, const Value& value, RowValues& row) {
  if (value.is_null()) return Value::Null();
  switch (column.derived) {
    case model::DerivedForm::kNormalizedEmail:
      return Value::String(model::NormalizeEmail(value.text()));
    case model::DerivedForm::kE164Phone: {
      sdk::Result<model::PhoneNumber> number = model::ParsePhone(value.text(), "");
      if (number.ok()) return Value::String(number->e164);
      row.quality_issues.push_back(PhoneIssue(column.field->name, value.text(), number.status()));
      return Value::Null();
    }
    case model::DerivedForm::kNormalizedIdentifier:
      return Value::String(model::NormalizeIdentifier(value.text()));
    case model::DerivedForm::kWebsiteHost:
      return Value::String(model::WebsiteHost(value.text()));
    case model::DerivedForm::kNone:
      break;
  }
  return Value::Null();
}

// The value a record gives `column` (null when the mapping leaves it out), its declared default in place
// of null when `with_default`.
Value ValueOf(const model::MappedRecord& record, const FieldColumn& column, bool with_default) {
  const Value* value = record.Find(column.field->name);
  if (value != nullptr && !value->is_null()) {
    return column.form == ColumnForm::kJsonObject ? Value::String(JsonObjectText(value->text())) : *value;
  }
  if (!column.default_text || !with_default) return Value::Null();
  if (column.field->type == model::FieldType::kBool) return Value::Bool(*column.default_text == "true");
  return Value::String(std::string(*column.default_text));
}

// The expression that writes a null as "leave the stored value": "COALESCE(?, <column>)".
std::string Keeping(std::string_view column) { return "COALESCE(?, " + std::string(column) + ")"; }

}  // namespace

sdk::Result<RowValues> BuildEntityRow(References& references, const model::MappedRecord& record, RowPurpose purpose) {
  RowValues row;
  for (const FieldColumn& column : ColumnsOf(*record.entity).columns) {
    const model::MappedField* mapped = record.FindField(column.field->name);
    if (mapped == nullptr) continue;  // not mapped: the stored value stays
    Value value = ValueOf(record, column, purpose != RowPurpose::kMerge);
    // Every mapped column is written whatever its value, so that one mapping writes through one statement
    // shape (the statement cache stays bounded); expressions keep what a null stands for.
    auto expression = [&](std::string_view name) {
      if (purpose == RowPurpose::kMerge) return Keeping(name);
      if (!column.store_computes_default) return std::string("?");
      return purpose == RowPurpose::kInsert ? std::string("COALESCE(?, {{now}})") : Keeping(name);
    };
    if (!column.text_column.empty()) row.Add(column.text_column, value, expression(column.text_column));
    if (column.reference && !value.is_null()) {
      sdk::Result<std::optional<std::int64_t>> id = references.ResolveField(record, *mapped);
      if (!id.ok()) return id.status();
      if (!*id && column.text_column.empty()) {
        return MissingReference(column.reference->entity, value.text(), column.field->name);
      }
      row.unresolved_text_reference = row.unresolved_text_reference || !*id;
      value = *id ? Value::Int64(**id) : Value::Null();
    }
    if (column.derived != model::DerivedForm::kNone) {
      Value derived = Derive(column, value, row);
      row.Add(column.derived_column, std::move(derived), expression(column.derived_column));
    }
    row.Add(column.column, std::move(value), expression(column.column));
  }
  return row;
}

std::string LinkHash(const std::string& hash, const RowValues& row) {
  return row.unresolved_text_reference ? hash + std::string(kUnresolvedMark) : hash;
}

bool InsertsAsIs(const RowValues& row) {
  for (const std::string& expression : row.expressions) {
    if (expression != "?") return false;
  }
  return row.quality_issues.empty();
}

NewEntityRows NoNewEntityRows(const model::EntitySpec& entity, const RowValues& shape) {
  NewEntityRows rows;
  rows.main = {std::string(entity.table), {"id"}, "", 0};
  for (std::string_view column : shape.columns) rows.main.columns.emplace_back(column);
  return rows;
}

const odbc::BatchSpec& NewEntityLinkSpec() {
  static const odbc::BatchSpec spec{
      "source_links", {"id", "source_system", "entity", "source_id", "record_id", "content_hash"}, "", 0};
  return spec;
}

const odbc::BatchSpec& NewEntityEventSpec() {
  static const odbc::BatchSpec spec{"outbox_events", {"aggregate", "aggregate_id", "kind", "payload"}, "", 0};
  return spec;
}

void AppendNewEntityRows(const model::MappedRecord& record, RowValues row, std::int64_t row_id, std::int64_t link_id,
                         const std::string& content_hash, NewEntityRows& rows) {
  const std::string entity(record.entity->name);
  std::vector<Value> values;
  values.reserve(row.values.size() + 1);
  values.push_back(Value::Int64(row_id));
  for (Value& value : row.values) values.push_back(std::move(value));
  rows.main_rows.push_back(std::move(values));
  rows.link_rows.push_back({Value::Int64(link_id), Value::String(record.source_system), Value::String(entity),
                            Value::String(record.source_id), Value::Int64(row_id), Value::String(content_hash)});
  rows.event_rows.push_back({Value::String(entity), Value::String(std::to_string(row_id)),
                             Value::String(entity + ".created"), Value::String(MappedRecordJson(record))});
}

}  // namespace hub::store_model
