// One row of outbox_events as the delivery reads it, the lane it belongs to, and its event id.
#ifndef HUB_DELIVERY_OUTBOX_EVENT_HPP_
#define HUB_DELIVERY_OUTBOX_EVENT_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"

namespace hub::delivery {

// A change event of the store (outbox_events): `payload` is its JSON text, `created_at_ms` when it was
// committed (Unix milliseconds, UTC).
struct OutboxEvent {
  std::int64_t id = 0;
  std::string aggregate;     // "party"
  std::string aggregate_id;  // "42"
  std::string kind;          // "party.created"
  std::string payload;
  std::int64_t created_at_ms = 0;
};

// The lane of an aggregate among `lanes` (≥ 1): FNV-1a-64 of aggregate + '\x1f' + aggregate_id, modulo
// `lanes`. Every event of one aggregate is in one lane, so a lane delivers an aggregate's events in order.
int LaneOf(std::string_view aggregate, std::string_view aggregate_id, int lanes);

// The event id of outbox row `outbox_id` of the store `store_identity`: "<store identity>-<outbox id>",
// the same on every attempt and from every hub, and different in every store (a rebuilt store has a new
// identity).
std::string EventId(std::string_view store_identity, std::int64_t outbox_id);

// What the connector receives for `event` of the store `store_identity`.
sdk::OutboundEvent ToOutbound(const OutboxEvent& event, std::string_view store_identity);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_OUTBOX_EVENT_HPP_
