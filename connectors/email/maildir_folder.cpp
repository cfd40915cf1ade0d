#include "email/maildir_folder.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <system_error>

namespace hub::email {
namespace {

namespace fs = std::filesystem;

bool IsDirectory(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

bool HoldsMessages(const fs::path& dir) { return IsDirectory(dir / "cur") || IsDirectory(dir / "new"); }

// The delivery time a Maildir file name starts with ("1700000000.M1P2.host"), if it does.
std::optional<std::int64_t> TimeInName(std::string_view unique) {
  const std::size_t dot = unique.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot > 12) return std::nullopt;
  std::int64_t seconds = 0;
  auto [end, error] = std::from_chars(unique.data(), unique.data() + dot, seconds);
  if (error != std::errc() || end != unique.data() + dot) return std::nullopt;
  return seconds;
}

std::int64_t ModifiedSeconds(const fs::path& file) {
  struct stat status {};
  return ::stat(file.c_str(), &status) == 0 ? static_cast<std::int64_t>(status.st_mtime) : 0;
}

// Adds the messages of `folder_dir`/`sub` not yet in `seen`.
sdk::Status AddMessagesOf(const fs::path& folder_dir, std::string_view sub, std::set<std::string>& seen,
                          std::vector<MaildirEntry>& entries) {
  const fs::path dir = folder_dir / sub;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error == std::errc::no_such_file_or_directory) return sdk::Status::Ok();
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.')) continue;
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    const std::string unique(MaildirUniqueOf(name));
    if (!seen.insert(unique).second) continue;
    const std::optional<std::int64_t> named = TimeInName(unique);
    entries.push_back(
        MaildirEntry{MaildirKey{named ? *named : ModifiedSeconds(it->path()), unique}, std::string(sub) + "/" + name});
  }
  if (error) return sdk::Status::IoError("cannot list " + dir.string() + ": " + error.message());
  return sdk::Status::Ok();
}

}  // namespace

fs::path MaildirFolderPath(const fs::path& root, std::string_view folder) {
  return folder == "INBOX" ? root : root / ("." + std::string(folder));
}

sdk::Result<std::vector<std::string>> ListMaildirFolders(const fs::path& root) {
  if (!IsDirectory(root)) return sdk::Status::NotFound("the Maildir " + root.string() + " is not a directory");
  std::vector<std::string> folders;
  std::error_code error;
  for (fs::directory_iterator it(root, error); !error && it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() > 1 && name.starts_with('.') && name != ".." && HoldsMessages(it->path())) {
      folders.push_back(name.substr(1));
    }
  }
  if (error) return sdk::Status::IoError("cannot list the Maildir " + root.string() + ": " + error.message());
  std::sort(folders.begin(), folders.end());
  if (HoldsMessages(root)) folders.insert(folders.begin(), "INBOX");
  return folders;
}

std::string_view MaildirUniqueOf(std::string_view file_name) { return file_name.substr(0, file_name.find(':')); }

sdk::Result<std::vector<MaildirEntry>> ListMaildirMessages(const fs::path& folder_dir) {
  if (!IsDirectory(folder_dir))
    return sdk::Status::NotFound("the Maildir folder " + folder_dir.string() + " is not there");
  std::vector<MaildirEntry> entries;
  std::set<std::string> seen;
  HUB_RETURN_IF_ERROR(AddMessagesOf(folder_dir, "new", seen, entries));
  HUB_RETURN_IF_ERROR(AddMessagesOf(folder_dir, "cur", seen, entries));
  std::sort(entries.begin(), entries.end(), [](const MaildirEntry& a, const MaildirEntry& b) { return a.key < b.key; });
  return entries;
}

}  // namespace hub::email
