#include "email/maildir_mailbox.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

#include "email/ascii_text.hpp"
#include "email/maildir_folder.hpp"

namespace hub::email {
namespace {

namespace fs = std::filesystem;

// The bytes of `file`; nullopt when it is not there (renamed or deleted since it was listed).
sdk::Result<std::optional<std::string>> ReadFileBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return std::optional<std::string>();
    return sdk::Status::IoError("cannot read " + file.string() + ": " + std::strerror(errno));
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return sdk::Status::IoError("cannot read " + file.string());
  return std::optional<std::string>(std::move(bytes));
}

// The entry's bytes, looked up again by its unique name when a reader renamed it meanwhile (a flag
// changed, new/ to cur/); nullopt when the message is gone. `entry` is updated to where it was read.
sdk::Result<std::optional<std::string>> ReadEntry(const fs::path& folder_dir, MaildirEntry& entry) {
  sdk::Result<std::optional<std::string>> bytes = ReadFileBytes(folder_dir / entry.relative_path);
  if (!bytes.ok() || bytes->has_value()) return bytes;
  sdk::Result<std::vector<MaildirEntry>> again = ListMaildirMessages(folder_dir);
  if (!again.ok()) return again.status();
  auto moved = std::find_if(again->begin(), again->end(),
                            [&](const MaildirEntry& other) { return other.key.unique == entry.key.unique; });
  if (moved == again->end()) return std::optional<std::string>();
  entry.relative_path = moved->relative_path;
  return ReadFileBytes(folder_dir / entry.relative_path);
}

bool InWindow(const MaildirKey& key, const MaildirFolderPosition& position, std::chrono::seconds window) {
  return key.delivered + window.count() >= position.last.delivered;
}

bool NotGivenYet(const MaildirKey& key, const MaildirFolderPosition& position, std::chrono::seconds window) {
  return key > position.last ||
         (InWindow(key, position, window) && key > position.floor && !position.recent.contains(key));
}

void MovePast(const MaildirKey& key, MaildirFolderPosition& position) {
  position.last = std::max(position.last, key);
  position.recent.insert(key);
}

// Forgets the keys no longer within the window of the newest, and the oldest beyond `max_keys`, raising the
// floor past them (the keys are ordered by delivery time first, so both are at the front).
void Prune(MaildirFolderPosition& position, std::chrono::seconds window, std::size_t max_keys) {
  auto& recent = position.recent;
  while (!recent.empty() && !InWindow(*recent.begin(), position, window)) recent.erase(recent.begin());
  while (recent.size() > max_keys) {
    position.floor = std::max(position.floor, *recent.begin());
    recent.erase(recent.begin());
  }
}

bool Skipped(const std::string& folder, const std::vector<std::string>& skipped) {
  const std::string last = AsciiLower(folder.substr(folder.rfind('.') + 1));
  return std::any_of(skipped.begin(), skipped.end(), [&](const std::string& name) { return AsciiLower(name) == last; });
}

}  // namespace

sdk::Result<std::vector<std::string>> MaildirMailbox::Folders() const {
  if (!options_.folders.empty()) return options_.folders;
  sdk::Result<std::vector<std::string>> found = ListMaildirFolders(options_.root);
  if (!found.ok()) {
    if (found.status().code() == sdk::StatusCode::kNotFound) return sdk::Status::Unavailable(found.status().message());
    return found.status();
  }
  std::erase_if(*found, [&](const std::string& folder) { return Skipped(folder, options_.skipped); });
  return found;
}

sdk::Result<MailboxPage> MaildirMailbox::Read(std::string_view cursor_text, std::size_t max_messages) {
  sdk::Result<MaildirCursor> cursor = DecodeMaildirCursor(cursor_text);
  if (!cursor.ok()) return cursor.status();
  sdk::Result<std::vector<std::string>> folders = Folders();
  if (!folders.ok()) return folders.status();
  MailboxPage page;
  page.end_of_data = true;
  for (const std::string& folder : *folders) {
    sdk::Result<bool> more = ReadFolder(folder, (*cursor)[folder], max_messages - page.messages.size(), page);
    if (!more.ok()) return more.status();
    if (*more) {
      page.end_of_data = false;
      break;
    }
  }
  page.next_cursor = EncodeMaildirCursor(*cursor);
  return page;
}

sdk::Result<bool> MaildirMailbox::ReadFolder(const std::string& folder, MaildirFolderPosition& position,
                                             std::size_t room, MailboxPage& page) const {
  const fs::path dir = MaildirFolderPath(options_.root, folder);
  sdk::Result<std::vector<MaildirEntry>> entries = ListMaildirMessages(dir);
  if (!entries.ok()) {
    if (entries.status().code() == sdk::StatusCode::kNotFound) {
      return sdk::Status::Unavailable("Maildir folder " + folder + ": " + entries.status().message());
    }
    return entries.status();
  }
  for (MaildirEntry& entry : *entries) {
    if (!NotGivenYet(entry.key, position, options_.late_window)) continue;
    if (room == 0) {
      Prune(position, options_.late_window, options_.max_recent_keys);
      return true;
    }
    sdk::Result<std::optional<std::string>> bytes = ReadEntry(dir, entry);
    if (!bytes.ok()) return bytes.status().WithContext("Maildir folder " + folder);
    MovePast(entry.key, position);
    if (!bytes->has_value()) continue;
    MailboxMessage message;
    message.folder = folder;
    message.position = folder + " " + entry.relative_path;
    message.bytes = std::move(**bytes);
    message.received_at = std::chrono::sys_seconds(std::chrono::seconds(entry.key.delivered));
    page.messages.push_back(std::move(message));
    --room;
  }
  Prune(position, options_.late_window, options_.max_recent_keys);
  return false;
}

sdk::Status MaildirMailbox::CheckHealth() {
  sdk::Result<std::vector<std::string>> folders = Folders();
  if (!folders.ok()) return folders.status();
  for (const std::string& folder : *folders) {
    std::error_code error;
    if (!fs::is_directory(MaildirFolderPath(options_.root, folder), error)) {
      return sdk::Status::Unavailable("Maildir folder " + folder + " is not there under " + options_.root.string());
    }
  }
  return sdk::Status::Ok();
}

}  // namespace hub::email
