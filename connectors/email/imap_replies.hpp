// What the mailbox reads out of the replies to EXAMINE, UID SEARCH and UID FETCH (RFC 3501 section 7).
#ifndef HUB_EMAIL_IMAP_REPLIES_HPP_
#define HUB_EMAIL_IMAP_REPLIES_HPP_

#include <cstdint>
#include <optional>
#include <string>
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

// One message of a UID FETCH reply: its UID and BODY[] (empty for NIL).
struct FetchedBody {
  std::uint32_t uid = 0;
  std::string bytes;
};

// The messages of a `UID FETCH ... (UID BODY.PEEK[])` reply, in the order they came. FETCH responses
// without both a UID and a BODY[] (flag changes the server reports on its own) are left out. DataError when a
// FETCH response does not parse. Empties `reply`'s responses as it reads them, so that a page of messages
// is not held twice.
sdk::Result<std::vector<FetchedBody>> FetchedBodies(ImapReply& reply);

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_REPLIES_HPP_
