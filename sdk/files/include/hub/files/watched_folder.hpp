// The watched folder: which files to read, and moving them out once done with (to an archive, or to an
// error folder with a note saying why).
#ifndef HUB_FILES_WATCHED_FOLDER_HPP_
#define HUB_FILES_WATCHED_FOLDER_HPP_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::files {

// The names of the regular files directly in `folder` whose names match the glob `pattern` (fnmatch:
// `*`, `?`, `[...]`), names starting with a dot left out, sorted by name (bytewise). IoError when the
// folder cannot be listed. Thread-safe.
sdk::Result<std::vector<std::string>> ListFiles(const std::filesystem::path& folder, std::string_view pattern);

// Moves `file` into `folder` (created when missing) under its own name, or "<stem>.<n><extension>" when
// that is taken; across file systems by copying then deleting. Returns where it went; IoError on failure.
sdk::Result<std::filesystem::path> MoveIntoFolder(const std::filesystem::path& file,
                                                  const std::filesystem::path& folder);

// Why a file was set aside, for the note beside it. A plain value.
struct ErrorNote {
  std::string reason;    // the first line of the note
  std::string position;  // where reading stood ("orders.csv:12", "IDOC 3 byte 4711"); may be empty
  std::optional<std::uint64_t> records_before;  // records of the file read before it failed, when known
};

// The text of the sidecar note: the reason on the first line, then "position: …" and "records read before:
// N" lines for what is known. Pure.
std::string ErrorNoteText(const ErrorNote& note);

// MoveIntoFolder, then writes ErrorNoteText(note) into "<moved file>.error.txt" beside it (written
// atomically, so a reader of the error folder never sees half a note). IoError when either fails.
sdk::Status MoveToErrorFolder(const std::filesystem::path& file, const std::filesystem::path& folder,
                              const ErrorNote& note);

}  // namespace hub::files

#endif  // HUB_FILES_WATCHED_FOLDER_HPP_
