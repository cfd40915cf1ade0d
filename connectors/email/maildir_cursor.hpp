// Where a read of a Maildir tree stands: per folder, the last message given in the folder's order and the
// messages given recently enough that one delivered late could still sort before them.
#ifndef HUB_EMAIL_MAILDIR_CURSOR_HPP_
#define HUB_EMAIL_MAILDIR_CURSOR_HPP_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::email {

// A message's place in its folder's order: its delivery time (seconds since the epoch, from the leading
// number of its file name, else the file's mtime) and then its unique name (the file name before ":2,",
// which stays the same when a reader moves the file from new/ to cur/ or changes its flags).
struct MaildirKey {
  std::int64_t delivered = 0;
  std::string unique;

  auto operator<=>(const MaildirKey&) const = default;
};

// One folder's position: `last` is the greatest key given (empty unique: nothing yet); `recent` the keys
// given whose delivery time is within the late-delivery window of last.delivered; `floor` the greatest key
// forgotten from `recent` while still within the window (it holds a bounded number; empty: none). A message
// is new to the folder when its key is greater than `last`, or when it is within the window, greater than
// `floor` and not in `recent`.
struct MaildirFolderPosition {
  MaildirKey last;
  std::set<MaildirKey> recent;
  MaildirKey floor;
};

// The whole cursor: folder name ("INBOX", "Sales.China") to position. A plain value.
using MaildirCursor = std::map<std::string, MaildirFolderPosition, std::less<>>;

// "maildir1:" and JSON {"<folder>": {"t": <last delivered>, "u": "<last unique>", "r": [[t, "u"], ...]}}, with
// "f": [t, "u"] for a floor;
// "" for an empty cursor. Pure.
std::string EncodeMaildirCursor(const MaildirCursor& cursor);

// The cursor EncodeMaildirCursor wrote ("" is the start), or InvalidArgument saying what is wrong.
sdk::Result<MaildirCursor> DecodeMaildirCursor(std::string_view text);

}  // namespace hub::email

#endif  // HUB_EMAIL_MAILDIR_CURSOR_HPP_
