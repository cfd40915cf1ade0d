#include "service/body_checks.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>

#include "model/identifier.hpp"
#include "model/mapped_record.hpp"
#include "model/normalize.hpp"
#include "model/phone_number.hpp"

namespace hub::service {
namespace {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace

std::string BodySourceId(JsonBodyReader& body, std::string_view header_key, std::string_view bytes) {
  std::optional<std::string> key = body.Text("key");
  if (key && !header_key.empty() && *key != header_key) {
    body.Fault("key", "differs from the Idempotency-Key header ('" + std::string(header_key) + "')");
  }
  if (!key && !header_key.empty()) key = std::string(header_key);
  if (key && (key->empty() || key->size() > model::kMaxKeyBytes)) {
    body.Fault("key", "must be 1 to " + std::to_string(model::kMaxKeyBytes) + " bytes");
  }
  return key ? *key : "sha256:" + Sha256Hex(bytes);
}

void CheckPhone(JsonBodyReader& body, std::string_view field, const std::optional<std::string>& number) {
  if (!number) return;
  sdk::Result<model::PhoneNumber> parsed = model::ParsePhone(*number, "");
  if (!parsed.ok())
    body.Fault(field, "'" + *number + "' is not a number anyone could dial: " + parsed.status().message());
}

void CheckEmail(JsonBodyReader& body, const std::optional<std::string>& email) {
  if (!email) return;
  const std::string normalized = model::NormalizeEmail(*email);
  const std::size_t at = normalized.find('@');
  if (at == std::string::npos || at == 0 || normalized.find('.', at) == std::string::npos || normalized.back() == '.') {
    body.Fault("email", "'" + *email + "' is not an e-mail address");
  }
}

void CheckTaxId(JsonBodyReader& body, const std::optional<std::string>& tax_id) {
  if (!tax_id) return;
  const std::string normalized = model::NormalizeIdentifier(*tax_id);
  if (normalized.empty()) {
    body.Fault("tax_id", "is blank");
  } else if (normalized.size() == 18) {
    sdk::Status valid = model::CheckIdentifier("uscc", normalized);
    if (!valid.ok()) body.Fault("tax_id", "'" + *tax_id + "' is not a unified social credit code: " + valid.message());
  }
}

void CheckCurrency(JsonBodyReader& body, const std::optional<std::string>& currency) {
  if (!currency) return;
  const bool code = currency->size() == 3 &&
                    std::all_of(currency->begin(), currency->end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!code) body.Fault("currency", "must be an ISO 4217 code of three capitals such as CNY, not '" + *currency + "'");
}

}  // namespace hub::service
