// A real Maildir++ tree written by a test: new/, cur/ and tmp/ per folder, messages delivered under
// Maildir file names, moved and flagged the way a mail reader does it.
#ifndef HUB_TESTS_CONNECTORS_EMAIL_MAILDIR_TREE_HPP_
#define HUB_TESTS_CONNECTORS_EMAIL_MAILDIR_TREE_HPP_

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

namespace hub::email {

// Owns nothing: writes under `root` (which a TempDir owns). Tests only: throws on a file system error.
class MaildirTree {
 public:
  explicit MaildirTree(std::filesystem::path root) : root_(std::move(root)) { MakeFolder("INBOX"); }

  const std::filesystem::path& root() const { return root_; }

  // The folder's directory, made with new/, cur/ and tmp/ ("INBOX" is the root, others ".<name>").
  std::filesystem::path MakeFolder(const std::string& folder) {
    const std::filesystem::path dir = folder == "INBOX" ? root_ : root_ / ("." + folder);
    for (const char* sub : {"new", "cur", "tmp"}) std::filesystem::create_directories(dir / sub);
    return dir;
  }

  // Delivers `bytes` as an MDA does (written in tmp/, renamed into new/) under the unique name
  // "<delivered>.M<n>P1.test"; answers the unique name.
  std::string Deliver(const std::string& folder, long delivered, const std::string& bytes) {
    const std::filesystem::path dir = MakeFolder(folder);
    const std::string unique = std::to_string(delivered) + ".M" + std::to_string(++deliveries_) + "P1.test";
    std::ofstream(dir / "tmp" / unique, std::ios::binary) << bytes;
    std::filesystem::rename(dir / "tmp" / unique, dir / "new" / unique);
    return unique;
  }

  // What a mail reader does on seeing a message: moves it from new/ to cur/ with the flags `flags`, or
  // changes the flags of one already in cur/.
  void Flag(const std::string& folder, const std::string& unique, const std::string& flags) {
    const std::filesystem::path dir = MakeFolder(folder);
    for (const char* sub : {"new", "cur"}) {
      for (const auto& entry : std::filesystem::directory_iterator(dir / sub)) {
        const std::string name = entry.path().filename().string();
        if (name.substr(0, name.find(':')) != unique) continue;
        std::filesystem::rename(entry.path(), dir / "cur" / (unique + ":2," + flags));
        return;
      }
    }
    throw std::runtime_error("no message " + unique + " in " + folder);
  }

  // Every file under the tree with its size and modification time, to tell that a reader changed nothing.
  std::map<std::string, std::string> Snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
      const std::string relative = std::filesystem::relative(entry.path(), root_).string();
      files[relative] = entry.is_regular_file() ? std::to_string(entry.file_size()) + "@" +
                                                      std::to_string(entry.last_write_time().time_since_epoch().count())
                                                : "dir";
    }
    return files;
  }

 private:
  std::filesystem::path root_;
  int deliveries_ = 0;
};

// A small message from `from` to `to` with that Message-ID and subject, and `body` as its text.
inline std::string SimpleMessage(const std::string& message_id, const std::string& from, const std::string& to,
                                 const std::string& subject, const std::string& body) {
  return "Message-ID: <" + message_id + ">\r\nFrom: " + from + "\r\nTo: " + to +
         "\r\nDate: Tue, 14 Nov 2023 09:30:00 +0800\r\nSubject: " + subject +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         body;
}

}  // namespace hub::email

#endif  // HUB_TESTS_CONNECTORS_EMAIL_MAILDIR_TREE_HPP_
