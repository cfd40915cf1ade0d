// The arguments of the IMAP commands the mailbox sends, written as RFC 3501 wants them.
#ifndef HUB_EMAIL_IMAP_COMMAND_HPP_
#define HUB_EMAIL_IMAP_COMMAND_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// A folder name (UTF-8, as configured: "INBOX", "Sales/China", "销售") as a quoted mailbox argument, its
// non-ASCII characters in IMAP's modified UTF-7 (RFC 3501 section 5.1.3: "&kZVUrg-"), '"' and '\' escaped.
// Bytes that are not UTF-8 are taken one by one as Latin-1. Pure function.
std::string QuotedMailboxName(std::string_view folder);

// Ascending UIDs as an IMAP sequence set, runs written as ranges: {3,4,5,9} -> "3:5,9". `uids` must be
// sorted ascending and not empty. Pure function.
std::string UidSet(const std::vector<std::uint32_t>& uids);

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_COMMAND_HPP_
