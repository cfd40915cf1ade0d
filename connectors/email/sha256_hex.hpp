// The SHA-256 of attachments and of derived message ids.
#ifndef HUB_EMAIL_SHA256_HEX_HPP_
#define HUB_EMAIL_SHA256_HEX_HPP_

#include <string>
#include <string_view>

namespace hub::email {

// SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL: SHA extensions where the CPU has them). Pure
// function, thread-safe.
std::string Sha256Hex(std::string_view bytes);

}  // namespace hub::email

#endif  // HUB_EMAIL_SHA256_HEX_HPP_
