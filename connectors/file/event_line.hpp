// One outbound event as one line of JSON, the way the file connector drops it for other systems.
#ifndef HUB_CONNECTORS_FILE_EVENT_LINE_HPP_
#define HUB_CONNECTORS_FILE_EVENT_LINE_HPP_

#include <cstdint>
#include <string>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::file {

// `event` as one JSON object ending in "\n":
//   {"event_id":…,"kind":…,"entity":…,"id":…,"occurred_at":"2026-12-01T21:03:10.123Z","payload":{…}}
// The payload is embedded as the JSON it is (not as a string), its numbers and key order as written; line
// breaks between its tokens (a pretty-printed payload) become spaces, so that the event stays one line.
// DataError naming the event id when the payload is not valid JSON or a text field is not valid UTF-8.
// Pure; thread-safe.
sdk::Result<std::string> EventLine(const sdk::OutboundEvent& event);

// `unix_ms` as ISO 8601 in UTC with milliseconds: "1970-01-01T00:00:00.000Z". Pure; thread-safe.
std::string IsoUtcMillis(std::int64_t unix_ms);

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_EVENT_LINE_HPP_
