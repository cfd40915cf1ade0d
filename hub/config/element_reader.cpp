#include "config/element_reader.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "hub/sdk/options.hpp"

namespace hub::config {
namespace {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  std::size_t first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

bool Contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Subject(pugi::xml_node element, std::string_view attribute) {
  return Tag(element) + " attribute '" + std::string(attribute) + "'";
}

std::optional<ReadValue> Expand(LoadContext& context, std::string_view raw, SourceLocation location,
                                const std::string& subject) {
  auto expanded = context.secrets().Expand(raw);
  if (!expanded.ok()) {
    context.Error(std::move(location), subject + ": " + expanded.status().message());
    return std::nullopt;
  }
  std::string shown = SecretResolver::HasReference(raw) ? std::string(raw) : *expanded;
  return ReadValue{std::move(expanded).value(), std::move(shown), std::move(location)};
}

void ReportUnknownChild(LoadContext& context, pugi::xml_node element, pugi::xml_node child, const ElementShape& shape) {
  std::string message = "unknown element <" + std::string(child.name()) + "> in " + Tag(element);
  message += shape.children.empty() ? "; " + Tag(element) + " takes no child elements"
                                    : "; expected: " + JoinNames(shape.children);
  context.Error(context.At(child), std::move(message));
}

void CheckAttributes(LoadContext& context, pugi::xml_node element, const ElementShape& shape) {
  for (pugi::xml_attribute attribute : element.attributes()) {
    if (Contains(shape.attributes, attribute.name())) continue;
    std::string message = "unknown attribute '" + std::string(attribute.name()) + "' on " + Tag(element);
    message += shape.attributes.empty() ? "; " + Tag(element) + " takes no attributes"
                                        : "; expected: " + JoinNames(shape.attributes);
    context.Error(context.At(attribute), std::move(message));
  }
}

}  // namespace

std::string Tag(pugi::xml_node element) {
  std::string tag = "<";
  tag += element.name();
  tag += '>';
  return tag;
}

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string joined;
  for (std::string_view name : names) joined += (joined.empty() ? "" : ", ") + std::string(name);
  return joined;
}

pugi::xml_node SingleChild(LoadContext& context, pugi::xml_node parent, std::string_view name) {
  std::string key(name);
  pugi::xml_node first = parent.child(key.c_str());
  for (pugi::xml_node extra = first.next_sibling(key.c_str()); extra; extra = extra.next_sibling(key.c_str())) {
    context.Error(context.At(extra), "duplicate " + Tag(extra) + " in " + Tag(parent) + " (first at line " +
                                         std::to_string(context.At(first).line) + ")");
  }
  return first;
}

void CheckShape(LoadContext& context, pugi::xml_node element, const ElementShape& shape) {
  CheckAttributes(context, element, shape);
  bool text_reported = false;
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_element) {
      if (!shape.any_children && !Contains(shape.children, child.name())) {
        ReportUnknownChild(context, element, child, shape);
      }
    } else if (!shape.text && !text_reported) {
      // The text itself is not shown: a misplaced value may be a secret.
      context.Error(context.At(child), "unexpected text in " + Tag(element) + "; it holds only elements");
      text_reported = true;
    }
  }
}

std::optional<ReadValue> ReadAttribute(LoadContext& context, pugi::xml_node element, std::string_view name,
                                       Presence presence) {
  pugi::xml_attribute attribute = element.attribute(std::string(name).c_str());
  if (!attribute) {
    if (presence == Presence::kRequired) {
      context.Error(context.At(element),
                    Tag(element) + " is missing the required attribute '" + std::string(name) + "'");
    }
    return std::nullopt;
  }
  return Expand(context, Trim(attribute.value()), context.At(attribute), Subject(element, name));
}

std::optional<ReadValue> ReadText(LoadContext& context, pugi::xml_node element) {
  std::string raw;
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) raw += child.value();
  }
  return Expand(context, Trim(raw), context.At(element), Tag(element));
}

std::optional<std::string> ReadString(LoadContext& context, pugi::xml_node element, std::string_view name,
                                      Presence presence) {
  auto value = ReadAttribute(context, element, name, presence);
  if (!value) return std::nullopt;
  return std::move(value->text);
}

std::optional<std::vector<std::string>> SplitList(LoadContext& context, const ReadValue& value, char delimiter,
                                                  const std::string& subject) {
  std::vector<std::string> items;
  std::string_view rest = value.text;
  while (true) {
    std::size_t end = rest.find(delimiter);
    std::string_view item = Trim(rest.substr(0, end));
    if (item.empty()) {
      context.Error(value.location, subject + ": '" + value.shown + "' has an empty item");
      return std::nullopt;
    }
    items.emplace_back(item);
    if (end == std::string_view::npos) return items;
    rest.remove_prefix(end + 1);
  }
}

std::optional<std::vector<std::string>> ReadList(LoadContext& context, pugi::xml_node element, std::string_view name,
                                                 char delimiter) {
  auto value = ReadAttribute(context, element, name, Presence::kOptional);
  if (!value) return std::nullopt;
  return SplitList(context, *value, delimiter, Subject(element, name));
}

std::optional<std::int64_t> ReadInteger(LoadContext& context, pugi::xml_node element, std::string_view name,
                                        std::int64_t min, std::int64_t max) {
  auto value = ReadAttribute(context, element, name, Presence::kOptional);
  if (!value) return std::nullopt;
  std::int64_t number = 0;
  const char* end = value->text.data() + value->text.size();
  auto [rest, error] = std::from_chars(value->text.data(), end, number);
  if (error != std::errc() || rest != end || number < min || number > max) {
    context.Error(value->location, Subject(element, name) + ": '" + value->shown + "' is not an integer from " +
                                       std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> ReadBoolean(LoadContext& context, pugi::xml_node element, std::string_view name) {
  auto value = ReadChoice(context, element, name, {"true", "false"});
  if (!value) return std::nullopt;
  return *value == "true";
}

std::optional<std::chrono::milliseconds> ReadDuration(LoadContext& context, pugi::xml_node element,
                                                      std::string_view name) {
  auto value = ReadAttribute(context, element, name, Presence::kOptional);
  if (!value) return std::nullopt;
  auto duration = sdk::ParseDuration(value->text);
  if (!duration.ok() || duration->count() <= 0) {
    context.Error(value->location, Subject(element, name) + ": '" + value->shown +
                                       "' is not a duration longer than zero (e.g. 250ms, 30s, 5m, 2h, 1d)");
    return std::nullopt;
  }
  return *duration;
}

std::optional<std::string> ReadChoice(LoadContext& context, pugi::xml_node element, std::string_view name,
                                      const std::vector<std::string_view>& choices, Presence presence) {
  auto value = ReadAttribute(context, element, name, presence);
  if (!value) return std::nullopt;
  if (!Contains(choices, value->text)) {
    context.Error(value->location,
                  Subject(element, name) + ": '" + value->shown + "' is not one of: " + JoinNames(choices));
    return std::nullopt;
  }
  return std::move(value->text);
}

std::optional<std::filesystem::path> ReadPath(LoadContext& context, pugi::xml_node element, std::string_view name,
                                              Presence presence) {
  auto value = ReadAttribute(context, element, name, presence);
  if (!value) return std::nullopt;
  if (value->text.empty()) {
    context.Error(value->location, Subject(element, name) + ": the path is empty");
    return std::nullopt;
  }
  return context.Absolute(value->text);
}

std::optional<std::string> ReadIdentifier(LoadContext& context, pugi::xml_node element, std::string_view name) {
  auto value = ReadAttribute(context, element, name, Presence::kRequired);
  if (!value) return std::nullopt;
  bool valid = !value->text.empty() && std::all_of(value->text.begin(), value->text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) {
    context.Error(value->location, Subject(element, name) + ": '" + value->shown +
                                       "' is not a name (lowercase letters, digits and _ only)");
    return std::nullopt;
  }
  return std::move(value->text);
}

}  // namespace hub::config
