// Where an IMAP mailbox's reading stopped: per folder, the UIDVALIDITY the folder had when it was read and
// the highest UID read from it. UIDs only grow within one UIDVALIDITY (RFC 3501 section 2.3.1.1), so "every
// UID above the last one read" is exactly what is new; a different UIDVALIDITY means the folder's UIDs were
// given again and it is read from its start.
#ifndef HUB_EMAIL_IMAP_CURSOR_HPP_
#define HUB_EMAIL_IMAP_CURSOR_HPP_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::email {

struct ImapFolderPosition {
  std::uint32_t uidvalidity = 0;
  std::uint32_t last_uid = 0;  // 0: nothing read yet
  bool operator==(const ImapFolderPosition&) const = default;
};

// Folder name (UTF-8, as configured) to its position; a folder not in it is read from its start.
using ImapCursor = std::map<std::string, ImapFolderPosition, std::less<>>;

// The text form, `imap1` then `;<folder>=<uidvalidity>:<last uid>` per folder in name order, the folder
// name percent-encoded where it holds '%', ';', '=' or a byte outside printable ASCII:
// "imap1;INBOX=1700000000:4711;Sales/China=1700000002:18". Pure function.
std::string FormatImapCursor(const ImapCursor& cursor);

// Reads what FormatImapCursor wrote; the empty text is the empty cursor. InvalidArgument naming what is
// wrong for any other text. Pure function.
sdk::Result<ImapCursor> ParseImapCursor(std::string_view text);

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_CURSOR_HPP_
