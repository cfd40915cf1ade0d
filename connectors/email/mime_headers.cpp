#include "email/mime_headers.hpp"

#include <string>
#include <vector>

#include "email/gmime_support.hpp"
#include "email/mime_charset.hpp"
#include "email/sha256_hex.hpp"

namespace hub::email {
namespace {

constexpr std::string_view kDerivedIdDomain = "@derived.hub.invalid";

// The raw (undecoded) value of the first header field `name`, with its GB labels widened; empty when absent.
std::string RawHeader(GMimeMessage* message, const char* name) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
  GMimeHeader* header = g_mime_header_list_get_header(headers, name);
  if (header == nullptr) return "";
  const char* raw = g_mime_header_get_raw_value(header);
  return raw == nullptr ? "" : WidenGbCharsetLabels(raw);
}

std::string Trimmed(std::string text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string DecodedHeaderText(const std::string& raw) {
  if (raw.empty()) return "";
  std::string unfolded = TakeGString(g_mime_utils_header_unfold(raw.c_str()));
  return Trimmed(TakeGString(g_mime_utils_header_decode_text(SharedParserOptions(), unfolded.c_str())));
}

void AppendMailboxes(InternetAddressList* list, std::vector<MailAddress>* out) {
  int count = list == nullptr ? 0 : internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      AppendMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
      continue;
    }
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    const char* name = internet_address_get_name(address);
    out->push_back(MailAddress{addr == nullptr ? "" : addr, name == nullptr ? "" : Trimmed(name)});
  }
}

std::vector<MailAddress> Mailboxes(GMimeMessage* message, const char* name) {
  std::vector<MailAddress> mailboxes;
  std::string raw = RawHeader(message, name);
  if (raw.empty()) return mailboxes;
  GObjectPtr<InternetAddressList> list(internet_address_list_parse(SharedParserOptions(), raw.c_str()));
  AppendMailboxes(list.get(), &mailboxes);
  return mailboxes;
}

std::vector<std::string> MessageIds(GMimeMessage* message, const char* name) {
  std::vector<std::string> ids;
  const char* value = g_mime_object_get_header(GMIME_OBJECT(message), name);
  if (value == nullptr) return ids;
  GMimeReferences* references = g_mime_references_parse(SharedParserOptions(), value);
  if (references == nullptr) return ids;
  for (int i = 0; i < g_mime_references_length(references); ++i) {
    ids.emplace_back(g_mime_references_get_message_id(references, i));
  }
  g_mime_references_free(references);
  return ids;
}

// The stable stand-in for an absent Message-ID (mime_message.hpp).
std::string DerivedMessageId(GMimeMessage* message, const MimeMessage& read) {
  std::string date = read.date ? std::to_string(read.date->time_since_epoch().count()) : RawHeader(message, "Date");
  return Sha256Hex(read.from.address + '\n' + Trimmed(date) + '\n' + read.subject) + std::string(kDerivedIdDomain);
}

}  // namespace

void ReadEnvelope(GMimeMessage* message, MimeMessage* out) {
  std::vector<MailAddress> from = Mailboxes(message, "From");
  if (!from.empty()) out->from = from.front();
  out->to = Mailboxes(message, "To");
  out->cc = Mailboxes(message, "Cc");
  out->subject = DecodedHeaderText(RawHeader(message, "Subject"));
  if (GDateTime* date = g_mime_message_get_date(message); date != nullptr) {
    out->date = std::chrono::sys_seconds(std::chrono::seconds(g_date_time_to_unix(date)));
  }
  std::vector<std::string> in_reply_to = MessageIds(message, "In-Reply-To");
  if (!in_reply_to.empty()) out->in_reply_to = in_reply_to.front();
  out->references = MessageIds(message, "References");
  const char* message_id = g_mime_message_get_message_id(message);
  out->message_id = message_id == nullptr ? "" : Trimmed(message_id);
  out->message_id_derived = out->message_id.empty();
  if (out->message_id_derived) out->message_id = DerivedMessageId(message, *out);
}

}  // namespace hub::email
