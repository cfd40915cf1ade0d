// What the mailbox reads out of the replies to EXAMINE, UID SEARCH and UID FETCH (RFC 3501 section 7).
#ifndef HUB_EMAIL_IMAP_REPLIES_HPP_
#define HUB_EMAIL_IMAP_REPLIES_HPP_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "email/imap_connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// The folder's UIDVALIDITY from an EXAMINE or SELECT reply ("* OK [UIDVALIDITY 1700000000] ..."), or
// nothing when the server did not say it. Pure function.
std::optional<std::uint32_t> UidValidityOf(const ImapReply& reply);

// The UIDs of a UID SEARCH reply ("* SEARCH 4 7 9", several such lines or none), ascending and without
// repeats. DataError when a value is not a UID. Pure function.
sdk::Result<std::vector<std::uint32_t>> SearchedUids(const ImapReply& reply);

// One message of a UID FETCH reply: its UID, BODY[] (empty for NIL) and INTERNALDATE (when the server
// received it), if the reply gave one that parses.
struct FetchedBody {
  std::uint32_t uid = 0;
  std::string bytes;
  std::optional<std::chrono::sys_seconds> internal_date;
};

// An INTERNALDATE ("02-Dec-2026 18:12:24 +0800", the day possibly space-padded) as UTC, or nothing when it
// is not one. Pure function.
std::optional<std::chrono::sys_seconds> ParseInternalDate(std::string_view text);

// The messages of a `UID FETCH ... (UID INTERNALDATE BODY.PEEK[])` reply, in the order they came. FETCH responses
// without both a UID and a BODY[] (flag changes the server reports on its own) are left out. DataError when a
// FETCH response does not parse. Empties `reply`'s responses as it reads them, so that a page of messages
// is not held twice.
sdk::Result<std::vector<FetchedBody>> FetchedBodies(ImapReply& reply);

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_REPLIES_HPP_
