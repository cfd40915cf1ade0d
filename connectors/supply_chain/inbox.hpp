// The watched folder of the supply_chain connector: which files wait, whether one is written to its end,
// and moving a file to the archive or the error folder (with a sidecar that says why).
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_INBOX_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_INBOX_HPP_

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// The time now; the plugin takes it from the hub's context so that tests set it instead of waiting.
using Clock = std::function<std::chrono::system_clock::time_point()>;

// How a file becomes known to be complete: the `final` and `settle_time` options.
struct Completeness {
  bool declared_final = false;                                 // every file is written whole before it lands
  std::chrono::milliseconds settle = std::chrono::minutes(1);  // unchanged this long: complete
};

// The names of the regular files in `folder` matching the glob `pattern` (fnmatch), hidden ones (a leading
// dot) excepted, in byte order of their names. IoError when the folder cannot be listed.
sdk::Result<std::vector<std::string>> ListInbox(const std::filesystem::path& folder, const std::string& pattern);

// True when the file at `path` is written to its end: `final` is declared; or its content has not changed
// for rule.settle before `now`; or it was moved into the folder after its last write (its inode changed
// later than its content: a rename does that, a write in place changes both at once). IoError when it
// cannot be examined.
sdk::Result<bool> IsComplete(const std::filesystem::path& path, const Completeness& rule,
                             std::chrono::system_clock::time_point now);

// Moves `file` into `folder` (created when missing) under its own name, or under "<name>.<n>" when that is
// taken. IoError when it cannot.
sdk::Status MoveInto(const std::filesystem::path& file, const std::filesystem::path& folder);

// Moves `file` into `error_folder` and writes "<name>.error.txt" beside it: `why` and how much was read
// before. IoError when it cannot.
sdk::Status SetAside(const std::filesystem::path& file, const std::filesystem::path& error_folder,
                     const std::string& why, std::uint64_t idocs_read_before);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_INBOX_HPP_
