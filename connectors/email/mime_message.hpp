// What one RFC 5322 message says, as plain values: the result of ParseMimeMessage (email/mime_parser.hpp).
#ifndef HUB_EMAIL_MIME_MESSAGE_HPP_
#define HUB_EMAIL_MIME_MESSAGE_HPP_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hub::email {

// One mailbox of an address header. Both fields UTF-8; either may be empty (a bare address has no name, a
// group or a broken entry may have no address). The address is as written (not lower-cased).
struct MailAddress {
  std::string address;
  std::string display_name;

  bool operator==(const MailAddress&) const = default;
};

// A part of the message that is not its text: a file, an inline image, a forwarded message. Never dropped:
// a part without a file name gets a derived one (see `name`).
struct MailAttachment {
  // The file name, decoded (RFC 2047 encoded words and RFC 2231 parameters, any charset) from the
  // Content-Disposition's filename or else the Content-Type's name; when there is none, derived:
  // "<subject>.eml" for a forwarded message (or "message-<N>.eml" without a subject), else "part-<N>"
  // with the subtype as extension ("part-3.png"), N the part's position (1-based, depth first).
  std::string name;
  bool name_derived = false;
  std::string content_type;  // "image/png", lower case
  std::string content_id;    // without <>, empty when none (inline images of multipart/related have one)
  bool is_inline = false;    // Content-Disposition inline, or an image referenced from the HTML
  std::uint64_t size = 0;    // bytes after the transfer encoding (base64, quoted-printable) is undone
  std::string sha256;        // lower-case hex of those bytes
};

// One message. Every text field is UTF-8.
struct MimeMessage {
  // Message-ID without its <> (as GMime normalizes it). When the header is absent or empty the id is
  // derived, and message_id_derived is set: "<sha256 hex>@derived.hub.invalid", the SHA-256 of the From
  // address, the Date in seconds since the epoch (or the raw Date header when unparseable) and the decoded
  // Subject, joined by '\n'. The same message, fetched twice or from two folders, derives the same id.
  std::string message_id;
  bool message_id_derived = false;
  std::string in_reply_to;              // without <>, empty when none
  std::vector<std::string> references;  // each without <>, in header order

  MailAddress from;  // the first mailbox of From (empty when there is none)
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  // Date as UTC; nullopt when the header is absent or unparseable.
  std::optional<std::chrono::sys_seconds> date;
  // RFC 2047 decoded; broken encoded words are left as written. Raw 8-bit header text (here and in
  // display names) is read as UTF-8 when valid, else in the charset of the first text part, else GB18030.
  std::string subject;

  // The text of the message: its text/plain parts, or when an alternative offers none its text/html
  // rendered roughly to plain text (email/html_text.hpp); parts of a multipart/mixed joined by a blank
  // line. Each part decoded from the charset email/mime_charset.hpp's rule picks (see charset_used);
  // line ends are "\n" (CRLF becomes LF).
  std::string text;
  bool text_from_html = false;  // some of the text was rendered from HTML
  // The charset the (first) text part was decoded from, as named to the decoder ("UTF-8", "GB18030", ...),
  // and where it came from: "content-type", "html-meta" or "detected". Empty when there is no text part.
  std::string charset_used;
  std::string charset_source;

  std::vector<MailAttachment> attachments;
  // Messages attached as message/rfc822 (forwarded), parsed the same way; each is also in attachments.
  std::vector<MimeMessage> attached_messages;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MIME_MESSAGE_HPP_
