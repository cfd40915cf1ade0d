// Delivers events as mail: each event is rendered with its kind's templates, composed as MIME and submitted
// over SMTP, in order, on one connection.
#ifndef HUB_EMAIL_MAIL_SENDER_HPP_
#define HUB_EMAIL_MAIL_SENDER_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "email/mail_composer.hpp"
#include "email/mail_templates.hpp"
#include "email/outbound_mail_options.hpp"
#include "email/smtp_client.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// One event's mail, ready to submit.
struct EventMail {
  std::vector<std::string> recipients;  // the envelope's: the To addresses
  std::string bytes;                    // the MIME message (ComposeMail)
};

// The mail of an event: Message-ID `<MessageIdForEvent(event id, mail domain)>`, header
// `X-Hub-Event-Id: <event id>` and `X-Hub-Event: <kind>`, Date the event's commit time (so every attempt
// composes the same message), From the configured sender, To the kind's `.to` template when it renders a
// non-empty list, else the configured mail_to. Not thread-safe: one owner calls it (the connector, whose
// calls never overlap). Movable.
class MailSender {
 public:
  // Loads the templates and sets up libcurl: InvalidArgument from MailTemplates::Load, Internal when libcurl
  // cannot make a handle.
  static sdk::Result<MailSender> Create(OutboundMailOptions options);

  // The mail of `event`, DataError (the event can never be mailed: dead letter) naming the event for a kind
  // without templates, a payload that is not a JSON object, a required placeholder the event lacks, no
  // recipient, or a recipient that is not an e-mail address.
  sdk::Result<EventMail> Compose(const sdk::OutboundEvent& event) const;

  // Mails `events` in order and stops at the first that fails. Answers how many were sent; when that is none,
  // the first event's failure instead (Unavailable: try again later; DataError: never mailable or refused
  // by the server for good). A later failure is not reported here: the failing event comes first in the
  // next call, which then answers it. An empty `events` answers 0.
  sdk::Result<std::size_t> Deliver(const std::vector<sdk::OutboundEvent>& events);

  // The SMTP connections opened so far (SmtpClient::connections_opened).
  std::int64_t connections_opened() const { return client_.connections_opened(); }

 private:
  MailSender(OutboundMailOptions options, MailTemplates templates, SmtpClient client);
  sdk::Status DeliverOne(const sdk::OutboundEvent& event);

  OutboundMailOptions options_;
  MailTemplates templates_;
  SmtpClient client_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_SENDER_HPP_
