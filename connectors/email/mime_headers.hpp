// The envelope of a parsed message: ids, addresses, date and subject, decoded from its header fields.
// Private to hub_email_reader (email/mime_parser.hpp is the public entry).
#ifndef HUB_EMAIL_MIME_HEADERS_HPP_
#define HUB_EMAIL_MIME_HEADERS_HPP_

#include <gmime/gmime.h>

#include <vector>

#include "email/mime_message.hpp"

namespace hub::email {

// Fills the envelope fields of *out (message_id and its derivation, in_reply_to, references, from, to,
// cc, date, subject) from `message`'s header fields, as mime_message.hpp documents them. Encoded words
// of the GB family are read as GB18030 (email/mime_charset.hpp); raw 8-bit header text as UTF-8 when
// valid, else in the charset the message's first text part declares, else as GB18030. Never fails:
// absent or broken fields are left empty.
void ReadEnvelope(GMimeMessage* message, MimeMessage* out);

// Appends the mailboxes of `list` (null: none) to *out, groups flattened, display names trimmed; an entry
// without an address gets an empty one.
void AppendMailboxes(InternetAddressList* list, std::vector<MailAddress>* out);

}  // namespace hub::email

#endif  // HUB_EMAIL_MIME_HEADERS_HPP_
