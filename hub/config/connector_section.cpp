// <connectors>: the connector instances, each a plugin name and its options as child elements.
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

// Option names are checked against the plugin's schema later (option_validation.hpp); here each option
// element may only hold text.
std::vector<ConnectorConfig::Option> ReadOptions(LoadContext& context, pugi::xml_node connector) {
  std::vector<ConnectorConfig::Option> options;
  for (pugi::xml_node element : connector.children()) {
    if (element.type() != pugi::node_element) continue;
    CheckShape(context, element, {.text = true});
    if (auto value = ReadText(context, element)) {
      options.push_back({element.name(), std::move(value->text), context.At(element)});
    }
  }
  return options;
}

}  // namespace

void ParseConnectors(LoadContext& context, pugi::xml_node connectors, std::vector<ConnectorConfig>* out) {
  CheckShape(context, connectors, {.children = {"connector"}});
  UniqueNames names("connector name");
  for (pugi::xml_node element : connectors.children("connector")) {
    CheckShape(context, element, {.attributes = {"name", "plugin"}, .any_children = true});
    auto name = ReadIdentifier(context, element, "name");
    auto plugin = ReadIdentifier(context, element, "plugin");
    auto options = ReadOptions(context, element);
    if (!name || !names.Add(context, *name, context.At(element))) continue;
    // Kept even when the plugin name is bad, so that jobs naming it are not reported a second time.
    out->push_back({std::move(*name), plugin.value_or(""), context.At(element), std::move(options)});
  }
}

}  // namespace hub::config
