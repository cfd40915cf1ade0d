#include "api/token_authenticator.hpp"

#include <cctype>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace hub::api {
namespace {

constexpr std::string_view kBearer = "bearer";

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

template <std::size_t N>
std::optional<std::array<unsigned char, N>> DecodeHex(std::string_view hex) {
  if (hex.size() != 2 * N) return std::nullopt;
  std::array<unsigned char, N> bytes{};
  for (std::size_t i = 0; i < N; ++i) {
    int high = HexDigit(hex[2 * i]);
    int low = HexDigit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return bytes;
}

// The token of "Bearer <token>" (scheme case-insensitive, RFC 6750), or "" when the header is not that.
std::string_view BearerToken(std::string_view authorization) {
  if (authorization.size() <= kBearer.size() || authorization[kBearer.size()] != ' ') return {};
  for (std::size_t i = 0; i < kBearer.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kBearer[i]) return {};
  }
  std::string_view token = authorization.substr(kBearer.size() + 1);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

bool Sha256(std::string_view data, std::array<unsigned char, 32>& digest) {
  unsigned int size = 0;
  return EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) == 1 &&
         size == digest.size();
}

}  // namespace

std::string_view RoleName(config::Role role) {
  switch (role) {
    case config::Role::kRead:
      return "read";
    case config::Role::kOperate:
      return "operate";
    case config::Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

TokenAuthenticator::TokenAuthenticator(const config::ApiConfig& config) : auth_required_(config.auth_required) {
  for (const auto& token : config.tokens) {
    tokens_.push_back({token.name, DecodeHex<32>(token.sha256_hex), token.role});
  }
}

std::string TokenAuthenticator::Sha256Hex(std::string_view data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  Digest digest{};
  if (!Sha256(data, digest)) return {};
  std::string hex;
  for (unsigned char byte : digest) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0f]);
  }
  return hex;
}

const TokenAuthenticator::Token* TokenAuthenticator::Identify(std::string_view authorization) const {
  std::string_view presented = BearerToken(authorization);
  Digest digest{};
  if (presented.empty() || !Sha256(presented, digest)) return nullptr;
  // Every configured digest is compared, so the time taken does not tell which one matched.
  const Token* found = nullptr;
  for (const auto& token : tokens_) {
    if (token.digest && CRYPTO_memcmp(token.digest->data(), digest.data(), digest.size()) == 0 && !found) {
      found = &token;
    }
  }
  return found;
}

AuthDecision TokenAuthenticator::Authorize(std::string_view authorization, std::optional<config::Role> required) const {
  const Token* token = Identify(authorization);
  AuthDecision decision;
  decision.principal = token ? token->name : std::string();
  decision.outcome = AuthDecision::Outcome::kAllowed;
  if (token) decision.role = token->role;
  if (!auth_required_) decision.role = config::Role::kAdmin;
  if (!auth_required_ || !required) return decision;
  if (!token) {
    decision.outcome = AuthDecision::Outcome::kUnauthenticated;
    decision.reason = authorization.empty() ? "this route needs a bearer token" : "the bearer token is not valid";
  } else if (static_cast<int>(token->role) < static_cast<int>(*required)) {
    decision.outcome = AuthDecision::Outcome::kForbidden;
    decision.reason = "token '" + token->name + "' has role " + std::string(RoleName(token->role)) +
                      "; this route needs " + std::string(RoleName(*required));
  }
  return decision;
}

}  // namespace hub::api
