// The watched folder: which files to read, and moving them out once done with.
#ifndef HUB_CONNECTORS_FILE_FOLDER_HPP_
#define HUB_CONNECTORS_FILE_FOLDER_HPP_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::file {

// The names of the regular files directly in `folder` whose names match the glob `pattern` (fnmatch:
// `*`, `?`, `[...]`), names starting with a dot left out, sorted by name (bytewise). IoError when the
// folder cannot be listed. Thread-safe.
sdk::Result<std::vector<std::string>> ListFiles(const std::filesystem::path& folder, std::string_view pattern);

// Moves `file` into `folder` (created when missing) under its own name, or "<stem>.<n><extension>" when
// that is taken; across file systems by copying then deleting. Returns where it went; IoError on failure.
sdk::Result<std::filesystem::path> MoveIntoFolder(const std::filesystem::path& file,
                                                  const std::filesystem::path& folder);

// MoveIntoFolder, then writes `reason` into "<moved file>.error.txt" beside it.
sdk::Status MoveToErrorFolder(const std::filesystem::path& file, const std::filesystem::path& folder,
                              std::string_view reason);

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_FOLDER_HPP_
