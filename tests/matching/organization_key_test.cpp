#include "matching/organization_key.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::matching {
namespace {

using ::testing::HasSubstr;

OrganizationKey Read(std::string_view identifier) {
  sdk::Result<OrganizationKey> key = ReadOrganizationKey(identifier);
  EXPECT_TRUE(key.ok()) << identifier << ": " << key.status().ToString();
  return key.ok() ? *key : OrganizationKey{};
}

TEST(OrganizationKey, LinksTheCreditCodeTheTaxNumberAndTheBareOrganizationCode) {
  const OrganizationKey uscc = Read("9144 0305 5908 3016 9M");
  const OrganizationKey tax = Read("440305590830169");
  const OrganizationKey code = Read("59083016-9");
  EXPECT_EQ(uscc.source, OrganizationKeySource::kUnifiedSocialCreditCode);
  EXPECT_EQ(tax.source, OrganizationKeySource::kTaxRegistrationNumber);
  EXPECT_EQ(code.source, OrganizationKeySource::kOrganizationCode);
  for (const OrganizationKey* key : {&uscc, &tax, &code}) {
    EXPECT_EQ(key->organization_code, "590830169");
    EXPECT_TRUE(key->valid()) << key->identifier << ": " << key->problem;
    EXPECT_TRUE(key->code_checked);
  }
  EXPECT_EQ(CompareOrganizationKeys(uscc, tax), KeyAgreement::kSame);
  EXPECT_EQ(CompareOrganizationKeys(tax, code), KeyAgreement::kSame);
}

TEST(OrganizationKey, TwoValidCodesProveTwoOrganizations) {
  EXPECT_EQ(CompareOrganizationKeys(Read("91440305590830169M"), Read("913301063909960339")), KeyAgreement::kDifferent);
  EXPECT_EQ(KeyAgreementName(KeyAgreement::kDifferent), "different");
}

TEST(OrganizationKey, FlagsAMistypedCodeAndKeepsItsKey) {
  // The credit code's last character mistyped: flagged, but its organization code still checks and links.
  const OrganizationKey last = Read("91440305590830169X");
  EXPECT_FALSE(last.valid());
  EXPECT_THAT(last.problem, HasSubstr("check character is X, expected M"));
  EXPECT_TRUE(last.code_checked);
  EXPECT_EQ(last.organization_code, "590830169");
  EXPECT_EQ(CompareOrganizationKeys(last, Read("59083016-9")), KeyAgreement::kSameUnverified);
  // A digit of the organization code mistyped: both check characters fail; a different key proves nothing.
  const OrganizationKey inner = Read("91440305590830167M");
  EXPECT_FALSE(inner.valid());
  EXPECT_FALSE(inner.code_checked);
  EXPECT_EQ(CompareOrganizationKeys(inner, Read("91440305590830169M")), KeyAgreement::kInconclusive);
  EXPECT_EQ(KeyAgreementName(KeyAgreement::kInconclusive), "inconclusive");
}

TEST(OrganizationKey, FlagsABareOrganizationCodeWhoseCheckFails) {
  const OrganizationKey code = Read("590830168");
  EXPECT_FALSE(code.valid());
  EXPECT_THAT(code.problem, HasSubstr("expected 9"));
  const OrganizationKey tax = Read("44A305590830169");
  EXPECT_FALSE(tax.valid());
  EXPECT_TRUE(tax.code_checked);
  EXPECT_THAT(tax.problem, HasSubstr("6 digits"));
}

TEST(OrganizationKey, RefusesIdentifiersOfOtherLengths) {
  sdk::Result<OrganizationKey> key = ReadOrganizationKey("12345");
  ASSERT_FALSE(key.ok());
  EXPECT_THAT(key.status().message(), HasSubstr("not 5"));
}

}  // namespace
}  // namespace hub::matching
