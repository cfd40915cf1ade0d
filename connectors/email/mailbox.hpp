// Where the email connector's messages come from: a Maildir folder tree or an IMAP account, behind one
// interface, so that the plugin turns messages into records the same way whatever the store of mail is.
#ifndef HUB_EMAIL_MAILBOX_HPP_
#define HUB_EMAIL_MAILBOX_HPP_

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::email {

// One message as the mailbox holds it: its bytes (RFC 5322, unparsed), the folder it was found in
// ("INBOX", "Sales/China"), and `position`, a text naming it within this mailbox for error messages and
// quarantine entries ("INBOX uid 4711 (uidvalidity 1700000000)", "cur/1700000000.M1P2.host:2,S"), and
// `received_at`, when the mailbox got it if it knows (a Maildir delivery time, an IMAP INTERNALDATE): the
// message's time when it has no Date.
struct MailboxMessage {
  std::string folder;
  std::string position;
  std::string bytes;
  std::optional<std::chrono::sys_seconds> received_at;
};

// What one read returns. Reading again from `next_cursor` continues after the last message returned:
// a message is never returned after the cursor that follows it, and none that arrived before a cursor
// is skipped by it. `end_of_data` is set when the mailbox has nothing more right now.
struct MailboxPage {
  std::vector<MailboxMessage> messages;
  std::string next_cursor;
  bool end_of_data = false;
};

// A store of mail read in order. The cursor is the implementation's own opaque text (empty: from the
// beginning); a cursor it cannot read is an InvalidArgument naming what is wrong. When the mailbox says
// its old positions mean nothing any more (an IMAP folder whose UIDVALIDITY changed), the folder is read
// again from its start: the plugin stays idempotent through each message's Message-ID. Errors: Unavailable
// when the server or folder cannot be reached (the run is retried later, the cursor unchanged), DataError
// for what a retry cannot mend. Not thread-safe: one caller at a time.
class Mailbox {
 public:
  virtual ~Mailbox() = default;
  virtual sdk::Result<MailboxPage> Read(std::string_view cursor, std::size_t max_messages) = 0;
  // Whether the mailbox can be reached now (a login for IMAP, the folder's presence for Maildir).
  virtual sdk::Status CheckHealth() = 0;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAILBOX_HPP_
