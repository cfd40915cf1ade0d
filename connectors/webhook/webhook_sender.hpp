// Delivers events to one webhook endpoint, one POST per event, in order.
#ifndef HUB_CONNECTORS_WEBHOOK_WEBHOOK_SENDER_HPP_
#define HUB_CONNECTORS_WEBHOOK_WEBHOOK_SENDER_HPP_

#include <cstddef>
#include <string>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "webhook/http_poster.hpp"
#include "webhook/webhook_options.hpp"

namespace hub::webhook {

// Each event is POSTed as EventBody(event) with the headers
//   Content-Type: application/json
//   Idempotency-Key: <event_id>
//   X-Hub-Event: <kind>
//   X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>   (only with a secret)
// Not thread-safe: one owner calls it. Movable.
class WebhookSender {
 public:
  // Internal error when libcurl cannot be set up.
  static sdk::Result<WebhookSender> Create(WebhookOptions options);

  // Posts `events` in order and stops at the first that fails. Answers how many were accepted; when that is
  // none, the first event's failure instead (Unavailable: try again later; DataError: refused for good, see
  // DeliveryOutcome). A later failure is not reported here: the failing event comes first in the next call,
  // which then answers it. An empty `events` answers 0.
  sdk::Result<std::size_t> Deliver(const std::vector<sdk::OutboundEvent>& events);

  // The headers Deliver sends for `event` with body `body`.
  std::vector<std::string> Headers(const sdk::OutboundEvent& event, const std::string& body) const;

 private:
  WebhookSender(WebhookOptions options, HttpPoster poster);
  sdk::Status DeliverOne(const sdk::OutboundEvent& event);

  WebhookOptions options_;
  HttpPoster poster_;
};

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_WEBHOOK_SENDER_HPP_
