#include "email/mime_headers.hpp"

#include <regex>
#include <string>
#include <vector>

#include "email/ascii_text.hpp"
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

// The charset the first text part (depth first) declares; empty when none does.
std::string FirstTextCharset(GMimeObject* object) {
  if (object == nullptr) return "";
  if (GMIME_IS_MULTIPART(object)) {
    for (int i = 0; i < g_mime_multipart_get_count(GMIME_MULTIPART(object)); ++i) {
      std::string charset = FirstTextCharset(g_mime_multipart_get_part(GMIME_MULTIPART(object), i));
      if (!charset.empty()) return charset;
    }
    return "";
  }
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr || !g_mime_content_type_is_type(type, "text", "*")) return "";
  const char* charset = g_mime_content_type_get_parameter(type, "charset");
  return charset == nullptr ? "" : DecoderCharsetName(charset);
}

// The options header text is decoded with: the shared ones; or, when the message's text declares a charset
// other than UTF-8 and ASCII, a copy whose fallback for raw 8-bit header text tries that charset after
// UTF-8 and before GB18030 (clients that write raw 8-bit headers write them in the body's charset).
class HeaderOptions {
 public:
  explicit HeaderOptions(GMimeMessage* message) {
    std::string charset = FirstTextCharset(g_mime_message_get_mime_part(message));
    std::string lower = AsciiLower(charset);
    if (charset.empty() || lower == "utf-8" || lower == "us-ascii") return;
    own_ = g_mime_parser_options_clone(SharedParserOptions());
    const char* fallback[] = {"UTF-8", charset.c_str(), "GB18030", nullptr};
    g_mime_parser_options_set_fallback_charsets(own_, fallback);
  }
  ~HeaderOptions() {
    if (own_ != nullptr) g_mime_parser_options_free(own_);
  }
  HeaderOptions(const HeaderOptions&) = delete;
  HeaderOptions& operator=(const HeaderOptions&) = delete;

  GMimeParserOptions* get() const { return own_ != nullptr ? own_ : SharedParserOptions(); }

 private:
  GMimeParserOptions* own_ = nullptr;
};

std::string Trimmed(std::string_view text) { return std::string(TrimmedOf(text, " \t\r\n")); }

// `text` cut after every base64 encoded word that ends in '=' padding, the blanks before an encoded word that
// follows such a cut dropped (RFC 2047: blanks between encoded words are not text). Debian 12's GMime (3.2.13)
// decodes adjacent base64 words of one charset as one stream and loses everything after a padded one
// (jstedfast/gmime#133, fixed upstream) — GMime itself writes such subjects when it folds one. A padded word
// is complete, so decoding the pieces apart loses nothing.
std::vector<std::string> PiecesAfterPaddedWords(const std::string& text) {
  static const std::regex kPaddedWord(R"(=\?[^?\s]+\?[bB]\?[A-Za-z0-9+/]*=+\?=)");
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPaddedWord); it != std::sregex_iterator(); ++it) {
    const std::size_t end = static_cast<std::size_t>(it->position() + it->length());
    pieces.push_back(text.substr(start, end - start));
    start = end;
    const std::size_t next = text.find_first_not_of(" \t", start);
    if (next != std::string::npos && text.compare(next, 2, "=?") == 0) start = next;
  }
  if (start < text.size()) pieces.push_back(text.substr(start));
  return pieces;
}

std::string DecodedHeaderText(const std::string& raw, const HeaderOptions& options) {
  if (raw.empty()) return "";
  std::string unfolded = TakeGString(g_mime_utils_header_unfold(raw.c_str()));
  std::string decoded;
  for (const std::string& piece : PiecesAfterPaddedWords(unfolded)) {
    decoded += TakeGString(g_mime_utils_header_decode_text(options.get(), piece.c_str()));
  }
  return Trimmed(decoded);
}

std::vector<MailAddress> Mailboxes(GMimeMessage* message, const char* name, const HeaderOptions& options) {
  std::vector<MailAddress> mailboxes;
  std::string raw = RawHeader(message, name);
  if (raw.empty()) return mailboxes;
  GObjectPtr<InternetAddressList> list(internet_address_list_parse(options.get(), raw.c_str()));
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

void ReadEnvelope(GMimeMessage* message, MimeMessage* out) {
  HeaderOptions options(message);
  std::vector<MailAddress> from = Mailboxes(message, "From", options);
  if (!from.empty()) out->from = from.front();
  out->to = Mailboxes(message, "To", options);
  out->cc = Mailboxes(message, "Cc", options);
  out->subject = DecodedHeaderText(RawHeader(message, "Subject"), options);
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
