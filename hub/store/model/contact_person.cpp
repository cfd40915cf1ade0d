#include "store/model/contact_person.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/normalize.hpp"
#include "store/model/party_rows.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The contact's fields kept on the person's party row: (field, column).
constexpr std::pair<std::string_view, std::string_view> kPersonColumns[] = {{"name", "name"},
                                                                            {"name_latin", "name_latin"},
                                                                            {"family_name", "family_name"},
                                                                            {"given_name", "given_name"},
                                                                            {"birthday", "birth_date"}};

// The person's mapped columns and values, name_normalized last when the name is mapped.
std::pair<std::vector<std::string_view>, std::vector<Value>> PersonRow(const model::MappedRecord& record) {
  std::vector<std::string_view> columns;
  std::vector<Value> values;
  for (const auto& [field, column] : kPersonColumns) {
    const Value* value = record.Find(field);
    if (value == nullptr) continue;
    columns.push_back(column);
    values.push_back(*value);
  }
  if (const Value* name = record.Find("name"); name != nullptr && !name->is_null()) {
    columns.push_back("name_normalized");
    values.push_back(Value::String(model::NormalizeName(name->text())));
  }
  return {columns, values};
}

}  // namespace

sdk::Status ContactPerson::BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id,
                                     RowValues& row) {
  sdk::Result<std::int64_t> person = row_id ? UpdatePerson(record, *row_id) : InsertPerson(record);
  if (!person.ok()) return person.status();
  person_id_ = *person;
  if (!row_id) row.Add("person_party_id", Value::Int64(person_id_));
  return sdk::Status::Ok();
}

sdk::Status ContactPerson::AfterRow(const model::MappedRecord& record, std::int64_t, std::int64_t link_id, bool) {
  for (std::string_view table : {"phones", "emails", "data_quality"}) {
    auto removed = ExecuteStoreStatement(connection_, "DELETE FROM " + std::string(table) + " WHERE source_link_id = ?",
                                         {Value::Int64(link_id)});
    if (!removed.ok()) return removed.status();
  }
  for (const PartyRow& channel : ChannelRows(record, person_id_, link_id)) {
    auto added = ExecuteStoreStatement(connection_, SingleRowInsertSql(channel.table), channel.values);
    if (!added.ok()) return added.status();
  }
  return sdk::Status::Ok();
}

sdk::Result<std::int64_t> ContactPerson::InsertPerson(const model::MappedRecord& record) {
  auto [columns, values] = PersonRow(record);
  std::string sql = "INSERT INTO parties (kind";
  std::string marks = "'person'";
  for (std::string_view column : columns) {
    sql.append(", ").append(column);
    marks += ", ?";
  }
  return InsertReturningId(connection_, sql + ") VALUES (" + marks + ")", values);
}

sdk::Result<std::int64_t> ContactPerson::UpdatePerson(const model::MappedRecord& record, std::int64_t contact_id) {
  auto rows =
      QueryStoreRows(connection_, "SELECT person_party_id FROM contacts WHERE id = ?", {Value::Int64(contact_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return sdk::Status::Internal("contact " + std::to_string(contact_id) + " has no row");
  const std::int64_t person_id = rows->front().front().integer();
  auto [columns, values] = PersonRow(record);
  std::string sets = "updated_at = {{now}}";
  for (std::string_view column : columns) sets.append(", ").append(column).append(" = ?");
  values.push_back(Value::Int64(person_id));
  auto updated = ExecuteStoreStatement(connection_, "UPDATE parties SET " + sets + " WHERE id = ?", values);
  if (!updated.ok()) return updated.status();
  return person_id;
}

}  // namespace hub::store_model
