#include "test_mail_folder.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

#include <curl/curl.h>

#include "email/imap_command.hpp"
#include "email/imap_replies.hpp"

namespace hub::email {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

struct Upload {
  std::string_view bytes;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t taken = std::min(size * count, upload->bytes.size());
  std::copy_n(upload->bytes.data(), taken, buffer);
  upload->bytes.remove_prefix(taken);
  return taken;
}

// One message through Postfix's SMTP port for loopback (no AUTH; STARTTLS when offered), on `curl`, whose
// connection libcurl keeps for the next message.
sdk::Status SendMail(CURL* curl, const TestMailServers& servers, const std::string& to, std::string_view message) {
  const std::string url = "smtp://localhost:" + std::to_string(servers.smtp_port);
  const std::string from = "<tests@" + servers.domain + ">";
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  Upload upload{message};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_CAINFO, servers.ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  if (code != CURLE_OK) return sdk::Status::Unavailable(std::string("SMTP: ") + curl_easy_strerror(code));
  return sdk::Status::Ok();
}

ImapServer Account(const TestMailServers& servers, const std::string& scheme, int port, bool second) {
  ImapServer server;
  server.url = scheme + "://localhost:" + std::to_string(port);
  server.user = second ? servers.user2 : servers.user;
  server.password = second ? servers.password2 : servers.password;
  server.ca_file = servers.ca_file;
  server.timeout = std::chrono::seconds(30);
  return server;
}

}  // namespace

std::optional<TestMailServers> TestMailServers::FromEnvironment() {
  if (Env("HUB_TEST_MAIL_DIR").empty() || Env("HUB_TEST_IMAPS_PORT").empty()) return std::nullopt;
  TestMailServers servers;
  servers.domain = Env("HUB_TEST_MAIL_DOMAIN");
  servers.user = Env("HUB_TEST_MAIL_USER");
  servers.password = Env("HUB_TEST_MAIL_PASSWORD");
  servers.user2 = Env("HUB_TEST_MAIL_USER2");
  servers.password2 = Env("HUB_TEST_MAIL_PASSWORD2");
  servers.ca_file = Env("HUB_TEST_MAIL_CA");
  servers.dir = Env("HUB_TEST_MAIL_DIR");
  servers.imap_port = std::atoi(Env("HUB_TEST_IMAP_PORT").c_str());
  servers.imaps_port = std::atoi(Env("HUB_TEST_IMAPS_PORT").c_str());
  servers.smtp_port = std::atoi(Env("HUB_TEST_SMTP_PORT").c_str());
  servers.submission_port = std::atoi(Env("HUB_TEST_SUBMISSION_PORT").c_str());
  servers.smtps_port = std::atoi(Env("HUB_TEST_SMTPS_PORT").c_str());
  return servers;
}

ImapServer TestMailServers::Imaps(bool second) const { return Account(*this, "imaps", imaps_port, second); }
ImapServer TestMailServers::StartTls(bool second) const { return Account(*this, "imap", imap_port, second); }

int UnusedLoopbackPort() {
  const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(socket_fd);
  return ntohs(address.sin_port);
}

std::string TestMessage(std::string_view message_id, std::string_view subject, std::string_view body,
                        std::string_view from) {
  std::string text = "From: " + std::string(from) + "\nTo: sales@hub.test\nSubject: " + std::string(subject) +
                     "\nMessage-ID: <" + std::string(message_id) +
                     ">\nDate: Tue, 01 Dec 2026 09:30:00 +0800\nMIME-Version: 1.0\n"
                     "Content-Type: text/plain; charset=utf-8\n\n" +
                     std::string(body);
  if (text.back() != '\n') text += '\n';
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  return crlf;
}

sdk::Result<TestMailFolder> TestMailFolder::Create(const TestMailServers& servers, const ImapServer& account,
                                                   std::string_view prefix) {
  static std::atomic<int> serial{0};
  TestMailFolder folder(servers, account,
                        std::string(prefix) + "-" + std::to_string(getpid()) + "-" + std::to_string(++serial));
  HUB_RETURN_IF_ERROR(folder.Recreate());
  return folder;
}

sdk::Result<ImapReply> TestMailFolder::Run(ImapConnection& connection, const std::string& command) {
  sdk::Result<ImapReply> reply = connection.Run(command);
  if (reply.ok() && !reply->ok()) {
    return sdk::Status::Unavailable(command + ": " + reply->condition + " " + reply->text);
  }
  return reply;
}

sdk::Status TestMailFolder::Recreate() {
  sdk::Result<std::unique_ptr<ImapConnection>> connection = ImapConnection::Open(account_, {});
  if (!connection.ok()) return connection.status();
  (void)(*connection)->Run("DELETE " + QuotedMailboxName(name_));  // NO when it is not there
  sdk::Result<ImapReply> created = Run(**connection, "CREATE " + QuotedMailboxName(name_));
  return created.ok() ? sdk::Status::Ok() : created.status();
}

sdk::Status TestMailFolder::Deliver(const std::vector<std::string>& messages) {
  const std::string marker = name_ + "-d" + std::to_string(++deliveries_);
  const std::unique_ptr<CURL, void (*)(CURL*)> smtp(curl_easy_init(), curl_easy_cleanup);
  for (const std::string& message : messages) {
    HUB_RETURN_IF_ERROR(SendMail(smtp.get(), servers_, account_.user + "@" + servers_.domain,
                                 "X-Hub-Test: " + marker + "\r\n" + message));
  }
  sdk::Result<std::unique_ptr<ImapConnection>> connection = ImapConnection::Open(account_, {});
  if (!connection.ok()) return connection.status();
  sdk::Result<ImapReply> selected = Run(**connection, "SELECT INBOX");
  if (!selected.ok()) return selected.status();
  // Postfix hands the messages to Dovecot on its own time: wait for all of them, with a deadline.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    sdk::Result<ImapReply> found = Run(**connection, "UID SEARCH HEADER X-Hub-Test \"" + marker + "\"");
    if (!found.ok()) return found.status();
    sdk::Result<std::vector<std::uint32_t>> uids = SearchedUids(*found);
    if (!uids.ok()) return uids.status();
    if (uids->size() >= messages.size()) {
      sdk::Result<ImapReply> moved = Run(**connection, "UID MOVE " + UidSet(*uids) + " " + QuotedMailboxName(name_));
      return moved.ok() ? sdk::Status::Ok() : moved.status();
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return sdk::Status::Unavailable("only " + std::to_string(uids->size()) + " of " +
                                      std::to_string(messages.size()) + " messages arrived in INBOX");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

sdk::Status TestMailFolder::Append(std::string_view message) {
  sdk::Result<std::unique_ptr<ImapConnection>> connection = ImapConnection::Open(account_, {});
  if (!connection.ok()) return connection.status();
  sdk::Result<ImapReply> appended =
      Run(**connection, "APPEND " + QuotedMailboxName(name_) + " {" + std::to_string(message.size()) + "+}\r\n" +
                            std::string(message));
  return appended.ok() ? sdk::Status::Ok() : appended.status();
}

sdk::Result<std::vector<std::string>> TestMailFolder::Flags() {
  sdk::Result<std::unique_ptr<ImapConnection>> connection = ImapConnection::Open(account_, {});
  if (!connection.ok()) return connection.status();
  if (sdk::Result<ImapReply> examined = Run(**connection, "EXAMINE " + QuotedMailboxName(name_)); !examined.ok()) {
    return examined.status();
  }
  sdk::Result<ImapReply> reply = Run(**connection, "UID FETCH 1:* (FLAGS)");
  if (!reply.ok()) return reply.status();
  std::vector<std::string> flags;
  for (const ImapResponse& response : reply->untagged) {
    const std::size_t open = response.text.find("FLAGS (");
    if (open == std::string::npos) continue;
    const std::size_t start = open + 7;
    flags.push_back(response.text.substr(start, response.text.find(')', start) - start));
  }
  return flags;
}

}  // namespace hub::email
