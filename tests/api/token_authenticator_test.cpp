#include "api/token_authenticator.hpp"

#include <gtest/gtest.h>

namespace hub::api {
namespace {

using Outcome = AuthDecision::Outcome;
using config::Role;

config::ApiConfig Config(bool auth_required = true) {
  config::ApiConfig config;
  config.auth_required = auth_required;
  config.tokens = {{"reader", TokenAuthenticator::Sha256Hex("r-token"), Role::kRead},
                   {"operator", TokenAuthenticator::Sha256Hex("o-token"), Role::kOperate},
                   {"root", TokenAuthenticator::Sha256Hex("a-token"), Role::kAdmin},
                   {"broken", "not-hex", Role::kAdmin}};
  return config;
}

TEST(TokenAuthenticator, Sha256HexMatchesTheStandardTestVector) {
  EXPECT_EQ(TokenAuthenticator::Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

struct AuthCase {
  std::string authorization;
  std::optional<Role> required;
  Outcome outcome;
  std::string principal;
};

TEST(TokenAuthenticator, ChecksTheTokenAndOrdersRoles) {
  const AuthCase cases[] = {
      {"", Role::kRead, Outcome::kUnauthenticated, ""},
      {"Bearer wrong", Role::kRead, Outcome::kUnauthenticated, ""},
      {"Basic r-token", Role::kRead, Outcome::kUnauthenticated, ""},
      {"Bearer", Role::kRead, Outcome::kUnauthenticated, ""},
      {"Bearer not-hex", Role::kRead, Outcome::kUnauthenticated, ""},
      {"Bearer r-token", Role::kRead, Outcome::kAllowed, "reader"},
      {"bearer r-token", Role::kRead, Outcome::kAllowed, "reader"},
      {"Bearer r-token", Role::kOperate, Outcome::kForbidden, "reader"},
      {"Bearer o-token", Role::kOperate, Outcome::kAllowed, "operator"},
      {"Bearer o-token", Role::kAdmin, Outcome::kForbidden, "operator"},
      {"Bearer a-token", Role::kAdmin, Outcome::kAllowed, "root"},
      {"Bearer a-token", Role::kRead, Outcome::kAllowed, "root"},
      {"", std::nullopt, Outcome::kAllowed, ""},
      {"Bearer wrong", std::nullopt, Outcome::kAllowed, ""},
      {"Bearer o-token", std::nullopt, Outcome::kAllowed, "operator"},
  };
  TokenAuthenticator authenticator(Config());
  for (const auto& test : cases) {
    AuthDecision decision = authenticator.Authorize(test.authorization, test.required);
    EXPECT_EQ(decision.outcome, test.outcome) << "'" << test.authorization << "'";
    EXPECT_EQ(decision.principal, test.principal) << "'" << test.authorization << "'";
    EXPECT_EQ(decision.reason.empty(), decision.outcome == Outcome::kAllowed);
  }
}

TEST(TokenAuthenticator, ForbiddenReasonNamesTheTokenAndBothRoles) {
  TokenAuthenticator authenticator(Config());
  AuthDecision decision = authenticator.Authorize("Bearer r-token", Role::kAdmin);
  EXPECT_EQ(decision.reason, "token 'reader' has role read; this route needs admin");
}

TEST(TokenAuthenticator, AllowsEverythingWhenAuthIsNotRequired) {
  TokenAuthenticator authenticator(Config(false));
  EXPECT_EQ(authenticator.Authorize("", Role::kAdmin).outcome, Outcome::kAllowed);
  EXPECT_EQ(authenticator.Authorize("Bearer wrong", Role::kAdmin).outcome, Outcome::kAllowed);
}

}  // namespace
}  // namespace hub::api
