#include "hub/files/watched_folder.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include "hub/files/atomic_file.hpp"

namespace hub::files {

namespace fs = std::filesystem;

sdk::Result<std::vector<std::string>> ListFiles(const fs::path& folder, std::string_view pattern) {
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) return sdk::Status::IoError("cannot list " + folder.string() + ": " + error.message());
  const std::string glob(pattern);
  std::vector<std::string> names;
  for (; entries != fs::directory_iterator(); entries.increment(error)) {
    std::string name = entries->path().filename().string();
    std::error_code type_error;
    if (name.empty() || name[0] == '.' || !entries->is_regular_file(type_error)) continue;
    if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0) names.push_back(std::move(name));
  }
  if (error) return sdk::Status::IoError("cannot list " + folder.string() + ": " + error.message());
  std::sort(names.begin(), names.end());
  return names;
}

sdk::Result<fs::path> MoveIntoFolder(const fs::path& file, const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) return sdk::Status::IoError("cannot create " + folder.string() + ": " + error.message());
  fs::path target = folder / file.filename();
  for (int n = 1; fs::exists(target, error); ++n) {
    target = folder / (file.stem().string() + "." + std::to_string(n) + file.extension().string());
  }
  fs::rename(file, target, error);
  if (error == std::errc::cross_device_link) {
    error.clear();
    if (fs::copy_file(file, target, error)) fs::remove(file, error);
  }
  if (error) {
    return sdk::Status::IoError("cannot move " + file.string() + " to " + folder.string() + ": " + error.message());
  }
  return target;
}

std::string ErrorNoteText(const ErrorNote& note) {
  std::string text = note.reason + "\n";
  if (!note.position.empty()) text += "position: " + note.position + "\n";
  if (note.records_before) text += "records read before: " + std::to_string(*note.records_before) + "\n";
  return text;
}

sdk::Status MoveToErrorFolder(const fs::path& file, const fs::path& folder, const ErrorNote& note) {
  sdk::Result<fs::path> moved = MoveIntoFolder(file, folder);
  if (!moved.ok()) return moved.status();
  return WriteFileAtomically(folder, moved->filename().string() + ".error.txt", ErrorNoteText(note));
}

}  // namespace hub::files
