#include "webhook/delivery_outcome.hpp"

#include <string>

namespace hub::webhook {

sdk::Status DeliveryOutcome(const sdk::OutboundEvent& event, const HttpReply& reply) {
  if (reply.status >= 200 && reply.status < 300) return sdk::Status::Ok();
  std::string message = "event " + event.event_id + ": the endpoint answered HTTP " + std::to_string(reply.status);
  if (!reply.body.empty()) message += ": " + reply.body;
  if (reply.status == 408 || reply.status == 429 || reply.status >= 500) return sdk::Status::Unavailable(message);
  return sdk::Status::DataError(message);
}

}  // namespace hub::webhook
