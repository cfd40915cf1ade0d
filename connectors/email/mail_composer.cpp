#include "email/mail_composer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "email/gmime_support.hpp"
#include "email/mime_headers.hpp"

namespace hub::email {
namespace {

bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::strchr("!#$%&'*+-/=?^_`{|}~.", c) != nullptr && c != '\0';
}

bool LooksLikeAddress(std::string_view address) {
  const std::size_t at = address.rfind('@');
  return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find_first_of(" \t\r\n<>,;") == std::string_view::npos;
}

InternetAddress* Mailbox(const MailAddress& address) {
  return internet_address_mailbox_new(address.display_name.empty() ? nullptr : address.display_name.c_str(),
                                      address.address.c_str());
}

// A text part holding `text` as UTF-8 (GMime's own set_text would pick ISO-8859-1 for Latin text).
GMimeObject* TextPart(const char* subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
  GObjectPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part), content.get());
  g_mime_text_part_set_charset(part, "utf-8");
  g_mime_part_set_content_encoding(
      GMIME_PART(part), g_mime_part_get_best_content_encoding(GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT));
  return GMIME_OBJECT(part);
}

GMimeObject* Body(const MailContent& content) {
  GMimeObject* text = TextPart("plain", content.text);
  if (content.html.empty()) return text;
  GMimeMultipart* alternative = g_mime_multipart_new_with_subtype("alternative");
  // Derived from the Message-ID, so that the same event composes the same bytes. "=_" cannot occur in
  // base64 or quoted-printable content (GMime's own boundaries start with "=-" for the same reason).
  gchar* digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, content.message_id.c_str(), -1);
  g_mime_multipart_set_boundary(alternative, ("=_hub_" + std::string(digest, 32)).c_str());
  g_free(digest);
  g_mime_multipart_add(alternative, text);
  g_object_unref(text);
  GMimeObject* html = TextPart("html", content.html);
  g_mime_multipart_add(alternative, html);
  g_object_unref(html);
  return GMIME_OBJECT(alternative);
}

}  // namespace

sdk::Result<std::vector<MailAddress>> ParseAddressList(std::string_view text) {
  const std::string copy(text);
  GObjectPtr<InternetAddressList> list(internet_address_list_parse(SharedParserOptions(), copy.c_str()));
  std::vector<MailAddress> addresses;
  AppendMailboxes(list.get(), &addresses);
  const bool blank = copy.find_first_not_of(" \t\r\n,") == std::string::npos;
  if ((addresses.empty() && !blank) || !std::all_of(addresses.begin(), addresses.end(), [](const MailAddress& mailbox) {
        return LooksLikeAddress(mailbox.address);
      }))
    return sdk::Status::DataError("'" + copy + "' is not a list of e-mail addresses");
  return addresses;
}

std::string ComposeMail(const MailContent& content) {
  SharedParserOptions();  // initializes GMime
  GObjectPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  InternetAddress* from = Mailbox(content.from);
  internet_address_list_add(g_mime_message_get_from(message.get()), from);
  g_object_unref(from);
  InternetAddressList* to = g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO);
  for (const MailAddress& address : content.to) {
    InternetAddress* mailbox = Mailbox(address);
    internet_address_list_add(to, mailbox);
    g_object_unref(mailbox);
  }
  g_mime_message_set_subject(message.get(), content.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(content.date_unix_ms / 1000);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), content.message_id.c_str());
  for (const auto& [name, value] : content.headers) {
    g_mime_object_set_header(GMIME_OBJECT(message.get()), name.c_str(), value.c_str(), nullptr);
  }
  GMimeObject* body = Body(content);
  g_mime_message_set_mime_part(message.get(), body);
  g_object_unref(body);
  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), options, stream.get());
  g_mime_format_options_free(options);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string MessageIdForEvent(std::string_view event_id, std::string_view domain) {
  std::string id;
  for (const char c : event_id) {
    if (IsAtext(c) && c != '=') {
      id += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "=%02X", static_cast<unsigned char>(c));
      id += hex;
    }
  }
  // A dot may not begin or end the local part, nor two follow each other.
  if (id.empty() || id.front() == '.' || id.back() == '.' || id.find("..") != std::string::npos) {
    std::string escaped;
    for (const char c : id) escaped += c == '.' ? std::string("=2E") : std::string(1, c);
    id = std::move(escaped);
  }
  return id + "@" + std::string(domain);
}

}  // namespace hub::email
