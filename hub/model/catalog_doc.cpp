#include "model/catalog_doc.hpp"

#include <string_view>

#include "model/catalog.hpp"

namespace hub::model {
namespace {

// "`a` \| `b`" for the values "a|b" (a bar inside a Markdown table cell must be escaped).
std::string ValuesCell(std::string_view values) {
  std::string cell;
  while (!values.empty()) {
    const std::size_t bar = values.find('|');
    if (!cell.empty()) cell += " \\| ";
    cell += "`" + std::string(values.substr(0, bar)) + "`";
    values = bar == std::string_view::npos ? std::string_view() : values.substr(bar + 1);
  }
  return cell;
}

std::string ConstraintCell(const FieldSpec& field) {
  if (!field.references.empty()) return "→ `" + std::string(field.references) + "`";
  return ValuesCell(field.values);
}

void RenderEntity(const EntitySpec& entity, std::string& out) {
  out += "### " + std::string(entity.name) + "\n\n";
  out += std::string(entity.description) + " Main table: `" + std::string(entity.table) + "`.";
  if (!entity.natural_key.empty()) {
    out += " Known across systems by `" + std::string(entity.natural_key) +
           "`: a record from another source with the same value updates the same row.";
  }
  out += "\n\n";
  out += "| field | type | required | values / reference | stored in | description |\n";
  out += "| --- | --- | --- | --- | --- | --- |\n";
  for (const FieldSpec& field : entity.fields) {
    out += "| `" + std::string(field.name) + "` | " + std::string(FieldTypeName(field.type)) + " | " +
           (field.required ? "yes" : "") + " | " + ConstraintCell(field) + " | " + field.StoredIn() + " | " +
           std::string(field.description) + " |\n";
  }
  out += "\n";
}

}  // namespace

std::string RenderCatalogMarkdown() {
  std::string out;
  for (const EntitySpec& entity : Entities()) RenderEntity(entity, out);
  return out;
}

}  // namespace hub::model
