// Identifiers: the compared form, and the unified social credit code's check character (GB 32100-2015).
#include "model/identifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hub::model {
namespace {

using ::testing::HasSubstr;

TEST(Identifier, NormalizesToUpperCaseWithoutSeparators) {
  EXPECT_EQ(NormalizeIdentifier("9131-0115 ma4c.l12/t22"), "91310115MA4CL12T22");
  EXPECT_EQ(NormalizeIdentifier("\t544 321 987"), "544321987");
}

TEST(Identifier, AcceptsUnifiedSocialCreditCodesWhoseCheckCharacterHolds) {
  for (const char* code : {"91310115MA4CL12T22", "91440305590830169M", "91110108MA72HD1T36", "913301063909960339",
                           "91320508754323199P", "91610114MAYM2QHJ4X", "91350100M000100Y43"}) {
    EXPECT_TRUE(CheckIdentifier("uscc", code).ok()) << code << ": " << CheckIdentifier("uscc", code).ToString();
  }
}

TEST(Identifier, ComputesTheCheckCharacterOverTheCodeAlphabet) {
  EXPECT_EQ(UsccCheckCharacter("91310115MA4CL12T2"), '2');
  EXPECT_EQ(UsccCheckCharacter("91440305590830169"), 'M');
  EXPECT_EQ(UsccCheckCharacter("91330106390996033"), '9');
  // A sum that is a multiple of 31 has check character 0, not the 32nd character of a 31-letter alphabet.
  EXPECT_EQ(UsccCheckCharacter("00000000000000000"), '0');
  EXPECT_EQ(UsccCheckCharacter("9131011OMA4CL12T2"), std::nullopt);
  EXPECT_EQ(UsccCheckCharacter("9131011"), std::nullopt);
}

struct RefusedCode {
  const char* code;
  const char* reason;
};

class UsccRefused : public ::testing::TestWithParam<RefusedCode> {};

TEST_P(UsccRefused, SayingWhatIsWrong) {
  sdk::Status checked = CheckIdentifier("uscc", GetParam().code);
  EXPECT_EQ(checked.code(), sdk::StatusCode::kInvalidArgument) << GetParam().code;
  EXPECT_THAT(checked.message(), HasSubstr(GetParam().reason));
}

INSTANTIATE_TEST_SUITE_P(WrongCodes, UsccRefused,
                         ::testing::Values(RefusedCode{"91310115MA4CL12T23", "check character is 3, expected 2"},
                                           RefusedCode{"91440305590830169X", "check character is X, expected M"},
                                           RefusedCode{"91310115MA4CL12T2", "18 characters, not 17"},
                                           RefusedCode{"91310115MA4CL12T22A", "18 characters, not 19"},
                                           RefusedCode{"91310115MA4OL12T22", "character 12 ('O') is not used"},
                                           RefusedCode{"91310115ma4cl12t22", "character 9 ('m') is not used"},
                                           RefusedCode{"9131A115MA4CL12T22", "the division code 31A115"}));

TEST(Identifier, ComputesTheOrganizationCodeCheckCharacter) {
  // The organization codes embedded in valid unified social credit codes (characters 9 to 17).
  EXPECT_EQ(OrganizationCodeCheckCharacter("59083016"), '9');
  EXPECT_EQ(OrganizationCodeCheckCharacter("39099603"), '3');
  EXPECT_EQ(OrganizationCodeCheckCharacter("MA4CL12T"), '2');
  EXPECT_EQ(OrganizationCodeCheckCharacter("M000100Y"), '4');
  // 11 - (sum mod 11) is 10: written X; is 11: written 0.
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000030"), 'X');
  EXPECT_EQ(OrganizationCodeCheckCharacter("00000000"), '0');
  EXPECT_EQ(OrganizationCodeCheckCharacter("5908301"), std::nullopt);
  EXPECT_EQ(OrganizationCodeCheckCharacter("5908301a"), std::nullopt);
}

TEST(Identifier, ChecksOrganizationCodesWithOrWithoutTheirHyphen) {
  EXPECT_TRUE(CheckIdentifier("organization_code", NormalizeIdentifier("59083016-9")).ok());
  EXPECT_TRUE(CheckIdentifier("organization_code", "MA4CL12T2").ok());
  EXPECT_THAT(CheckIdentifier("organization_code", "590830168").message(),
              HasSubstr("check character is 8, expected 9"));
  EXPECT_THAT(CheckIdentifier("organization_code", "5908301").message(), HasSubstr("9 characters, not 7"));
  EXPECT_THAT(CheckIdentifier("organization_code", "5908-3016").message(), HasSubstr("digits or capitals"));
}

TEST(Identifier, ChecksDunsNumbersForNineDigits) {
  EXPECT_TRUE(CheckIdentifier("duns", "544321987").ok());
  EXPECT_THAT(CheckIdentifier("duns", "54432198").message(), HasSubstr("9 digits"));
  EXPECT_THAT(CheckIdentifier("duns", "54432198A").message(), HasSubstr("9 digits"));
}

TEST(Identifier, LeavesSchemesWithoutARuleAlone) {
  EXPECT_TRUE(CheckIdentifier("tax_number", "anything at all").ok());
  EXPECT_TRUE(CheckIdentifier("business_registration", "310115000123456").ok());
}

}  // namespace
}  // namespace hub::model
