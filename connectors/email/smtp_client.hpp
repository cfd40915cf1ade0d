// Sends mail to one SMTP server over libcurl: implicit TLS (smtps://) or STARTTLS required (smtp://), AUTH
// with a user and password, the server's certificate always verified, one connection kept for every mail.
#ifndef HUB_EMAIL_SMTP_CLIENT_HPP_
#define HUB_EMAIL_SMTP_CLIENT_HPP_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::email {

// Where and how to submit mail. A plain value.
struct SmtpServer {
  std::string url;       // smtps://host[:port] (implicit TLS) or smtp://host[:port] (STARTTLS, required)
  std::string user;      // empty: no AUTH
  std::string password;  // never printed
  std::string ca_file;   // PEM; empty: the system's trusted certificates
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
};

// InvalidArgument unless `url` is smtps:// or smtp:// with a host (and nothing after the port but an
// optional "/" and the EHLO name).
sdk::Status CheckSmtpUrl(std::string_view url);

// One SMTP session owner. Not thread-safe: one owner calls it (the connector, whose calls never overlap).
// Movable, not copyable. The connection opens on the first Send and stays open for the next (libcurl
// reopens it when the server closed it meanwhile).
class SmtpClient {
 public:
  // Internal error when libcurl cannot make a handle; InvalidArgument for a url CheckSmtpUrl refuses.
  static sdk::Result<SmtpClient> Create(SmtpServer server);

  SmtpClient(SmtpClient&&) noexcept;
  SmtpClient& operator=(SmtpClient&&) noexcept;
  ~SmtpClient();

  // Submits `message` (RFC 5322 bytes, CRLF line ends) from `envelope_from` to `recipients`. OK when the
  // server took it (250 after the data). Otherwise, with the server's url (no credentials), libcurl's reason
  // and the server's last reply code:
  //   DataError    the server refused this message for good (a 5xx reply to MAIL, RCPT or the data, other
  //                than the authentication codes 530, 534, 535 and 538): a retry would be refused again;
  //   Unavailable  anything else: no connection, TLS or certificate failure, STARTTLS not offered, the
  //                login refused (named as such: wrong user or password), a 4xx reply, a timeout, a dropped
  //                connection. The mail may be sent again later.
  sdk::Status Send(const std::string& envelope_from, const std::vector<std::string>& recipients,
                   std::string_view message);

  // How many connections the sends so far opened (1 when every mail went over one connection).
  std::int64_t connections_opened() const;

 private:
  struct Handle;
  explicit SmtpClient(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_SMTP_CLIENT_HPP_
