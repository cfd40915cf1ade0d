// One mail message as the record the email connector gives the hub: the activity it is, with what the
// message says about the other side (address, company domain, name, phone, company) and what they ask for.
#ifndef HUB_EMAIL_MESSAGE_RECORD_HPP_
#define HUB_EMAIL_MESSAGE_RECORD_HPP_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "email/mail_domains.hpp"
#include "email/mailbox.hpp"
#include "email/mime_message.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// How messages become records in one connector instance. Immutable once built; thread-safe.
struct MessageRules {
  MailDomains domains{DefaultFreeMailDomains(), {}};
  std::vector<std::string> need_keywords;  // mail_need.hpp
  std::size_t summary_max_chars = 2000;
};

// The record (entity "activity", source id the Message-ID, so the same message in two folders or read twice
// is one activity; position the mailbox's) with the fields:
//   message_id, message_id_derived (bool), folder, in_reply_to, from, to (addresses, comma-separated),
//   kind "email";
//   direction  "outbound" when From is one of rules.domains' own addresses, else "inbound";
//   email      the other side's address: From when inbound, the first To that is not our own (else the
//              first To) when outbound; contact_name its display name;
//   web_domain its registrable domain unless free mail or our own (MailDomains::CompanyDomain);
//   subject;   summary the sender's own text (SplitMailText's body) cut to summary_max_chars;
//   occurred_at the Date, else the mailbox's received_at, else `now` (a timestamp);
//   phone, company_name  from an inbound message's signature (FindPhoneNumber, FindCompanyName);
//   need       of an inbound message (FindNeed);
//   attachments  JSON [{"name", "content_type", "size", "sha256", "content_id", "inline"}] and
//              attachment_count, when it has any.
// A field with nothing to say is left out. Pure function, thread-safe.
sdk::Record MessageRecord(const MailboxMessage& source, const MimeMessage& message, const MessageRules& rules,
                          std::chrono::system_clock::time_point now);

// The record the hub quarantines for a message the reader refused (not a message at all): entity
// "activity", source id and position the message's position (which names its folder), rejection why; the hub's
// quarantine reason reads "<position>: <why>". The message stays where it is in the mailbox (nothing is
// lost). Pure.
sdk::Record RefusedMessageRecord(const MailboxMessage& source, const sdk::Status& why);

}  // namespace hub::email

#endif  // HUB_EMAIL_MESSAGE_RECORD_HPP_
