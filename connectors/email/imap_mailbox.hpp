// The Mailbox of an IMAP account: the configured folders read in order, each from the UID after the last
// one read, over one connection kept open between reads.
#ifndef HUB_EMAIL_IMAP_MAILBOX_HPP_
#define HUB_EMAIL_IMAP_MAILBOX_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "email/imap_connection.hpp"
#include "email/imap_cursor.hpp"
#include "email/mailbox.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

struct ImapMailboxOptions {
  ImapServer server;
  std::vector<std::string> folders{"INBOX"};  // read in this order, names in UTF-8
};

// Reads new mail from an IMAP server without changing it: folders are opened read-only (EXAMINE) and
// messages fetched with BODY.PEEK[], so nothing is marked \Seen. The cursor (imap_cursor.hpp) keeps each
// folder's UIDVALIDITY and last UID read; a page holds the folders' new messages in folder order, each
// folder's in ascending UID. A folder whose UIDVALIDITY changed is read again from its start, with a warning
// in the log. Each message's position reads "INBOX uid 4711 (uidvalidity 1700000000)", its received_at is
// its INTERNALDATE.
// The connection is opened on first use and kept; when a kept connection turns out dropped (the server
// timed it out, restarted), one new connection is made and the read done again. Errors: as Mailbox says —
// Unavailable when the server or a folder cannot be reached (nothing is returned, the cursor stays),
// InvalidArgument for a refused login, an untrusted certificate, a server without STARTTLS on imap:// or a
// cursor that is not this mailbox's, DataError for a server that breaks the protocol, Cancelled when
// `cancelled` says so. Not thread-safe, as Mailbox; `log` and `cancelled` must outlive the mailbox.
class ImapMailbox final : public Mailbox {
 public:
  using LogSink = std::function<void(sdk::LogLevel, std::string_view)>;

  ImapMailbox(ImapMailboxOptions options, LogSink log, std::function<bool()> cancelled);
  ~ImapMailbox() override;

  sdk::Result<MailboxPage> Read(std::string_view cursor, std::size_t max_messages) override;
  // Logs in (or uses the open connection) and sends NOOP.
  sdk::Status CheckHealth() override;

 private:
  // UIDs a search found in one folder, handed out in later reads before the folder is searched again: the
  // UIDs of mail that arrives meanwhile are all higher, so the order stays ascending.
  struct Found {
    std::uint32_t uidvalidity = 0;
    std::uint32_t searched_after = 0;
    std::vector<std::uint32_t> uids;
  };
  struct Chunk {
    std::vector<std::uint32_t> uids;
    bool more = false;  // the folder holds new UIDs past these
  };

  sdk::Result<MailboxPage> ReadPage(ImapCursor cursor, std::size_t max_messages);
  sdk::Status OpenFolder(const std::string& folder, ImapFolderPosition& position);
  sdk::Result<Chunk> NextUids(const std::string& folder, const ImapFolderPosition& position, std::size_t room);
  sdk::Status Fetch(const std::string& folder, const ImapFolderPosition& position,
                    const std::vector<std::uint32_t>& uids, std::vector<MailboxMessage>& out);
  sdk::Result<ImapReply> Command(std::string_view command);
  // Runs `attempt`; when it failed because the kept connection had dropped, runs it once more on a new one.
  template <typename Attempt>
  auto WithOneReconnect(Attempt attempt) -> decltype(attempt());
  void Log(sdk::LogLevel level, const std::string& message) const;

  ImapMailboxOptions options_;
  LogSink log_;
  std::function<bool()> cancelled_;
  std::unique_ptr<ImapConnection> connection_;
  bool connection_dropped_ = false;  // a command found the connection gone since the last attempt began
  std::map<std::string, Found, std::less<>> found_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_MAILBOX_HPP_
