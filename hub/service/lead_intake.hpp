// A lead posted to POST /api/v1/leads (docs/openapi.yaml, LeadIntake), read into the lead record it stands
// for, or refused field by field.
#ifndef HUB_SERVICE_LEAD_INTAKE_HPP_
#define HUB_SERVICE_LEAD_INTAKE_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/mapped_record.hpp"
#include "service/json_body_reader.hpp"

namespace hub::service {

// What ReadLeadIntake made of a body: the record (when `errors` is empty) or every field at fault.
struct LeadIntake {
  std::optional<model::MappedRecord> record;
  std::vector<BodyFieldError> errors;
};

// Reads a JSON object body into an upsert of the catalog's `lead` of source system `source_system`, whose
// source id is the client's idempotency key — `idempotency_key` (the Idempotency-Key header) or the body's
// `key` (they must agree when both are given) — or, without one, "sha256:" and the SHA-256 of the body's
// bytes, so that a web form submitted twice is one lead:
//   key (text, 1 to 512 bytes)        channel (required): web | phone | email | trade_show | referral |
//                                     partner | other
//   company_name, contact_name        at least one of them
//   phone, mobile, email              at least one of them: a lead nobody can reach is no lead; phones in any
//                                     form a person dials (ParsePhone), the e-mail an address
//   tax_id                            a unified social credit code (18 characters) must carry its check
//                                     character; other schemes as written
//   website, address, province, city, region, industry, function, need, campaign: text
//   products (an array of text)       estimated_amount (a number or decimal text, 0 or more)
//   currency (ISO 4217, three capitals)  found_by (the employee number of a salesperson who found it)
//   received_at (RFC 3339)
// A field given as null counts as not given; any other field is refused. Pure function, thread-safe.
LeadIntake ReadLeadIntake(std::string_view body, std::string_view source_system, std::string_view idempotency_key);

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_INTAKE_HPP_
