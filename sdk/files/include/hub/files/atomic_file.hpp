// Writing a whole file into a folder so that readers of the folder never see part of it, and a file once
// written survives a crash.
#ifndef HUB_FILES_ATOMIC_FILE_HPP_
#define HUB_FILES_ATOMIC_FILE_HPP_

#include <filesystem>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::files {

// The temporary name WriteFileAtomically writes `name` under before renaming it: ".<name>.<pid>.tmp",
// which a reader's pattern such as `*.jsonl` (or any that skips dot files) leaves alone.
std::string TemporaryNameFor(std::string_view name);

// Writes `content` to `folder`/`name`, replacing a file of that name: first under TemporaryNameFor(name)
// in the same folder, flushed to disk (fsync), then renamed to `name`, then the folder flushed so that the
// rename survives a crash too. On success the file is there whole; on failure it is unchanged and no
// temporary file is left behind. Unavailable when `folder` does not exist (a mount not there yet); IoError,
// with the system's reason, when it is not a folder or cannot be written (permissions, a full disk).
// Thread-safe for different names; one writer at a time per name.
sdk::Status WriteFileAtomically(const std::filesystem::path& folder, const std::string& name, std::string_view content);

}  // namespace hub::files

#endif  // HUB_FILES_ATOMIC_FILE_HPP_
