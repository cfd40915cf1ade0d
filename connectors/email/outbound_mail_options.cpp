#include "email/outbound_mail_options.hpp"

#include <utility>

namespace hub::email {
namespace {

using sdk::OptionType;

sdk::Status OptionError(std::string_view name, const sdk::Status& status) {
  return sdk::Status::InvalidArgument("option '" + std::string(name) + "': " + status.message());
}

sdk::Result<std::chrono::milliseconds> PositiveDuration(const sdk::Options& options, std::string_view name,
                                                        std::chrono::milliseconds fallback) {
  sdk::Result<std::chrono::milliseconds> value = options.GetDuration(name, fallback);
  if (!value.ok()) return OptionError(name, value.status());
  if (value->count() <= 0) {
    return sdk::Status::InvalidArgument("option '" + std::string(name) + "' must be longer than zero");
  }
  return value;
}

sdk::Status ParseServer(const sdk::Options& options, SmtpServer& server) {
  server.url = options.GetString("smtp_url");
  if (sdk::Status url = CheckSmtpUrl(server.url); !url.ok()) return OptionError("smtp_url", url);
  server.user = options.GetString("smtp_user");
  server.password = options.GetString("smtp_password");
  if (server.user.empty() && !server.password.empty()) {
    return sdk::Status::InvalidArgument("option 'smtp_password' is given without 'smtp_user'");
  }
  server.ca_file = options.GetString("smtp_ca_file");
  sdk::Result<std::chrono::milliseconds> timeout = PositiveDuration(options, "smtp_timeout", server.timeout);
  if (!timeout.ok()) return timeout.status();
  server.timeout = *timeout;
  sdk::Result<std::chrono::milliseconds> connect =
      PositiveDuration(options, "smtp_connect_timeout", server.connect_timeout);
  if (!connect.ok()) return connect.status();
  server.connect_timeout = *connect;
  return sdk::Status::Ok();
}

}  // namespace

std::vector<sdk::OptionSpec> OutboundMailOptionSpecs() {
  return {
      {"smtp_url", OptionType::kString, std::nullopt, false,
       "The SMTP server the connector sends mail through: `smtps://mail.example.com:465` (implicit TLS) or "
       "`smtp://mail.example.com:587` (STARTTLS, required: a server that does not offer it is not used). The "
       "certificate is always verified. Unset: the connector sends no mail."},
      {"smtp_user", OptionType::kString, std::nullopt, false, "The user name of the SMTP AUTH login; unset: no login."},
      {"smtp_password", OptionType::kSecret, std::nullopt, false,
       "The password of the SMTP login, as `${env:NAME}` or `${file:PATH}`; never logged."},
      {"smtp_ca_file", OptionType::kPath, std::nullopt, false,
       "A PEM file of the certificate authorities to trust instead of the system's (a private CA, or a "
       "self-signed server certificate)."},
      {"smtp_timeout", OptionType::kDuration, "60s", false,
       "The longest one mail may take to submit, connecting included. Exceeded: the mail is tried again later."},
      {"smtp_connect_timeout", OptionType::kDuration, "10s", false,
       "The longest the connection (TCP, TLS, greeting and login) may take to set up."},
      {"mail_from", OptionType::kString, std::nullopt, false,
       "The sender of every mail, From header and envelope: `Hub 通知 <hub@example.com>`. Required with smtp_url."},
      {"mail_to", OptionType::kString, std::nullopt, false,
       "Recipients (an address list) of the event kinds whose templates have no `.to` file."},
      {"mail_templates", OptionType::kPath, std::nullopt, false,
       "The folder of the mail templates: `<kind>.subject`, `<kind>.txt`, optional `<kind>.html` and `<kind>.to` "
       "per event kind. Required with smtp_url."},
      {"mail_domain", OptionType::kString, std::nullopt, false,
       "The domain of every Message-ID (`<event id>@<mail_domain>`); unset: the domain of mail_from."},
  };
}

sdk::Result<std::optional<OutboundMailOptions>> ParseOutboundMailOptions(const sdk::Options& options) {
  if (!options.Has("smtp_url")) return std::optional<OutboundMailOptions>();
  OutboundMailOptions parsed;
  HUB_RETURN_IF_ERROR(ParseServer(options, parsed.server));
  for (const char* required : {"mail_from", "mail_templates"}) {
    if (options.GetString(required).empty()) {
      return sdk::Status::InvalidArgument("option '" + std::string(required) + "' is required with smtp_url");
    }
  }
  sdk::Result<std::vector<MailAddress>> from = ParseAddressList(options.GetString("mail_from"));
  if (!from.ok() || from->size() != 1) {
    return sdk::Status::InvalidArgument("option 'mail_from': '" + options.GetString("mail_from") +
                                        "' is not one e-mail address");
  }
  parsed.from = from->front();
  parsed.to = options.GetString("mail_to");
  if (sdk::Result<std::vector<MailAddress>> to = ParseAddressList(parsed.to); !to.ok()) {
    return OptionError("mail_to", to.status());
  }
  parsed.templates = options.GetString("mail_templates");
  parsed.message_id_domain = options.GetString("mail_domain");
  if (parsed.message_id_domain.empty()) {
    parsed.message_id_domain = parsed.from.address.substr(parsed.from.address.rfind('@') + 1);
  }
  return std::optional<OutboundMailOptions>(std::move(parsed));
}

}  // namespace hub::email
