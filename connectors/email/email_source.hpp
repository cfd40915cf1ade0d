// The email connector without its plugin boundary: a mailbox read as batches of activity records.
#ifndef HUB_EMAIL_EMAIL_SOURCE_HPP_
#define HUB_EMAIL_EMAIL_SOURCE_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "email/attachment_store.hpp"
#include "email/mailbox.hpp"
#include "email/message_record.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// Reads `mailbox` with the semantics of Connector::ReadBatch: each page of messages becomes a batch, each
// message one MessageRecord (or, when the reader refuses it, a RefusedMessageRecord the hub quarantines), the
// batch's cursor the page's. With `attachments`, every attachment's bytes are kept there before the batch is
// given; a failure to keep them fails the read (the cursor does not move, nothing is lost). Not thread-safe:
// one call at a time, as the hub does with a connector.
class EmailSource {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // `clock`: the time for a message with neither Date nor a mailbox time; empty: the system clock.
  EmailSource(std::unique_ptr<Mailbox> mailbox, MessageRules rules, std::optional<AttachmentStore> attachments,
              Clock clock = {});

  // At most max_records records after `cursor` ("" for the beginning); the mailbox's errors as they are.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  sdk::Status CheckHealth() { return mailbox_->CheckHealth(); }

 private:
  sdk::Result<sdk::Record> RecordOf(const MailboxMessage& message) const;

  std::unique_ptr<Mailbox> mailbox_;
  MessageRules rules_;
  std::optional<AttachmentStore> attachments_;
  Clock clock_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_EMAIL_SOURCE_HPP_
