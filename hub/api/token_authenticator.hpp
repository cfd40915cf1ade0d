// Bearer-token authentication and role checks for the API.
#ifndef HUB_API_TOKEN_AUTHENTICATOR_HPP_
#define HUB_API_TOKEN_AUTHENTICATOR_HPP_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/hub_config.hpp"

namespace hub::api {

// The verdict on one request.
struct AuthDecision {
  enum class Outcome {
    kAllowed,          // go on
    kUnauthenticated,  // 401: no token, a malformed Authorization header, or an unknown token
    kForbidden,        // 403: a known token whose role is below the route's
  };
  Outcome outcome = Outcome::kUnauthenticated;
  std::string principal;  // the token's configured name when a known token was presented; else empty
  // The role the caller acts with: its token's, admin for everyone when auth is not required, nullopt for
  // a caller without a known token. Set on open routes too, so that they can show more to operators.
  std::optional<config::Role> role;
  std::string reason;  // for the error message; empty when allowed
};

// Checks "Authorization: Bearer <token>" against the configured SHA-256 digests (the tokens themselves are
// never held). Roles are ordered read < operate < admin; a role grants every route needing it or less.
// Immutable after construction, so thread-safe; to change tokens (SIGHUP), build a new one and swap it in.
// A configured digest that is not 64 hex digits never matches (the config loader is expected to refuse it).
class TokenAuthenticator {
 public:
  explicit TokenAuthenticator(const config::ApiConfig& config);

  // The verdict for a request carrying `authorization` (the header value, "" when absent) on a route
  // needing `required` (nullopt: an open route, always allowed). Everything is allowed when the config
  // said auth_required=false. Compares digests in constant time.
  AuthDecision Authorize(std::string_view authorization, std::optional<config::Role> required) const;

  // Lowercase hex SHA-256 of `data` (OpenSSL EVP). Thread-safe.
  static std::string Sha256Hex(std::string_view data);

 private:
  using Digest = std::array<unsigned char, 32>;
  struct Token {
    std::string name;
    std::optional<Digest> digest;  // nullopt when the configured hex was malformed
    config::Role role;
  };

  const Token* Identify(std::string_view authorization) const;

  bool auth_required_;
  std::vector<Token> tokens_;
};

// "read", "operate", "admin".
std::string_view RoleName(config::Role role);

}  // namespace hub::api

#endif  // HUB_API_TOKEN_AUTHENTICATOR_HPP_
