// The checks the API's write routes share on fields of a body about a customer — the client's idempotency key,
// phones, an e-mail address, a tax id, a currency — each noting its fault on the field (JsonBodyReader::Fault).
#ifndef HUB_SERVICE_BODY_CHECKS_HPP_
#define HUB_SERVICE_BODY_CHECKS_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "service/json_body_reader.hpp"

namespace hub::service {

// The key a posted record is known by: the body's `key` or `header_key` (the Idempotency-Key header; they must
// agree when both are given, 1 to model::kMaxKeyBytes bytes), else "sha256:" and the SHA-256 of the body's
// `bytes`, so that one body posted twice is one record.
std::string BodySourceId(JsonBodyReader& body, std::string_view header_key, std::string_view bytes);

// `number` (when given) must be a number anyone could dial (model::ParsePhone).
void CheckPhone(JsonBodyReader& body, std::string_view field, const std::optional<std::string>& number);

// `email` (when given) must look like an address: a local part, '@', a domain with a dot inside.
void CheckEmail(JsonBodyReader& body, const std::optional<std::string>& email);

// `tax_id` (when given) must not be blank; 18 characters are a unified social credit code with its check character.
void CheckTaxId(JsonBodyReader& body, const std::optional<std::string>& tax_id);

// `currency` (when given) must be an ISO 4217 code of three capitals.
void CheckCurrency(JsonBodyReader& body, const std::optional<std::string>& currency);

}  // namespace hub::service

#endif  // HUB_SERVICE_BODY_CHECKS_HPP_
