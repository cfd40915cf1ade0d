#include "webhook/signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hub::webhook {

std::string SignatureHeaderValue(std::string_view secret, std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string value = "sha256=";
  for (unsigned int i = 0; i < length; ++i) {
    value.push_back(kHex[digest[i] >> 4]);
    value.push_back(kHex[digest[i] & 0x0f]);
  }
  return value;
}

}  // namespace hub::webhook
