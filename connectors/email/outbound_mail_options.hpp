// The email connector's outbound options: the SMTP server, the sender, the templates. Their schema is part
// of the plugin's (the host validates them, the README shows them) and their parsed form feeds MailSender.
#ifndef HUB_EMAIL_OUTBOUND_MAIL_OPTIONS_HPP_
#define HUB_EMAIL_OUTBOUND_MAIL_OPTIONS_HPP_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "email/mail_composer.hpp"
#include "email/smtp_client.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// Validated outbound options of one connector instance. A plain value.
struct OutboundMailOptions {
  SmtpServer server;
  MailAddress from;                 // the From header and the envelope sender
  std::string to;                   // fixed recipients (an address list) for kinds without a .to template
  std::filesystem::path templates;  // the folder MailTemplates::Load reads
  std::string message_id_domain;    // the right side of every Message-ID
};

// The outbound options (smtp_url, smtp_user, smtp_password, smtp_ca_file, smtp_timeout,
// smtp_connect_timeout, mail_from, mail_to, mail_templates, mail_domain), none required by the schema: the
// connector sends mail only when smtp_url is given. Pure.
std::vector<sdk::OptionSpec> OutboundMailOptionSpecs();

// Nullopt without smtp_url (the connector sends no mail). InvalidArgument naming the option for a url that
// is not smtps:// or smtp://, smtp_url without mail_from or mail_templates, a mail_from that is not one
// address, a mail_to that is not an address list, a password without a user, a zero or bad timeout.
sdk::Result<std::optional<OutboundMailOptions>> ParseOutboundMailOptions(const sdk::Options& options);

}  // namespace hub::email

#endif  // HUB_EMAIL_OUTBOUND_MAIL_OPTIONS_HPP_
