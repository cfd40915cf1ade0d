#include "trade_formats/xml_names.hpp"

#include <cstring>

namespace hub::trade_formats {

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view NamespaceOf(pugi::xml_node node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  std::string declaration = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node scope = node; scope; scope = scope.parent()) {
    if (scope.type() != pugi::node_element) break;
    pugi::xml_attribute attribute = scope.attribute(declaration.c_str());
    if (attribute) return attribute.value();
  }
  return {};
}

bool Is(pugi::xml_node node, XmlName name) { return LocalName(node) == name.local && NamespaceOf(node) == name.ns; }

pugi::xml_node Child(pugi::xml_node parent, XmlName name) {
  for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && Is(child, name)) return child;
  }
  return {};
}

pugi::xml_node Path(pugi::xml_node node, std::initializer_list<XmlName> steps) {
  for (const XmlName& step : steps) {
    if (!node) break;
    node = Child(node, step);
  }
  return node;
}

std::string Text(pugi::xml_node node) {
  std::string_view text = node.text().get();
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string Attribute(pugi::xml_node node, const char* name) { return node.attribute(name).value(); }

}  // namespace hub::trade_formats
