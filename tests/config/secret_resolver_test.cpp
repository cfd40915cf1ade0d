#include "config/secret_resolver.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace hub::config {
namespace {

using testing::FakeEnv;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TempDir;

TEST(SecretResolver, ExpandsEnvironmentReferencesFromTheInjectedEnvironment) {
  SecretResolver resolver("/nowhere", FakeEnv({{"DB_USER", "hub"}, {"DB_PASS", "s3cret"}}));
  auto expanded = resolver.Expand("Uid=${env:DB_USER};Pwd=${env:DB_PASS};");
  ASSERT_TRUE(expanded.ok()) << expanded.status().ToString();
  EXPECT_EQ(*expanded, "Uid=hub;Pwd=s3cret;");
}

TEST(SecretResolver, ReadsFileReferencesRelativeToTheBaseDirTrimmingTrailingNewlines) {
  TempDir dir;
  dir.Write("secrets/db", "line one\nline two\r\n\n");
  SecretResolver resolver(dir.path(), FakeEnv({}));
  auto expanded = resolver.Expand("[${file:secrets/db}]");
  ASSERT_TRUE(expanded.ok()) << expanded.status().ToString();
  EXPECT_EQ(*expanded, "[line one\nline two]");
}

TEST(SecretResolver, ReadsAbsoluteFileReferencesAsGiven) {
  TempDir dir;
  std::filesystem::path file = dir.Write("token", "abc\n");
  SecretResolver resolver("/elsewhere", FakeEnv({}));
  auto expanded = resolver.Expand("${file:" + file.string() + "}");
  ASSERT_TRUE(expanded.ok()) << expanded.status().ToString();
  EXPECT_EQ(*expanded, "abc");
}

TEST(SecretResolver, UnsetVariableIsAnErrorNamingItWithoutLeakingOtherValues) {
  SecretResolver resolver("/nowhere", FakeEnv({{"DB_USER", "visible-user-value"}}));
  auto expanded = resolver.Expand("${env:DB_USER}:${env:DB_PASSWORD}");
  ASSERT_FALSE(expanded.ok());
  EXPECT_THAT(expanded.status().message(), HasSubstr("'DB_PASSWORD' is not set"));
  EXPECT_THAT(expanded.status().message(), Not(HasSubstr("visible-user-value")));
}

TEST(SecretResolver, MissingFileIsAnErrorNamingTheResolvedPath) {
  TempDir dir;
  SecretResolver resolver(dir.path(), FakeEnv({}));
  auto expanded = resolver.Expand("${file:secrets/missing}");
  ASSERT_FALSE(expanded.ok());
  EXPECT_THAT(expanded.status().message(), HasSubstr((dir.path() / "secrets/missing").string()));
}

TEST(SecretResolver, DoubleDollarIsALiteralReferenceOpener) {
  SecretResolver resolver("/nowhere", FakeEnv({{"X", "value"}}));
  auto expanded = resolver.Expand("cost $5, $${env:X} and ${env:X} $$");
  ASSERT_TRUE(expanded.ok()) << expanded.status().ToString();
  EXPECT_EQ(*expanded, "cost $5, ${env:X} and value $$");
}

TEST(SecretResolver, ExpandedValuesAreNotExpandedAgain) {
  SecretResolver resolver("/nowhere", FakeEnv({{"A", "${env:B}"}, {"B", "never"}}));
  auto expanded = resolver.Expand("${env:A}");
  ASSERT_TRUE(expanded.ok()) << expanded.status().ToString();
  EXPECT_EQ(*expanded, "${env:B}");
}

struct MalformedCase {
  const char* text;
  const char* message_part;
};

class SecretResolverMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(SecretResolverMalformed, RefusesWithAMessageSayingWhy) {
  SecretResolver resolver("/nowhere", FakeEnv({{"X", "value"}}));
  auto expanded = resolver.Expand(GetParam().text);
  ASSERT_FALSE(expanded.ok());
  EXPECT_THAT(expanded.status().message(), HasSubstr(GetParam().message_part));
}

INSTANTIATE_TEST_SUITE_P(Cases, SecretResolverMalformed,
                         ::testing::Values(MalformedCase{"${vault:x}", "unknown reference '${vault:x}'"},
                                           MalformedCase{"${X}", "unknown reference '${X}'"},
                                           MalformedCase{"abc ${env:X", "unterminated '${'"},
                                           MalformedCase{"${env:}", "does not name an environment variable"},
                                           MalformedCase{"${env:1X}", "does not name an environment variable"},
                                           MalformedCase{"${file:}", "names no file"}));

TEST(SecretResolver, ResolveAcceptsExactlyOneReference) {
  SecretResolver resolver("/nowhere", FakeEnv({{"TOKEN", "t0ken"}}));
  auto resolved = resolver.Resolve("${env:TOKEN}");
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_EQ(*resolved, "t0ken");
}

TEST(SecretResolver, ResolveRefusesAnythingElseWithoutEchoingIt) {
  SecretResolver resolver("/nowhere", FakeEnv({{"TOKEN", "t0ken"}}));
  for (const char* text : {"plain-password", "x${env:TOKEN}", "${env:TOKEN}${env:TOKEN}", "${}"}) {
    auto resolved = resolver.Resolve(text);
    ASSERT_FALSE(resolved.ok()) << text;
    EXPECT_THAT(resolved.status().message(), Not(HasSubstr("plain-password")));
    EXPECT_THAT(resolved.status().message(), HasSubstr("exactly ${env:NAME} or ${file:PATH}"));
  }
}

TEST(SecretResolver, ProcessEnvironmentReadsTheRealEnvironment) {
  EnvLookup env = ProcessEnvironment();
  EXPECT_TRUE(env("PATH").has_value());
  EXPECT_FALSE(env("HUB_CONFIG_TEST_SURELY_UNSET_VARIABLE").has_value());
}

}  // namespace
}  // namespace hub::config
