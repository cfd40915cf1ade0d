// An outbound mail as MIME bytes, composed with GMime: headers with RFC 2047 encoded words where the text
// is not ASCII, UTF-8 text parts in quoted-printable or base64, CRLF line ends as SMTP sends them.
#ifndef HUB_EMAIL_MAIL_COMPOSER_HPP_
#define HUB_EMAIL_MAIL_COMPOSER_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "email/mime_message.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// The mailboxes of an address list as written in a header ("王经理 <wang@example.cn>, b@example.com"; groups
// flattened; blank: none). DataError naming the list when an entry has no address of the form local@domain,
// or text that is not blank gives none. Thread-safe.
sdk::Result<std::vector<MailAddress>> ParseAddressList(std::string_view text);

// Everything a composed mail says. Texts are UTF-8.
struct MailContent {
  MailAddress from;
  std::vector<MailAddress> to;
  std::string subject;
  std::string text;
  std::string html;        // empty: text/plain alone; else multipart/alternative of text/plain and text/html
  std::string message_id;  // without <>
  std::int64_t date_unix_ms = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones (name, ASCII value)
};

// The mail's bytes: Date, From, To, Subject, Message-ID, MIME-Version, the extra headers, and the body,
// every text part `charset=utf-8`, quoted-printable when mostly ASCII else base64 (GMime's choice for a
// 7-bit transport), lines ending in CRLF, the multipart boundary derived from the Message-ID: the same
// content gives the same bytes. Pure; thread-safe.
std::string ComposeMail(const MailContent& content);

// The Message-ID (without <>) of the mail for an event: `<event id>@<domain>`, each character of the event
// id outside RFC 5322's atext written as `=` and two hex digits, so the same event always gives the same id.
std::string MessageIdForEvent(std::string_view event_id, std::string_view domain);

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_COMPOSER_HPP_
