// The options table of a plugin's README, generated from its schema.
#ifndef HUB_CONNECTORS_FILE_OPTIONS_DOC_HPP_
#define HUB_CONNECTORS_FILE_OPTIONS_DOC_HPP_

#include <string>

#include "hub/sdk/options.hpp"

namespace hub::file {

// A Markdown table with one row per option: name, type, default, required, description. The README keeps
// it between "<!-- options:begin -->" and "<!-- options:end -->"; a test checks that the two agree.
// Pure function, thread-safe.
std::string RenderOptionsTable(const sdk::PluginDescription& description);

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_OPTIONS_DOC_HPP_
