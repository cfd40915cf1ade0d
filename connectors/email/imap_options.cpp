#include "email/imap_options.hpp"

#include <string>
#include <string_view>

namespace hub::email {
namespace {

using sdk::OptionType;

// imaps://host[:port] or imap://host[:port], a trailing "/" allowed, nothing else: credentials have options
// of their own (the password a secret), and the folders too.
sdk::Status CheckUrl(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme_end == std::string_view::npos || (scheme != "imap" && scheme != "imaps")) {
    return sdk::InvalidOptionValue("imap_url", url, "is not an imaps:// (implicit TLS) or imap:// (STARTTLS) URL");
  }
  std::string_view authority = url.substr(scheme_end + 3);
  if (authority.ends_with('/')) authority.remove_suffix(1);
  if (authority.empty() || authority.front() == ':') return sdk::InvalidOptionValue("imap_url", url, "names no host");
  if (authority.find_first_of("@/?#;") != std::string_view::npos) {
    return sdk::InvalidOptionValue(
        "imap_url", url,
        "holds more than the host and port (the user, password and folders have options of their own)");
  }
  return sdk::Status::Ok();
}

}  // namespace

std::vector<sdk::OptionSpec> ImapOptionSpecs() {
  return {
      {"imap_url", OptionType::kString, std::nullopt, false,
       "Reads this IMAP server (instead of a Maildir): `imaps://host[:port]` for implicit TLS (port 993 by default) "
       "or `imap://host[:port]` for STARTTLS (port 143), which the server must offer — the connection never goes on "
       "in plain text. The server's certificate is always verified."},
      {"imap_user", OptionType::kString, std::nullopt, false, "The IMAP account's user name (with imap_url)."},
      {"imap_password", OptionType::kSecret, std::nullopt, false,
       "The IMAP account's password (with imap_url), as `${env:NAME}` or `${file:PATH}`."},
      {"imap_login", OptionType::kString, "auto", false,
       "How to log in with the user and password: `auto` (the strongest SASL mechanism the server offers, or the "
       "IMAP LOGIN command when it offers none), `plain` (SASL PLAIN only) or `login` (SASL LOGIN only)."},
      {"imap_folders", OptionType::kString, "INBOX", false,
       "Comma-separated folders to read, in this order, as the server names them (UTF-8; `Sales/China`, `销售`). "
       "Each is opened read-only and its messages fetched with BODY.PEEK[]: nothing is marked \\Seen."},
      {"imap_ca_file", OptionType::kPath, std::nullopt, false,
       "A PEM file of the certificate authorities to trust for the server's certificate (a company or "
       "self-signed CA); unset: the system's."},
      {"imap_timeout", OptionType::kDuration, "60s", false,
       "How long connecting and logging in, and each wait for the server's answer, may take before the run "
       "fails as unavailable (and is retried later)."},
  };
}

sdk::Result<std::optional<ImapMailboxOptions>> ParseImapOptions(const sdk::Options& options) {
  if (!options.Has("imap_url")) {
    for (const char* name : {"imap_user", "imap_password", "imap_ca_file"}) {
      if (options.Has(name)) return sdk::Status::InvalidArgument("option '" + std::string(name) + "' needs imap_url");
    }
    return std::optional<ImapMailboxOptions>();
  }
  ImapMailboxOptions parsed;
  ImapServer& server = parsed.server;
  server.url = options.GetString("imap_url");
  HUB_RETURN_IF_ERROR(CheckUrl(server.url));
  server.user = options.GetString("imap_user");
  if (server.user.empty()) return sdk::Status::InvalidArgument("option 'imap_user' is required with imap_url");
  server.password = options.GetString("imap_password");
  if (server.password.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'imap_password' is required with imap_url (a ${env:...} or "
        "${file:...} secret)");
  }
  const std::string login = options.GetString("imap_login", "auto");
  if (login != "auto" && login != "plain" && login != "login") {
    return sdk::InvalidOptionValue("imap_login", login, "is none of auto, plain and login");
  }
  server.login = login == "plain" ? ImapLogin::kPlain : login == "login" ? ImapLogin::kLogin : ImapLogin::kAuto;
  server.ca_file = options.GetString("imap_ca_file");
  sdk::Result<std::chrono::milliseconds> timeout = options.GetDuration("imap_timeout", server.timeout);
  if (!timeout.ok()) return timeout.status().WithContext("option 'imap_timeout'");
  if (timeout->count() <= 0)
    return sdk::InvalidOptionValue("imap_timeout", options.GetString("imap_timeout"), "must be positive");
  server.timeout = *timeout;
  parsed.folders = options.GetList("imap_folders", "INBOX");
  if (parsed.folders.empty())
    return sdk::InvalidOptionValue("imap_folders", options.GetString("imap_folders"), "names no folder");
  return std::optional<ImapMailboxOptions>(std::move(parsed));
}

}  // namespace hub::email
