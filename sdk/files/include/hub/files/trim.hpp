// White space around text cells, as exports pad them.
#ifndef HUB_FILES_TRIM_HPP_
#define HUB_FILES_TRIM_HPP_

#include <string_view>

namespace hub::files {

// `text` without the white space around it: ASCII spaces and tabs, and the ideographic space U+3000 that
// Chinese spreadsheets pad cells with. A view into `text`. Pure; thread-safe.
std::string_view TrimBlanks(std::string_view text);

}  // namespace hub::files

#endif  // HUB_FILES_TRIM_HPP_
