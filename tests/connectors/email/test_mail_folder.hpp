// The mail servers scripts/lib/mail_servers.sh starts, as the IMAP tests use them: where they are, and a
// folder of one test's own filled with mail delivered through Postfix, so that tests running at once never
// see each other's messages.
#ifndef HUB_TESTS_CONNECTORS_EMAIL_TEST_MAIL_FOLDER_HPP_
#define HUB_TESTS_CONNECTORS_EMAIL_TEST_MAIL_FOLDER_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "email/imap_connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// What start_mail_servers exported; nothing when it started none (not root, or the packages are missing).
struct TestMailServers {
  std::string domain;
  std::string user, password;    // HUB_TEST_MAIL_USER / _PASSWORD
  std::string user2, password2;  // HUB_TEST_MAIL_USER2 / _PASSWORD2
  std::string ca_file;
  std::string dir;  // HUB_TEST_MAIL_DIR: dovecot.conf is in it
  int imap_port = 0, imaps_port = 0, smtp_port = 0;
  int submission_port = 0, smtps_port = 0;  // AUTH required: STARTTLS required / implicit TLS

  static std::optional<TestMailServers> FromEnvironment();
  // The first user's (or with `second`, the second user's) account over implicit TLS or STARTTLS.
  ImapServer Imaps(bool second = false) const;
  ImapServer StartTls(bool second = false) const;
};

// A loopback port nothing listens on (the kernel's pick, released at once): a server that is down.
int UnusedLoopbackPort();

// A message from `from` to sales@hub.test with the given Message-ID (without <>), subject and body, LF line ends
// turned into CRLF.
std::string TestMessage(std::string_view message_id, std::string_view subject, std::string_view body,
                        std::string_view from = "Li Wei <li.wei@example.cn>");

// A folder of its own in `account`, named "<prefix>-<pid>-<n>", created empty (deleted first if there).
// Not thread-safe.
class TestMailFolder {
 public:
  static sdk::Result<TestMailFolder> Create(const TestMailServers& servers, const ImapServer& account,
                                            std::string_view prefix);

  // Sends each message through Postfix's SMTP port to the account's address (marked with a header of its
  // own), waits until all of them are in its INBOX, and moves them into this folder.
  sdk::Status Deliver(const std::vector<std::string>& messages);
  // Stores `message` in this folder as it is, byte for byte (IMAP APPEND with a LITERAL+ literal): for
  // messages an MTA would change, such as lines longer than SMTP allows.
  sdk::Status Append(std::string_view message);
  // Deletes the folder and creates it again, empty: the server gives it a new UIDVALIDITY.
  sdk::Status Recreate();
  // The flags of every message in the folder ("\\Seen \\Recent" ...), one entry a message.
  sdk::Result<std::vector<std::string>> Flags();

  const std::string& name() const { return name_; }

 private:
  TestMailFolder(TestMailServers servers, ImapServer account, std::string name)
      : servers_(std::move(servers)), account_(std::move(account)), name_(std::move(name)) {}
  sdk::Result<ImapReply> Run(ImapConnection& connection, const std::string& command);

  TestMailServers servers_;
  ImapServer account_;
  std::string name_;
  int deliveries_ = 0;
};

}  // namespace hub::email

#endif  // HUB_TESTS_CONNECTORS_EMAIL_TEST_MAIL_FOLDER_HPP_
