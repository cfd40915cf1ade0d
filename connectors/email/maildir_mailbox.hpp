// The Mailbox over a Maildir or Maildir++ tree on local disk (Dovecot's, Postfix's, offlineimap's).
#ifndef HUB_EMAIL_MAILDIR_MAILBOX_HPP_
#define HUB_EMAIL_MAILDIR_MAILBOX_HPP_

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "email/mailbox.hpp"
#include "email/maildir_cursor.hpp"

namespace hub::email {

// What a MaildirMailbox reads. A plain value.
struct MaildirOptions {
  std::filesystem::path root;  // the tree: INBOX's new/ and cur/, Maildir++ subfolders .Name beside them
  // The folders read, in this order ("INBOX", "Sent", "Sales.China"); empty: every folder of the tree but
  // those in `skipped` (ListMaildirFolders' order).
  std::vector<std::string> folders;
  std::vector<std::string> skipped = {"Trash", "Junk", "Spam", "Drafts"};  // compared without case
  // How much older than the newest message read a message may be and still be found when it appears later
  // (a delivery that took long to write, a message moved in from another folder under its old name).
  std::chrono::seconds late_window = std::chrono::hours(1);
  // The most keys a folder's position remembers within the window (a cursor of a few hundred KiB): a burst
  // of more (a first download of a whole account) narrows the window to the newest of them.
  std::size_t max_recent_keys = 10000;
};

// Reads the folders one after the other, each in key order (maildir_cursor.hpp: delivery time, then unique
// name), never modifying the tree: no flag is set, no file moved from new/ to cur/. The cursor keeps, per
// folder, the greatest key given and the keys given within `late_window` of it (at most max_recent_keys, the
// newest); a message is given when its
// key is greater, or within the window and not given yet. So a read resumed from any cursor this returned —
// after a kill, say — gives no message twice whatever readers did to its flags or new/cur place meanwhile,
// and misses none delivered in order or late by less than the window; one that appears later still, with a
// delivery time older than the window, is not read. A message's `position` is "<folder> <new|cur>/<file
// name>", its `received_at` its delivery time. A file renamed between listing and reading is looked up again
// by its unique name; one deleted meanwhile is skipped. Errors: InvalidArgument for a foreign cursor;
// Unavailable when the tree or a configured folder is not there (a mount missing); IoError when a file
// cannot be read. Not thread-safe (Mailbox).
class MaildirMailbox final : public Mailbox {
 public:
  explicit MaildirMailbox(MaildirOptions options) : options_(std::move(options)) {}

  sdk::Result<MailboxPage> Read(std::string_view cursor, std::size_t max_messages) override;
  // OK when the tree and every configured folder are directories; Unavailable naming the first that is not.
  sdk::Status CheckHealth() override;

 private:
  sdk::Result<std::vector<std::string>> Folders() const;
  // Adds to `page` up to `room` messages of `folder` after `position`, which it moves past them; true when
  // the folder has more.
  sdk::Result<bool> ReadFolder(const std::string& folder, MaildirFolderPosition& position, std::size_t room,
                               MailboxPage& page) const;

  MaildirOptions options_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAILDIR_MAILBOX_HPP_
