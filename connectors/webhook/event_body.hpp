// The JSON body a webhook POSTs for one event.
#ifndef HUB_CONNECTORS_WEBHOOK_EVENT_BODY_HPP_
#define HUB_CONNECTORS_WEBHOOK_EVENT_BODY_HPP_

#include <string>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::webhook {

// {"event_id","kind","entity","id","occurred_at","payload"} of `event`, in that order, compact: occurred_at
// as ISO 8601 UTC with milliseconds ("2026-01-05T10:00:00.000Z"), payload the event's JSON as a value.
// DataError when payload_json is not valid JSON (the event can never be delivered). Pure; thread-safe.
sdk::Result<std::string> EventBody(const sdk::OutboundEvent& event);

// `unix_ms` as "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC).
std::string IsoTimestamp(std::int64_t unix_ms);

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_EVENT_BODY_HPP_
