// What an HTTP status means for the event that got it.
#ifndef HUB_CONNECTORS_WEBHOOK_DELIVERY_OUTCOME_HPP_
#define HUB_CONNECTORS_WEBHOOK_DELIVERY_OUTCOME_HPP_

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "webhook/http_poster.hpp"

namespace hub::webhook {

// OK for 2xx (accepted); Unavailable (try again later) for 408, 429 and 5xx; DataError (refused for good)
// for every other status: 4xx, and 1xx or 3xx since no redirect is followed. The message names the event,
// the status and the start of the reply's body. Pure; thread-safe.
sdk::Status DeliveryOutcome(const sdk::OutboundEvent& event, const HttpReply& reply);

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_DELIVERY_OUTCOME_HPP_
