// The bodies of the intents' routes (docs/openapi.yaml, IntentIntake and IntentFollowUp), read into what the
// model layer records (store/model/intents.hpp, intent_follow_up.hpp), or refused field by field.
#ifndef HUB_SERVICE_INTENT_BODY_HPP_
#define HUB_SERVICE_INTENT_BODY_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/json_body_reader.hpp"
#include "store/model/intent_follow_up.hpp"
#include "store/model/intents.hpp"

namespace hub::service {

// What ReadIntentIntake made of a body: the intent (when `errors` is empty) or every field at fault.
struct IntentIntake {
  std::optional<store_model::NewIntent> intent;
  std::vector<BodyFieldError> errors;
};

// Reads a JSON object body of POST /api/v1/intents; its source key is the client's (BodySourceId: the body's
// `key` or `idempotency_key`, the Idempotency-Key header) or the body's SHA-256:
//   product (required, text)        need, currency (ISO 4217), estimated_amount (0 or more)
//   customer_id (a known customer's id), or the intent customer: company_name or contact_name (one at least),
//   and phone or email (one at least; tax_id beside them), each checked as the lead intake checks it
//   lead_id (the lead it came from)
// A field given as null counts as not given; any other field is refused. Pure function, thread-safe.
IntentIntake ReadIntentIntake(std::string_view body, std::string_view idempotency_key);

// What ReadIntentFollowUp made of a body.
struct IntentFollowUpBody {
  std::optional<store_model::IntentFollowUp> follow_up;
  std::vector<BodyFieldError> errors;
};

// Reads a JSON object body of POST /api/v1/intents/{id}/follow_up: outcome (required: suggestion | purchase |
// invalid), owner (an employee number; required for suggestion and purchase), reason (required for invalid),
// opportunity_name (a purchase's opportunity; default the product). `by` is who follows it up. Pure function.
IntentFollowUpBody ReadIntentFollowUp(std::string_view body, std::string by);

}  // namespace hub::service

#endif  // HUB_SERVICE_INTENT_BODY_HPP_
