#include "store/model/text_references.hpp"

#include <map>
#include <string>
#include <vector>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// A field of `owner`'s main table that keeps a reference by source id as text beside the id.
struct TextReference {
  const model::EntitySpec* owner = nullptr;
  const model::FieldSpec* field = nullptr;
};

// The catalog's text references by source id, by the entity referred to. Built once.
const std::vector<TextReference>& TextReferencesTo(std::string_view entity) {
  static const std::map<std::string_view, std::vector<TextReference>> kByReferent = [] {
    std::map<std::string_view, std::vector<TextReference>> found;
    for (const model::EntitySpec& owner : model::Entities()) {
      for (const model::FieldSpec& field : owner.fields) {
        std::optional<model::FieldReference> reference = field.Reference();
        if (!reference || reference->key != "source_id" || field.storage.text_column.empty() ||
            field.storage.table != owner.table) {
          continue;
        }
        found[reference->entity].push_back({&owner, &field});
      }
    }
    return found;
  }();
  static const std::vector<TextReference> kNone;
  auto known = kByReferent.find(entity);
  return known == kByReferent.end() ? kNone : known->second;
}

// "the row's own link is of the referent's system": the owner's source link of the row `table`.id.
std::string OwnLinkOfSystem(const TextReference& reference, std::string_view system_expression) {
  return "EXISTS (SELECT 1 FROM source_links o WHERE o.entity = '" + std::string(reference.owner->name) +
         "' AND o.record_id = " + std::string(reference.owner->table) +
         ".id AND o.source_system = " + std::string(system_expression) + ")";
}

}  // namespace

sdk::Status FillTextReferences(odbc::Connection& connection, const model::EntitySpec& entity,
                               std::string_view source_system, std::string_view source_id, std::int64_t record_id) {
  for (const TextReference& reference : TextReferencesTo(entity.name)) {
    const std::string table(reference.owner->table);
    const std::string id(reference.field->storage.column);
    const std::string text(reference.field->storage.text_column);
    auto filled = ExecuteStoreStatement(
        connection,
        "UPDATE " + table + " SET " + id + " = ? WHERE " + id + " IS NULL AND " + text + " = ? AND " +
            OwnLinkOfSystem(reference, "?"),
        {Value::Int64(record_id), Value::String(std::string(source_id)), Value::String(std::string(source_system))});
    if (!filled.ok()) return filled.status();
  }
  return sdk::Status::Ok();
}

sdk::Status FillAllTextReferences(odbc::Connection& connection, const model::EntitySpec& entity) {
  for (const TextReference& reference : TextReferencesTo(entity.name)) {
    const std::string table(reference.owner->table);
    const std::string id(reference.field->storage.column);
    const std::string text(reference.field->storage.text_column);
    // The referent's link in the same system as the row's own link.
    const std::string referent =
        "(SELECT r.record_id FROM source_links o JOIN source_links r ON r.source_system = "
        "o.source_system AND r.entity = '" +
        std::string(entity.name) + "' AND r.source_id = " + table + "." + text + " WHERE o.entity = '" +
        std::string(reference.owner->name) + "' AND o.record_id = " + table + ".id)";
    auto filled = ExecuteStoreStatement(connection,
                                        "UPDATE " + table + " SET " + id + " = " + referent + " WHERE " + id +
                                            " IS NULL AND " + text + " IS NOT NULL AND " + referent + " IS NOT NULL",
                                        {});
    if (!filled.ok()) return filled.status();
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
