#include "webhook_test_support.hpp"

#include <cstdio>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace hub::webhook::test {

sdk::OutboundEvent PartyEvent(const std::string& id) {
  sdk::OutboundEvent event;
  event.kind = "party.updated";
  event.entity = "party";
  event.id = id;
  event.payload_json = R"({"name":")" + id + R"( Co"})";
  event.event_id = "evt-" + id;
  event.occurred_at_unix_ms = 1'767'607'200'123;  // 2026-01-05T10:00:00.123Z
  return event;
}

std::string ExpectedSignature(const std::string& secret, const std::string& body) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  EVP_MAC_CTX* context = EVP_MAC_CTX_new(mac);
  char digest_name[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                         OSSL_PARAM_construct_end()};
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t length = 0;
  EVP_MAC_init(context, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), params);
  EVP_MAC_update(context, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  EVP_MAC_final(context, digest, &length, sizeof digest);
  EVP_MAC_CTX_free(context);
  EVP_MAC_free(mac);
  std::string hex = "sha256=";
  char pair[3];
  for (size_t i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace hub::webhook::test
