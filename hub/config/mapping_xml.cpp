#include "config/mapping_xml.hpp"

#include <sstream>

#include <pugixml.hpp>

namespace hub::config {
namespace {

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
  return text;
}

// number="..." as ReadNumberFormat reads it: the separators, then the currencies and the scale.
std::string NumberText(const NumberFormatConfig& format) {
  std::vector<std::string> items{std::string("decimal=") + format.decimal};
  if (format.thousands.empty()) {
    items.push_back("thousands=none");
  } else if (format.thousands.size() > 1) {
    items.push_back("thousands=space");
  } else {
    items.push_back("thousands=" + format.thousands.front());
  }
  for (const std::string& currency : format.currency) items.push_back("currency=" + currency);
  if (format.scale) items.push_back("scale=" + std::to_string(*format.scale));
  return Joined(items, "|");
}

void AppendField(pugi::xml_node mapping, const MappingFieldConfig& field) {
  pugi::xml_node element = mapping.append_child("field");
  element.append_attribute("target") = field.target.c_str();
  if (field.constant) {
    element.append_attribute("value") = field.constant->c_str();
  } else if (field.sources.size() == 1) {
    element.append_attribute("source") = field.sources.front().c_str();
  } else {
    element.append_attribute("concat") = Joined(field.sources, ",").c_str();
    if (field.separator != " ") element.append_attribute("separator") = field.separator.c_str();
  }
  if (!field.transforms.empty()) {
    std::string names;
    for (MappingTransform transform : field.transforms) {
      names += (names.empty() ? "" : "|") + std::string(MappingTransformName(transform));
    }
    element.append_attribute("transform") = names.c_str();
  }
  if (!field.lookup.empty()) element.append_attribute("lookup") = field.lookup.c_str();
  if (field.default_value) element.append_attribute("default") = field.default_value->c_str();
  if (!field.date_formats.empty()) element.append_attribute("date") = Joined(field.date_formats, "|").c_str();
  if (field.number) element.append_attribute("number") = NumberText(*field.number).c_str();
  if (field.required) element.append_attribute("required") = "true";
  if (!field.system.empty()) element.append_attribute("system") = field.system.c_str();
}

void AppendTable(pugi::xml_node tables, const CodeTableConfig& table) {
  pugi::xml_node element = tables.append_child("table");
  element.append_attribute("name") = table.name.c_str();
  for (const CodeTableConfig::Entry& entry : table.entries) {
    pugi::xml_node child = element.append_child("entry");
    child.append_attribute("code") = entry.code.c_str();
    child.append_attribute("value") = entry.value.c_str();
  }
}

}  // namespace

std::string MappingXml(const MappingConfig& mapping, const HubConfig& config, int indent) {
  pugi::xml_document document;
  if (!mapping.use.empty()) {
    document.append_child(pugi::node_comment)
        .set_value((" from the default mapping '" + mapping.use + "' of the connector's plugin ").c_str());
  }
  pugi::xml_node element = document.append_child("mapping");
  element.append_attribute("entity") = mapping.entity.c_str();
  if (!mapping.id_source.empty()) element.append_attribute("id") = mapping.id_source.c_str();
  for (const MappingFieldConfig& field : mapping.fields) AppendField(element, field);
  pugi::xml_node tables;
  for (const CodeTableConfig& table : mapping.scoped_tables) {
    if (config.FindCodeTable(table.name) != nullptr) continue;  // the configuration's own wins
    if (!tables) tables = document.append_child("code_tables");
    AppendTable(tables, table);
  }
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  // pugixml indents from column 0: shift every line to `indent` levels.
  std::string text;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) text += std::string(2 * indent, ' ') + line + "\n";
  return text;
}

}  // namespace hub::config
