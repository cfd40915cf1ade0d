// One logged-in IMAP connection over libcurl: libcurl connects, makes the TLS session (implicit, or
// STARTTLS that must succeed), verifies the server's certificate and logs in (CURLOPT_CONNECT_ONLY); the
// commands after that are written here and their responses read with ImapResponseReader. libcurl's own
// IMAP commands are not used past the login because its custom requests do not read literals (curl issues
// #1150, #18847): a message fetched that way is scanned as protocol lines, cut at long lines, and ends
// early at any line of its text that looks like the command's tagged reply.
#ifndef HUB_EMAIL_IMAP_CONNECTION_HPP_
#define HUB_EMAIL_IMAP_CONNECTION_HPP_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "email/imap_response.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// How the login is made. kAuto: the strongest SASL mechanism both sides know, else (a server that offers
// none) the IMAP LOGIN command; kPlain and kLogin: only SASL PLAIN, only SASL LOGIN.
enum class ImapLogin { kAuto, kPlain, kLogin };

// Where the server is and how to log in.
struct ImapServer {
  // imaps://host[:port] (implicit TLS, port 993 by default) or imap://host[:port] (STARTTLS, which the
  // server must offer: the connection never goes on in plain text; port 143 by default).
  std::string url;
  std::string user;
  std::string password;  // a secret: never in a message
  std::string ca_file;   // PEM file of the authorities to trust; empty: the system's
  ImapLogin login = ImapLogin::kAuto;
  std::chrono::milliseconds timeout{60'000};  // to connect and log in, and for each answer to come
};

// What one command answered: the untagged responses before its completion, then the completion's
// condition ("OK", "NO" or "BAD") and the rest of its line.
struct ImapReply {
  std::vector<ImapResponse> untagged;
  std::string condition;
  std::string text;
  bool ok() const { return condition == "OK"; }
};

// A connection, logged in. Not thread-safe: one owner runs one command at a time. Once a command has failed
// (Unavailable or Cancelled) the connection is broken for good: the owner opens a new one.
class ImapConnection {
 public:
  // Connects and logs in. Unavailable when the server cannot be reached or the connection drops (refused,
  // timed out, TLS handshake failed); InvalidArgument when the configuration is at fault: the login was
  // refused, the certificate did not verify, STARTTLS is not offered, the URL is not imap:// or imaps://.
  // `cancelled` is asked while waiting for the server; it must outlive the connection.
  static sdk::Result<std::unique_ptr<ImapConnection>> Open(const ImapServer& server, std::function<bool()> cancelled);

  ~ImapConnection();
  ImapConnection(const ImapConnection&) = delete;
  ImapConnection& operator=(const ImapConnection&) = delete;

  // Sends `command` (without its tag, e.g. `EXAMINE "INBOX"`) and reads until its tagged completion. A NO or
  // BAD completion is a reply like any other. Unavailable when the connection fails, closes, or the server
  // says BYE or keeps silent for the timeout; Cancelled when asked to stop. Either breaks the connection.
  sdk::Result<ImapReply> Run(std::string_view command);

  bool broken() const { return broken_; }

 private:
  struct Handle;
  ImapConnection(std::unique_ptr<Handle> handle, std::function<bool()> cancelled);
  sdk::Status Send(std::string_view bytes);
  sdk::Result<ImapResponse> Receive();
  sdk::Status Fail(sdk::Status status);

  std::unique_ptr<Handle> handle_;
  std::function<bool()> cancelled_;
  ImapResponseReader reader_;
  unsigned next_tag_ = 1;
  bool broken_ = false;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_CONNECTION_HPP_
