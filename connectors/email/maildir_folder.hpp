// The files of a Maildir tree as the Maildir reader sees them: its folders, and the messages of one folder in
// delivery order. Read-only: nothing here renames, flags or deletes a file.
#ifndef HUB_EMAIL_MAILDIR_FOLDER_HPP_
#define HUB_EMAIL_MAILDIR_FOLDER_HPP_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "email/maildir_cursor.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// One message file of a folder: its key (maildir_cursor.hpp) and where it is, relative to the folder
// ("new/1700000000.M1P2.host", "cur/1700000000.M1P2.host:2,S").
struct MaildirEntry {
  MaildirKey key;
  std::string relative_path;
};

// The folder name's directory under `root`: "INBOX" is `root` itself, any other name N (Maildir++, "Sales.China")
// is `root`/.N. Pure.
std::filesystem::path MaildirFolderPath(const std::filesystem::path& root, std::string_view folder);

// The folders of the tree at `root`: "INBOX" when `root` has cur/ or new/, then the name of each Maildir++
// subfolder (a directory ".N" holding cur/ or new/) as N, in name order. NotFound when `root` is not a
// directory; IoError when it cannot be listed.
sdk::Result<std::vector<std::string>> ListMaildirFolders(const std::filesystem::path& root);

// The unique part of a message file name: what comes before the first ':' (the info, ":2,<flags>", is
// what a reader changes). Pure.
std::string_view MaildirUniqueOf(std::string_view file_name);

// The messages of the folder directory `folder_dir` sorted by key: the files of new/, then those of cur/ (a
// reader moves files only from new/ to cur/, so listing in this order never misses one in flight), each
// unique name once, names starting with '.' skipped. A missing new/ or cur/ is empty; NotFound when
// `folder_dir` is not a directory; IoError when it cannot be listed.
sdk::Result<std::vector<MaildirEntry>> ListMaildirMessages(const std::filesystem::path& folder_dir);

}  // namespace hub::email

#endif  // HUB_EMAIL_MAILDIR_FOLDER_HPP_
