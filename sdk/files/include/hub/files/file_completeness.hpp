// Whether a file is written to its end, so that a last line without its line end is a whole line.
#ifndef HUB_FILES_FILE_COMPLETENESS_HPP_
#define HUB_FILES_FILE_COMPLETENESS_HPP_

#include <chrono>
#include <functional>

#include "hub/files/input_file.hpp"

namespace hub::files {

// The time now. The plugin takes it from the hub's context, so that tests set it instead of waiting.
using Clock = std::function<std::chrono::system_clock::time_point()>;

// How a file becomes known to be complete: the connector's `final` and `settle_time` options.
struct CompletenessRule {
  bool declared_final = false;                                 // every file is written whole before it is read
  std::chrono::milliseconds settle = std::chrono::minutes(1);  // unchanged this long: complete
};

// True when `file`, as it was opened, is written to its end: it is declared final; or its content was not
// written for rule.settle before `now`; or, for a file of a watched folder (`in_folder`), it was moved there
// after its last write (its inode changed later than its content: a rename does that, a write in place
// changes both at once). A file still being written shows none of these, so its last line is not whole
// until its line end arrives. Pure; thread-safe.
bool IsKnownComplete(const InputFile& file, const CompletenessRule& rule, bool in_folder,
                     std::chrono::system_clock::time_point now);

}  // namespace hub::files

#endif  // HUB_FILES_FILE_COMPLETENESS_HPP_
