// Namespace-aware access to a pugixml DOM (pugixml itself compares qualified names only). Private to
// hub_trade_formats: pugixml types stay out of its public headers.
#ifndef HUB_TRADE_FORMATS_XML_NAMES_HPP_
#define HUB_TRADE_FORMATS_XML_NAMES_HPP_

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace hub::trade_formats {

inline constexpr std::string_view kUblCbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
inline constexpr std::string_view kUblCac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

// An element name in a namespace: {namespace URI, local name}.
struct XmlName {
  std::string_view ns;
  std::string_view local;
};
inline XmlName Cbc(std::string_view local) { return {kUblCbc, local}; }
inline XmlName Cac(std::string_view local) { return {kUblCac, local}; }

// The local part of an element's name ("ID" of "cbc:ID").
std::string_view LocalName(pugi::xml_node node);
// The namespace URI of an element, from the xmlns declarations in scope ("" when none applies).
std::string_view NamespaceOf(pugi::xml_node node);
bool Is(pugi::xml_node node, XmlName name);
// The first child element of that name, or an empty node.
pugi::xml_node Child(pugi::xml_node parent, XmlName name);
// Follows a path of child names from `node`; an empty node when a step is missing.
pugi::xml_node Path(pugi::xml_node node, std::initializer_list<XmlName> steps);
// The element's text, trimmed of surrounding white space ("" for an empty node).
std::string Text(pugi::xml_node node);
// An attribute's value, or "".
std::string Attribute(pugi::xml_node node, const char* name);

// Calls visit(child) for each child element of that name, in document order.
template <typename Visit>
void ForEachChild(pugi::xml_node parent, XmlName name, Visit&& visit) {
  for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && Is(child, name)) visit(child);
  }
}

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_XML_NAMES_HPP_
