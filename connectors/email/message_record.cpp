#include "email/message_record.hpp"

#include <boost/json.hpp>
#include <utility>

#include "email/mail_need.hpp"
#include "email/mail_text.hpp"
#include "email/signature_facts.hpp"

namespace hub::email {
namespace {

using sdk::Value;

void SetText(sdk::Record& record, std::string name, std::string text) {
  if (!text.empty()) record.Set(std::move(name), Value::String(std::move(text)));
}

std::string AddressList(const std::vector<MailAddress>& addresses) {
  std::string list;
  for (const MailAddress& address : addresses) {
    if (address.address.empty()) continue;
    if (!list.empty()) list += ", ";
    list += address.address;
  }
  return list;
}

// The other side of an outbound message: the first recipient not our own, else the first.
MailAddress Recipient(const MimeMessage& message, const MailDomains& domains) {
  for (const MailAddress& to : message.to) {
    if (!to.address.empty() && !domains.IsOwn(to.address)) return to;
  }
  return message.to.empty() ? MailAddress{} : message.to.front();
}

std::int64_t UnixMs(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

std::chrono::system_clock::time_point OccurredAt(const MailboxMessage& source, const MimeMessage& message,
                                                 std::chrono::system_clock::time_point now) {
  if (message.date) return *message.date;
  if (source.received_at) return *source.received_at;
  return now;
}

std::string AttachmentsJson(const std::vector<MailAttachment>& attachments) {
  boost::json::array list;
  for (const MailAttachment& attachment : attachments) {
    list.push_back(boost::json::object{{"name", attachment.name},
                                       {"content_type", attachment.content_type},
                                       {"size", attachment.size},
                                       {"sha256", attachment.sha256},
                                       {"content_id", attachment.content_id},
                                       {"inline", attachment.is_inline}});
  }
  return boost::json::serialize(list);
}

// The other side's phone, company and need, from what an inbound message's sender wrote.
void SetSenderFacts(sdk::Record& record, const MimeMessage& message, const MailTextParts& parts,
                    const MessageRules& rules) {
  SetText(record, "phone", FindPhoneNumber(parts.signature));
  SetText(record, "company_name", FindCompanyName(parts.signature));
  SetText(record, "need", FindNeed(message.subject, parts.body, rules.need_keywords));
}

}  // namespace

sdk::Record MessageRecord(const MailboxMessage& source, const MimeMessage& message, const MessageRules& rules,
                          std::chrono::system_clock::time_point now) {
  sdk::Record record;
  record.entity = "activity";
  record.source_id = message.message_id;
  record.position = source.position;
  record.Set("message_id", Value::String(message.message_id));
  record.Set("message_id_derived", Value::Bool(message.message_id_derived));
  SetText(record, "folder", source.folder);
  SetText(record, "in_reply_to", message.in_reply_to);
  SetText(record, "from", message.from.address);
  SetText(record, "to", AddressList(message.to));
  record.Set("kind", Value::String("email"));
  const bool outbound = !message.from.address.empty() && rules.domains.IsOwn(message.from.address);
  record.Set("direction", Value::String(outbound ? "outbound" : "inbound"));
  const MailAddress other = outbound ? Recipient(message, rules.domains) : message.from;
  SetText(record, "email", other.address);
  SetText(record, "contact_name", other.display_name);
  SetText(record, "web_domain", rules.domains.CompanyDomain(other.address));
  SetText(record, "subject", message.subject);
  const MailTextParts parts = SplitMailText(message.text);
  SetText(record, "summary", BoundedText(parts.body, rules.summary_max_chars));
  record.Set("occurred_at", Value::Timestamp(UnixMs(OccurredAt(source, message, now))));
  if (!outbound) SetSenderFacts(record, message, parts, rules);
  if (!message.attachments.empty()) {
    record.Set("attachments", Value::String(AttachmentsJson(message.attachments)));
    record.Set("attachment_count", Value::Int64(static_cast<std::int64_t>(message.attachments.size())));
  }
  return record;
}

sdk::Record RefusedMessageRecord(const MailboxMessage& source, const sdk::Status& why) {
  sdk::Record record;
  record.entity = "activity";
  record.source_id = source.position;
  record.position = source.position;
  record.rejection = why.message();  // the hub puts the position, which names the folder, in front
  return record;
}

}  // namespace hub::email
