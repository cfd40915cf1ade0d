#include "webhook/webhook_sender.hpp"

#include <utility>

#include "webhook/delivery_outcome.hpp"
#include "webhook/event_body.hpp"
#include "webhook/signature.hpp"

namespace hub::webhook {

sdk::Result<WebhookSender> WebhookSender::Create(WebhookOptions options) {
  sdk::Result<HttpPoster> poster = HttpPoster::Create(options);
  if (!poster.ok()) return poster.status();
  return WebhookSender(std::move(options), std::move(poster).value());
}

WebhookSender::WebhookSender(WebhookOptions options, HttpPoster poster)
    : options_(std::move(options)), poster_(std::move(poster)) {}

std::vector<std::string> WebhookSender::Headers(const sdk::OutboundEvent& event, const std::string& body) const {
  std::vector<std::string> headers = {"Content-Type: application/json", "Idempotency-Key: " + event.event_id,
                                      "X-Hub-Event: " + event.kind};
  if (!options_.secret.empty())
    headers.push_back("X-Hub-Signature-256: " + SignatureHeaderValue(options_.secret, body));
  return headers;
}

sdk::Status WebhookSender::DeliverOne(const sdk::OutboundEvent& event) {
  sdk::Result<std::string> body = EventBody(event);
  if (!body.ok()) return body.status();
  sdk::Result<HttpReply> reply = poster_.Post(Headers(event, *body), *body);
  if (!reply.ok()) return reply.status().WithContext("event " + event.event_id);
  return DeliveryOutcome(event, *reply);
}

sdk::Result<std::size_t> WebhookSender::Deliver(const std::vector<sdk::OutboundEvent>& events) {
  std::size_t accepted = 0;
  for (const sdk::OutboundEvent& event : events) {
    sdk::Status delivered = DeliverOne(event);
    if (!delivered.ok()) {
      if (accepted == 0) return delivered;
      break;
    }
    ++accepted;
  }
  return accepted;
}

}  // namespace hub::webhook
