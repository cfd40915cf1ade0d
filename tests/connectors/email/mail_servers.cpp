#include "mail_servers.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <system_error>
#include <thread>

#include "email/mime_parser.hpp"

namespace hub::email::test {
namespace {

namespace fs = std::filesystem;

std::string Bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<fs::path> MessageFiles(const TestMailServers& servers, const std::string& user) {
  std::vector<fs::path> files;
  for (const char* sub : {"new", "cur"}) {
    std::error_code error;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(fs::path(servers.dir) / "mail" / user / "Maildir" / sub, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  return files;
}

void Postfix(const TestMailServers& servers, const char* command) {
  const std::string line = "postfix -c '" + (fs::path(servers.dir) / "postfix").string() + "' " + command + " >>'" +
                           (fs::path(servers.dir) / "postfix.log").string() + "' 2>&1";
  if (std::system(line.c_str()) != 0 && std::string(command) == "start") std::abort();
}

// True when Postfix holds no mail any more (all of it handed to Dovecot).
bool QueueEmpty(const TestMailServers& servers) {
  const std::string line = "postqueue -c '" + (fs::path(servers.dir) / "postfix").string() +
                           "' -p 2>/dev/null | grep -q 'Mail queue is empty'";
  return std::system(line.c_str()) == 0;
}

bool Listening(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// Polls `done` every 50 ms until it holds or 30 s have passed; answers whether it held.
bool WaitUntil(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace

std::string UserAddress(const TestMailServers& servers) { return servers.user + "@" + servers.domain; }
std::string SmtpsUrl(const TestMailServers& servers) {
  return "smtps://localhost:" + std::to_string(servers.smtps_port);
}
std::string SubmissionUrl(const TestMailServers& servers) {
  return "smtp://localhost:" + std::to_string(servers.submission_port);
}

std::map<std::string, MimeMessage> StoredMessages(const TestMailServers& servers, const std::string& user) {
  std::map<std::string, MimeMessage> messages;
  for (const fs::path& file : MessageFiles(servers, user)) {
    sdk::Result<MimeMessage> parsed = ParseMimeMessage(Bytes(file));
    if (parsed.ok()) messages.emplace(file.filename().string(), std::move(parsed).value());
  }
  return messages;
}

std::map<std::string, int> MessageIdCounts(const TestMailServers& servers, const std::string& user) {
  std::map<std::string, int> counts;
  for (const auto& [name, message] : StoredMessages(servers, user)) ++counts[message.message_id];
  return counts;
}

std::map<std::string, int> WaitForMessageIds(const TestMailServers& servers, const std::string& user,
                                             const std::vector<std::string>& ids) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::map<std::string, int> found;
  while (true) {
    const std::map<std::string, int> counts = MessageIdCounts(servers, user);
    found.clear();
    for (const std::string& id : ids) {
      if (auto it = counts.find(id); it != counts.end()) found[id] = it->second;
    }
    if ((found.size() == ids.size() && QueueEmpty(servers)) || std::chrono::steady_clock::now() > deadline) {
      return found;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::string WaitForMessageBytes(const TestMailServers& servers, const std::string& user, const std::string& id) {
  WaitForMessageIds(servers, user, {id});
  for (const fs::path& file : MessageFiles(servers, user)) {
    std::string bytes = Bytes(file);
    sdk::Result<MimeMessage> parsed = ParseMimeMessage(bytes);
    if (parsed.ok() && parsed->message_id == id) return bytes;
  }
  return "";
}

std::map<std::string, int> SubmittedMessageIdCounts(const TestMailServers& servers) {
  static const std::regex kAccepted(R"(postfix/cleanup\[\d+\]: \w+: message-id=<([^>]*)>)");
  std::map<std::string, int> counts;
  std::ifstream log(fs::path(servers.dir) / "postfix.log");
  for (std::string line; std::getline(log, line);) {
    std::smatch match;
    if (std::regex_search(line, match, kAccepted)) ++counts[match[1].str()];
  }
  return counts;
}

bool WaitForEmptyQueue(const TestMailServers& servers) {
  return WaitUntil([&] { return QueueEmpty(servers); });
}

void StopSmtpServer(const TestMailServers& servers) { Postfix(servers, "stop"); }
void StartSmtpServer(const TestMailServers& servers) {
  Postfix(servers, "start");
  WaitUntil([&] { return Listening(servers.smtps_port); });
}

}  // namespace hub::email::test
