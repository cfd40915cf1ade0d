// The signature a receiver checks to know a request came from this hub.
#ifndef HUB_CONNECTORS_WEBHOOK_SIGNATURE_HPP_
#define HUB_CONNECTORS_WEBHOOK_SIGNATURE_HPP_

#include <string>
#include <string_view>

namespace hub::webhook {

// The X-Hub-Signature-256 header's value for `body`: "sha256=" and the lowercase hex HMAC-SHA256 of its
// bytes under `secret`. Pure; thread-safe.
std::string SignatureHeaderValue(std::string_view secret, std::string_view body);

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_SIGNATURE_HPP_
