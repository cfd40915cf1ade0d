#include "email/mime_parser.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "email/ascii_text.hpp"
#include "email/gmime_support.hpp"
#include "email/html_text.hpp"
#include "email/mime_charset.hpp"
#include "email/mime_headers.hpp"
#include "email/sha256_hex.hpp"

namespace hub::email {
namespace {

// The walk of one message's parts: what it has found so far.
struct PartWalk {
  MimeMessage* message;
  int part_number = 0;  // leaf parts and forwarded messages seen, for derived names
  std::vector<std::string> texts;
  const AttachmentBytes* on_attachment = nullptr;  // the message's own attachments only
};

void AddAttachmentOf(PartWalk* walk, MailAttachment attachment, std::string_view bytes) {
  if (walk->on_attachment != nullptr && *walk->on_attachment) (*walk->on_attachment)(attachment, bytes);
  walk->message->attachments.push_back(std::move(attachment));
}

MimeMessage ReadMessage(GMimeMessage* message, const AttachmentBytes* on_attachment = nullptr);

std::string MimeType(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "text/plain";
  return AsciiLower(TakeGString(g_mime_content_type_get_mime_type(type)));
}

bool IsAttachmentDisposition(GMimeObject* object) {
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
  return disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
}

bool IsTextLeaf(GMimeObject* object) {
  if (!GMIME_IS_PART(object) || IsAttachmentDisposition(object)) return false;
  if (g_mime_part_get_filename(GMIME_PART(object)) != nullptr) return false;
  std::string type = MimeType(object);
  return type == "text/plain" || type == "text/html";
}

std::string WithLfLineEnds(std::string text) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') text[kept++] = text[i];
  }
  text.resize(kept);
  return text;
}

void AddText(GMimeObject* object, PartWalk* walk) {
  bool is_html = MimeType(object) == "text/html";
  const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
  DecodedText decoded = DecodeTextPart(DecodedBytes(g_mime_part_get_content(GMIME_PART(object))),
                                       charset == nullptr ? "" : charset, is_html);
  MimeMessage* message = walk->message;
  if (message->charset_used.empty()) {
    message->charset_used = decoded.charset;
    message->charset_source = std::string(CharsetSourceName(decoded.source));
  }
  message->text_from_html = message->text_from_html || is_html;
  std::string text = is_html ? HtmlToText(decoded.text) : WithLfLineEnds(std::move(decoded.text));
  if (!text.empty()) walk->texts.push_back(std::move(text));
}

// "part-3.png" for the third part, an image/png.
std::string DerivedPartName(const std::string& mime_type, int part_number) {
  std::size_t slash = mime_type.find('/');
  std::string subtype = slash == std::string::npos ? "bin" : mime_type.substr(slash + 1);
  return "part-" + std::to_string(part_number) + "." + subtype;
}

MailAttachment AttachmentOf(GMimeObject* object, std::string_view bytes) {
  MailAttachment attachment;
  attachment.content_type = MimeType(object);
  const char* content_id = g_mime_object_get_content_id(object);
  attachment.content_id = content_id == nullptr ? "" : content_id;
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
  attachment.is_inline =
      disposition == nullptr ? !attachment.content_id.empty() : !g_mime_content_disposition_is_attachment(disposition);
  attachment.size = bytes.size();
  attachment.sha256 = Sha256Hex(bytes);
  return attachment;
}

void AddAttachment(GMimeObject* object, PartWalk* walk) {
  std::string bytes = DecodedBytes(g_mime_part_get_content(GMIME_PART(object)));
  MailAttachment attachment = AttachmentOf(object, bytes);
  const char* name = g_mime_part_get_filename(GMIME_PART(object));
  attachment.name_derived = name == nullptr || *name == '\0';
  attachment.name = attachment.name_derived ? DerivedPartName(attachment.content_type, walk->part_number) : name;
  AddAttachmentOf(walk, std::move(attachment), bytes);
}

// A file name from a subject: path separators and control characters become '_'.
std::string FileNameOf(std::string subject) {
  std::replace_if(
      subject.begin(), subject.end(), [](char c) { return c == '/' || c == '\\' || (c >= 0 && c < 0x20); }, '_');
  return subject;
}

void AddForwardedMessage(GMimeObject* object, PartWalk* walk) {
  GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
  std::string bytes = WrittenBytes(GMIME_OBJECT(inner));
  MailAttachment attachment = AttachmentOf(object, bytes);
  MimeMessage forwarded = inner == nullptr ? MimeMessage{} : ReadMessage(inner);
  // GMime has decoded the parameter already (RFC 2231 and encoded words).
  const char* name = g_mime_object_get_content_disposition_parameter(object, "filename");
  attachment.name_derived = name == nullptr || *name == '\0';
  if (!attachment.name_derived) {
    attachment.name = name;
  } else {
    attachment.name =
        forwarded.subject.empty() ? "message-" + std::to_string(walk->part_number) : FileNameOf(forwarded.subject);
    attachment.name += ".eml";
  }
  AddAttachmentOf(walk, std::move(attachment), bytes);
  walk->message->attached_messages.push_back(std::move(forwarded));
}

// Visits `object` and its children; texts are taken only while `with_text`.
void Visit(GMimeObject* object, bool with_text, PartWalk* walk);

// The alternative whose text is taken: the first text/plain one, else the first that can hold text (a
// text part or a multipart), else none (-1).
int ChosenAlternative(GMimeMultipart* alternative) {
  int count = g_mime_multipart_get_count(alternative);
  int first_with_text = -1;
  for (int i = 0; i < count; ++i) {
    GMimeObject* child = g_mime_multipart_get_part(alternative, i);
    if (IsTextLeaf(child) && MimeType(child) == "text/plain") return i;
    if (first_with_text < 0 && (IsTextLeaf(child) || GMIME_IS_MULTIPART(child))) first_with_text = i;
  }
  return first_with_text;
}

void VisitMultipart(GMimeMultipart* multipart, bool with_text, PartWalk* walk) {
  bool alternative = MimeType(GMIME_OBJECT(multipart)) == "multipart/alternative";
  int chosen = alternative ? ChosenAlternative(multipart) : -1;
  int count = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < count; ++i) {
    Visit(g_mime_multipart_get_part(multipart, i), with_text && (!alternative || i == chosen), walk);
  }
}

void Visit(GMimeObject* object, bool with_text, PartWalk* walk) {
  if (object == nullptr) return;
  if (GMIME_IS_MULTIPART(object)) return VisitMultipart(GMIME_MULTIPART(object), with_text, walk);
  ++walk->part_number;
  if (GMIME_IS_MESSAGE_PART(object)) return AddForwardedMessage(object, walk);
  if (!GMIME_IS_PART(object)) return;
  if (!IsTextLeaf(object)) return AddAttachment(object, walk);
  if (with_text) AddText(object, walk);
}

std::string Joined(const std::vector<std::string>& texts) {
  std::string joined;
  for (const std::string& text : texts) {
    if (!joined.empty()) joined += "\n\n";
    joined += text;
  }
  return joined;
}

MimeMessage ReadMessage(GMimeMessage* message, const AttachmentBytes* on_attachment) {
  MimeMessage read;
  ReadEnvelope(message, &read);
  PartWalk walk{&read, 0, {}, on_attachment};
  Visit(g_mime_message_get_mime_part(message), true, &walk);
  read.text = Joined(walk.texts);
  return read;
}

}  // namespace

sdk::Result<MimeMessage> ParseMimeMessage(std::string_view bytes) { return ParseMimeMessage(bytes, AttachmentBytes()); }

sdk::Result<MimeMessage> ParseMimeMessage(std::string_view bytes, const AttachmentBytes& on_attachment) {
  if (bytes.empty()) return sdk::Status::DataError("not a message: no bytes");
  GMimeParserOptions* options = SharedParserOptions();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (message == nullptr) return sdk::Status::DataError("not a message: GMime found no message in the bytes");
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
  if (g_mime_header_list_get_count(headers) == 0) {
    return sdk::Status::DataError("not a message: no header field before the body");
  }
  return ReadMessage(message.get(), &on_attachment);
}

}  // namespace hub::email
