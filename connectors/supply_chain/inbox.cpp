#include "supply_chain/inbox.hpp"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace hub::supply_chain {
namespace {

namespace fs = std::filesystem;

std::chrono::system_clock::time_point TimeOf(const struct timespec& time) {
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(time.tv_sec) +
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(time.tv_nsec)));
}

// `name` or, when it is taken in `folder`, "<name>.1", "<name>.2" …
fs::path FreeName(const fs::path& folder, const std::string& name) {
  fs::path target = folder / name;
  for (int n = 1; fs::exists(target); ++n) target = folder / (name + "." + std::to_string(n));
  return target;
}

}  // namespace

sdk::Result<std::vector<std::string>> ListInbox(const fs::path& folder, const std::string& pattern) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) return sdk::Status::IoError("cannot list " + folder.string() + ": " + error.message());
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (!entry.is_regular_file(error)) continue;
    if (fnmatch(pattern.c_str(), name.c_str(), 0) == 0) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

sdk::Result<bool> IsComplete(const fs::path& path, const Completeness& rule,
                             std::chrono::system_clock::time_point now) {
  if (rule.declared_final) return true;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return sdk::Status::IoError("cannot examine " + path.string() + ": " + std::strerror(errno));
  }
  const auto modified = TimeOf(info.st_mtim);
  if (TimeOf(info.st_ctim) > modified + std::chrono::milliseconds(10)) return true;
  return now - modified >= rule.settle;
}

sdk::Status MoveInto(const fs::path& file, const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) return sdk::Status::IoError("cannot create " + folder.string() + ": " + error.message());
  fs::rename(file, FreeName(folder, file.filename().string()), error);
  if (error) {
    return sdk::Status::IoError("cannot move " + file.string() + " into " + folder.string() + ": " + error.message());
  }
  return sdk::Status::Ok();
}

sdk::Status SetAside(const fs::path& file, const fs::path& error_folder, const std::string& why,
                     std::uint64_t idocs_read_before) {
  std::error_code error;
  fs::create_directories(error_folder, error);
  if (error) return sdk::Status::IoError("cannot create " + error_folder.string() + ": " + error.message());
  const fs::path target = FreeName(error_folder, file.filename().string());
  fs::rename(file, target, error);
  if (error) {
    return sdk::Status::IoError("cannot move " + file.string() + " into " + error_folder.string() + ": " +
                                error.message());
  }
  std::ofstream note(target.string() + ".error.txt", std::ios::trunc);
  note << "file: " << file.filename().string() << "\nreason: " << why
       << "\nidocs read before (their records were stored): " << idocs_read_before << "\n";
  if (!note) return sdk::Status::IoError("cannot write " + target.string() + ".error.txt");
  return sdk::Status::Ok();
}

}  // namespace hub::supply_chain
