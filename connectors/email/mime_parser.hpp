// Parsing one RFC 5322 message (RFC 2045-2049 MIME) into a MimeMessage, through GMime 3.
#ifndef HUB_EMAIL_MIME_PARSER_HPP_
#define HUB_EMAIL_MIME_PARSER_HPP_

#include <functional>
#include <string_view>

#include "email/mime_message.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// The message in `bytes` (one message, as a Maildir file or an IMAP BODY[] holds it; CRLF or LF), with
// every field as mime_message.hpp documents it. The structure is walked depth first: a multipart/
// alternative gives its text/plain alternative as text (else its first text part or multipart), and the other
// alternatives only their attachments; every other multipart (mixed, related, signed, ...) gives all its parts in
// order; a text/plain or text/html part that is neither a Content-Disposition attachment nor named is text; every other
// leaf part is an attachment; a message/rfc822 part is an attachment and is parsed into attached_messages. Broken mail
// is read as far as it goes (loose RFC 2047 and 2822; a bad transfer encoding decodes what it can). DataError, with the
// reason, when the bytes are not a message at all: empty, or without a single header field. Thread-safe; `bytes` is not
// kept.
sdk::Result<MimeMessage> ParseMimeMessage(std::string_view bytes);

// Called with each attachment of the message itself and its bytes (after base64/quoted-printable is undone),
// once its MailAttachment is complete; not for the parts inside a forwarded message, whose bytes are those
// of its .eml attachment. The bytes live only during the call.
using AttachmentBytes = std::function<void(const MailAttachment& attachment, std::string_view bytes)>;

// ParseMimeMessage, handing each attachment's bytes to `on_attachment` (when set) as the walk finds them,
// for a caller that keeps them (the email connector's attachment_dir).
sdk::Result<MimeMessage> ParseMimeMessage(std::string_view bytes, const AttachmentBytes& on_attachment);

}  // namespace hub::email

#endif  // HUB_EMAIL_MIME_PARSER_HPP_
