#include "email/mail_sender.hpp"

#include <glib.h>

#include <utility>

#include <boost/json/parse.hpp>

namespace hub::email {
namespace {

std::string IsoSeconds(std::int64_t unix_ms) {
  GDateTime* time = g_date_time_new_from_unix_utc(unix_ms / 1000);
  char* text = g_date_time_format(time, "%Y-%m-%dT%H:%M:%SZ");
  std::string result(text);
  g_free(text);
  g_date_time_unref(time);
  return result;
}

sdk::Result<TemplateValues> ValuesOf(const sdk::OutboundEvent& event) {
  TemplateValues values;
  boost::system::error_code error;
  values.payload = boost::json::parse(event.payload_json, error);
  if (error || !values.payload.is_object()) return sdk::Status::DataError("its payload is not a JSON object");
  values.event = boost::json::object{{"id", event.event_id},
                                     {"kind", event.kind},
                                     {"entity", event.entity},
                                     {"aggregate_id", event.id},
                                     {"occurred_at", IsoSeconds(event.occurred_at_unix_ms)}};
  return values;
}

}  // namespace

sdk::Result<MailSender> MailSender::Create(OutboundMailOptions options) {
  sdk::Result<MailTemplates> templates = MailTemplates::Load(options.templates);
  if (!templates.ok()) return templates.status();
  sdk::Result<SmtpClient> client = SmtpClient::Create(options.server);
  if (!client.ok()) return client.status();
  return MailSender(std::move(options), std::move(templates).value(), std::move(client).value());
}

MailSender::MailSender(OutboundMailOptions options, MailTemplates templates, SmtpClient client)
    : options_(std::move(options)), templates_(std::move(templates)), client_(std::move(client)) {}

sdk::Result<EventMail> MailSender::Compose(const sdk::OutboundEvent& event) const {
  const std::string context = "event " + event.event_id + " (" + event.kind + ")";
  const KindTemplates* templates = templates_.Find(event.kind);
  if (templates == nullptr) {
    return sdk::Status::DataError(context + ": no mail template for the kind '" + event.kind + "' in " +
                                  options_.templates.string() + " (add " + event.kind + ".subject and " + event.kind +
                                  ".txt)");
  }
  sdk::Result<TemplateValues> values = ValuesOf(event);
  if (!values.ok()) return values.status().WithContext(context);
  sdk::Result<RenderedMail> rendered = MailTemplates::Render(*templates, *values);
  if (!rendered.ok()) return rendered.status().WithContext(context);
  const std::string& to = rendered->to.empty() ? options_.to : rendered->to;
  sdk::Result<std::vector<MailAddress>> recipients = ParseAddressList(to);
  if (!recipients.ok()) return recipients.status().WithContext(context + ": its recipients");
  if (recipients->empty()) {
    return sdk::Status::DataError(context + ": no recipient (the template gave none and mail_to is unset)");
  }
  MailContent content;
  content.from = options_.from;
  content.to = *recipients;
  content.subject = std::move(rendered->subject);
  content.text = std::move(rendered->text);
  content.html = std::move(rendered->html);
  content.message_id = MessageIdForEvent(event.event_id, options_.message_id_domain);
  content.date_unix_ms = event.occurred_at_unix_ms;
  content.headers = {{"X-Hub-Event-Id", event.event_id}, {"X-Hub-Event", event.kind}};
  EventMail mail;
  for (const MailAddress& recipient : *recipients) mail.recipients.push_back(recipient.address);
  mail.bytes = ComposeMail(content);
  return mail;
}

sdk::Status MailSender::DeliverOne(const sdk::OutboundEvent& event) {
  sdk::Result<EventMail> mail = Compose(event);
  if (!mail.ok()) return mail.status();
  return client_.Send(options_.from.address, mail->recipients, mail->bytes)
      .WithContext("event " + event.event_id + " (" + event.kind + ")");
}

sdk::Result<std::size_t> MailSender::Deliver(const std::vector<sdk::OutboundEvent>& events) {
  std::size_t sent = 0;
  for (const sdk::OutboundEvent& event : events) {
    sdk::Status delivered = DeliverOne(event);
    if (!delivered.ok()) {
      if (sent == 0) return delivered;
      break;
    }
    ++sent;
  }
  return sent;
}

}  // namespace hub::email
