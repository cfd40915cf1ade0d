// A call event posted to POST /api/v1/calls (docs/openapi.yaml, CallEvent), read into the activity record it
// stands for, or refused field by field.
#ifndef HUB_SERVICE_CALL_EVENT_HPP_
#define HUB_SERVICE_CALL_EVENT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/mapped_record.hpp"
#include "service/json_body_reader.hpp"

namespace hub::service {

// What ReadCallEvent made of a body: the record (when `errors` is empty) or every field at fault.
struct CallEvent {
  std::optional<model::MappedRecord> record;
  std::vector<BodyFieldError> errors;
};

// Reads a JSON object body into an upsert of the catalog's `activity` (kind call) of source system
// `source_system`, whose source id is `call_id` — so posting the same call again finds the same activity:
//   call_id (required, text)               the source id
//   direction: inbound (default) | outbound
//   customer_number, else caller (inbound) or callee (outbound): the activity's phone
//   agent_extension (text or number), started_at (required), answered_at, ended_at (RFC 3339 timestamps,
//   none before started_at), duration_seconds (a whole number, else ended_at - started_at when ended),
//   outcome: ringing | answered | missed | no_answer | busy | congestion | failed; when not given,
//     answered once answered_at is given, missed once ended_at is, else ringing
//   need (what the caller asked for), notes (the summary), contact_name, company_name: text
// A field given as null counts as not given. A field the body does not give is not in the record, so a later
// post that leaves it out keeps what an earlier one stored. Any other field is refused (a misspelt one
// would be lost). Pure function, thread-safe.
CallEvent ReadCallEvent(std::string_view body, std::string_view source_system);

}  // namespace hub::service

#endif  // HUB_SERVICE_CALL_EVENT_HPP_
