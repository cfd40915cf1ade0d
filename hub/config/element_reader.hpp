// Private to hub_config: reading one XML element with validation, so that section parsers only say what
// an element may hold. Every reader reports its own errors (with the line) into the LoadContext and
// returns nullopt when the value is absent or invalid, leaving the caller's default in place.
#ifndef HUB_CONFIG_ELEMENT_READER_HPP_
#define HUB_CONFIG_ELEMENT_READER_HPP_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "config/load_context.hpp"

namespace hub::config {

enum class Presence { kOptional, kRequired };

// What an element may contain. Anything else is reported with its line.
struct ElementShape {
  std::vector<std::string_view> attributes = {};
  std::vector<std::string_view> children = {};  // allowed child element names
  bool any_children = false;                    // every child element allowed (connector options)
  bool text = false;                            // text content allowed
};

// Reports unknown attributes, unknown child elements and unexpected text of `element`.
void CheckShape(LoadContext& context, pugi::xml_node element, const ElementShape& shape);

// A value with its secrets expanded, and the form to show in messages: as written when it held a
// reference, so that a resolved secret never reaches an error message.
struct ReadValue {
  std::string text;
  std::string shown;
  SourceLocation location;
};

// The attribute's value, trimmed and expanded. Reports a missing required attribute or a bad reference.
std::optional<ReadValue> ReadAttribute(LoadContext& context, pugi::xml_node element, std::string_view name,
                                       Presence presence);

// The element's text (all its text and CDATA pieces), trimmed and expanded; may be empty.
std::optional<ReadValue> ReadText(LoadContext& context, pugi::xml_node element);

std::optional<std::string> ReadString(LoadContext& context, pugi::xml_node element, std::string_view name,
                                      Presence presence);

// `value` split at `delimiter`, each item trimmed; reports an empty item (naming `subject`) and returns nullopt.
std::optional<std::vector<std::string>> SplitList(LoadContext& context, const ReadValue& value, char delimiter,
                                                  const std::string& subject);

// The attribute's items, split at `delimiter` (SplitList); nullopt when it is absent or has an empty item.
std::optional<std::vector<std::string>> ReadList(LoadContext& context, pugi::xml_node element, std::string_view name,
                                                 char delimiter);

// An integer in [min, max].
std::optional<std::int64_t> ReadInteger(LoadContext& context, pugi::xml_node element, std::string_view name,
                                        std::int64_t min, std::int64_t max);

// "true" or "false".
std::optional<bool> ReadBoolean(LoadContext& context, pugi::xml_node element, std::string_view name);

// A duration longer than zero ("250ms", "30s", "5m", "2h", "1d").
std::optional<std::chrono::milliseconds> ReadDuration(LoadContext& context, pugi::xml_node element,
                                                      std::string_view name);

// One of `choices`, compared exactly.
std::optional<std::string> ReadChoice(LoadContext& context, pugi::xml_node element, std::string_view name,
                                      const std::vector<std::string_view>& choices,
                                      Presence presence = Presence::kOptional);

// A non-empty path made absolute against the configuration file's folder.
std::optional<std::filesystem::path> ReadPath(LoadContext& context, pugi::xml_node element, std::string_view name,
                                              Presence presence);

// A required name of [a-z0-9_]+ (connector, plugin and job names).
std::optional<std::string> ReadIdentifier(LoadContext& context, pugi::xml_node element, std::string_view name);

// The child element `name` of `parent` that may appear at most once: the first one (or an empty node),
// reporting every further one.
pugi::xml_node SingleChild(LoadContext& context, pugi::xml_node parent, std::string_view name);

// "<name>", for messages.
std::string Tag(pugi::xml_node element);

// "a, b, c", for messages.
std::string JoinNames(const std::vector<std::string_view>& names);

}  // namespace hub::config

#endif  // HUB_CONFIG_ELEMENT_READER_HPP_
