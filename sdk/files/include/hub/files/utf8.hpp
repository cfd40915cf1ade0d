// Strict UTF-8 validation: the fast path for UTF-8 files and the heart of encoding detection.
#ifndef HUB_FILES_UTF8_HPP_
#define HUB_FILES_UTF8_HPP_

#include <cstddef>
#include <string_view>

namespace hub::files {

// The length of the longest prefix of `bytes` that is well-formed UTF-8 (Unicode table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF); bytes.size() when all of it is. When `cut` is not null it
// is set to true if the prefix stops at a sequence that is valid so far but cut off by the end of `bytes`.
// Pure function, thread-safe.
std::size_t ValidUtf8Prefix(std::string_view bytes, bool* cut = nullptr);

}  // namespace hub::files

#endif  // HUB_FILES_UTF8_HPP_
