// The options table of a connector's README, generated from its schema.
#ifndef HUB_CONNECTORS_COMMON_OPTIONS_DOC_HPP_
#define HUB_CONNECTORS_COMMON_OPTIONS_DOC_HPP_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/options.hpp"

namespace hub::connectors {

// The lines around the generated table in a README.
inline constexpr std::string_view kOptionsBeginMarker = "<!-- options:begin -->\n";
inline constexpr std::string_view kOptionsEndMarker = "<!-- options:end -->";

// A Markdown table with one row per option: name, type, default, required, description. Pure function,
// thread-safe.
std::string RenderOptionsTable(const sdk::PluginDescription& description);

// The text a README holds between kOptionsBeginMarker and kOptionsEndMarker (what RenderOptionsTable
// should produce), or nullopt when either marker is missing. A test per connector compares the two.
std::optional<std::string> ExtractOptionsTable(std::string_view readme);

// ExtractOptionsTable of the file at `readme`; nullopt also when it cannot be read.
std::optional<std::string> ReadOptionsTable(const std::filesystem::path& readme);

}  // namespace hub::connectors

#endif  // HUB_CONNECTORS_COMMON_OPTIONS_DOC_HPP_
