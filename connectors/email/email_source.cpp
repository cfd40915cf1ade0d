#include "email/email_source.hpp"

#include <utility>

#include "email/mime_parser.hpp"

namespace hub::email {

EmailSource::EmailSource(std::unique_ptr<Mailbox> mailbox, MessageRules rules,
                         std::optional<AttachmentStore> attachments, Clock clock)
    : mailbox_(std::move(mailbox)),
      rules_(std::move(rules)),
      attachments_(std::move(attachments)),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })) {}

sdk::Result<sdk::Record> EmailSource::RecordOf(const MailboxMessage& message) const {
  sdk::Status kept = sdk::Status::Ok();
  AttachmentBytes keep;
  if (attachments_) {
    keep = [&](const MailAttachment& attachment, std::string_view bytes) {
      if (kept.ok()) kept = attachments_->Keep(attachment.sha256, bytes);
    };
  }
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(message.bytes, keep);
  if (!parsed.ok()) return RefusedMessageRecord(message, parsed.status());
  if (!kept.ok()) return kept.WithContext("keeping the attachments of " + message.position);
  return MessageRecord(message, *parsed, rules_, clock_());
}

sdk::Result<sdk::Batch> EmailSource::ReadBatch(std::string_view cursor, std::size_t max_records) {
  sdk::Result<MailboxPage> page = mailbox_->Read(cursor, max_records);
  if (!page.ok()) return page.status();
  sdk::Batch batch;
  batch.records.reserve(page->messages.size());
  for (const MailboxMessage& message : page->messages) {
    sdk::Result<sdk::Record> record = RecordOf(message);
    if (!record.ok()) return record.status();
    batch.records.push_back(std::move(*record));
  }
  batch.next_cursor = std::move(page->next_cursor);
  batch.end_of_data = page->end_of_data;
  return batch;
}

}  // namespace hub::email
