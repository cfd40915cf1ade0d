// Phone numbers in the forms real customer files hold: what each reads as, and the impossible ones refused
// with the rule they break.
#include "model/phone_number.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/normalize.hpp"

namespace hub::model {
namespace {

using ::testing::HasSubstr;

struct ReadCase {
  const char* raw;
  const char* country;
  const char* e164;
  PhoneType type;
  const char* extension;
};

void PrintTo(const ReadCase& c, std::ostream* out) { *out << '"' << c.raw << "\" (" << c.country << ")"; }

class PhoneReads : public ::testing::TestWithParam<ReadCase> {};

TEST_P(PhoneReads, AsItsE164FormTypeAndExtension) {
  const ReadCase& c = GetParam();
  sdk::Result<PhoneNumber> number = ParsePhone(c.raw, c.country);
  ASSERT_TRUE(number.ok()) << number.status().ToString();
  EXPECT_EQ(number->e164, c.e164);
  EXPECT_EQ(PhoneTypeName(number->type), PhoneTypeName(c.type));
  EXPECT_EQ(number->extension, c.extension);
  EXPECT_EQ(NormalizePhone(c.raw, c.country), std::optional<std::string>(c.e164));
}

constexpr PhoneType kMobile = PhoneType::kMobile;
constexpr PhoneType kFixed = PhoneType::kFixedLine;
constexpr PhoneType kUnknown = PhoneType::kUnknown;

INSTANTIATE_TEST_SUITE_P(ChineseMobiles, PhoneReads,
                         ::testing::Values(ReadCase{"8613885398656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"8613885398656", "CN", "+8613885398656", kMobile, ""},
                                           ReadCase{"008613885398656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"+86 138-8539-8656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"(+86)13885398656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"+86 (0)138 8539 8656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"138 0013 8000", "CN", "+8613800138000", kMobile, ""},
                                           ReadCase{"013885398656", "", "+8613885398656", kMobile, ""},
                                           ReadCase{"１３８００１３８０００", "", "+8613800138000", kMobile, ""},
                                           ReadCase{"＋８６ 199 0000 1111", "", "+8619900001111", kMobile, ""},
                                           ReadCase{"+86 138 0013 8000", "GB", "+8613800138000", kMobile, ""}));

INSTANTIATE_TEST_SUITE_P(ChineseLandlines, PhoneReads,
                         ::testing::Values(ReadCase{"021 5080 1234", "", "+862150801234", kFixed, ""},
                                           ReadCase{"86-10-62557788", "", "+861062557788", kFixed, ""},
                                           ReadCase{"+86 10 6255 7788", "", "+861062557788", kFixed, ""},
                                           ReadCase{"(010)62557788", "CN", "+861062557788", kFixed, ""},
                                           ReadCase{"+86 (0)21 5888 1234", "", "+862158881234", kFixed, ""},
                                           ReadCase{"86 0755 26603321", "", "+8675526603321", kFixed, ""},
                                           ReadCase{"0571-8796221", "", "+865718796221", kFixed, ""},
                                           ReadCase{"0898 6512 3456", "", "+8689865123456", kFixed, ""},
                                           ReadCase{"400-820-8820", "", "+864008208820", kFixed, ""},
                                           ReadCase{"Fax: 021-5080-1299", "", "+862150801299", kFixed, ""}));

INSTANTIATE_TEST_SUITE_P(Extensions, PhoneReads,
                         ::testing::Values(ReadCase{"(0755) 8888-1234 转 8", "", "+8675588881234", kFixed, "8"},
                                           ReadCase{"0755-2660-3321 ext. 12", "", "+8675526603321", kFixed, "12"},
                                           ReadCase{"+86 21 5888 1234 x808", "", "+862158881234", kFixed, "808"},
                                           ReadCase{"021-58881234 分机 3", "", "+862158881234", kFixed, "3"},
                                           ReadCase{"021-58881234#66", "", "+862158881234", kFixed, "66"},
                                           ReadCase{"0755-2660-3321-808", "", "+8675526603321", kFixed, "808"},
                                           ReadCase{"0755-26603321-8", "", "+8675526603321", kFixed, "8"},
                                           ReadCase{"021-5888-1234", "", "+862158881234", kFixed, ""},
                                           ReadCase{"+1 (617) 555-0142 Ext 7", "", "+16175550142", kUnknown, "7"}));

INSTANTIATE_TEST_SUITE_P(OtherCountries, PhoneReads,
                         ::testing::Values(ReadCase{"(617) 555-0142", "US", "+16175550142", kUnknown, ""},
                                           ReadCase{"1-617-555-0142", "us", "+16175550142", kUnknown, ""},
                                           ReadCase{"+1 (617) 555-0142", "", "+16175550142", kUnknown, ""},
                                           ReadCase{"020 7946 0123", "GB", "+442079460123", kUnknown, ""},
                                           ReadCase{"+44 20 7946 0123", "CN", "+442079460123", kUnknown, ""},
                                           ReadCase{"+49 711 555 2290", "", "+497115552290", kUnknown, ""},
                                           ReadCase{"2345 6789", "HK", "+85223456789", kUnknown, ""},
                                           ReadCase{"+852 2345 6789", "", "+85223456789", kUnknown, ""},
                                           ReadCase{"+971 4 123 4567", "", "+97141234567", kUnknown, ""},
                                           ReadCase{"044 555 31 20", "CH", "+41445553120", kUnknown, ""},
                                           ReadCase{"+41 44 555 31 20", "", "+41445553120", kUnknown, ""}));

struct RefusedCase {
  const char* raw;
  const char* country;
  const char* reason;
};

void PrintTo(const RefusedCase& c, std::ostream* out) { *out << '"' << c.raw << "\" (" << c.country << ")"; }

class PhoneRefused : public ::testing::TestWithParam<RefusedCase> {};

TEST_P(PhoneRefused, AsInvalidSayingWhy) {
  const RefusedCase& c = GetParam();
  sdk::Result<PhoneNumber> number = ParsePhone(c.raw, c.country);
  ASSERT_FALSE(number.ok()) << c.raw << " read as " << number->e164;
  EXPECT_EQ(number.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(number.status().message(), HasSubstr(c.reason));
  EXPECT_EQ(NormalizePhone(c.raw, c.country), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(
    ImpossibleNumbers, PhoneRefused,
    ::testing::Values(RefusedCase{"(010)10940526", "",
                                  "area code 010 is followed by 10940526: a subscriber number cannot start"},
                      RefusedCase{"(0755)02751996", "", "area code 0755 is followed by 02751996"},
                      RefusedCase{"86-10-12345678", "", "area code 010 is followed by 12345678"},
                      RefusedCase{"021-2222", "", "area code 021 takes a subscriber number of 8 digits, not 4"},
                      RefusedCase{"(010)10940526-1", "", "not 9 (109405261)"},
                      RefusedCase{"021 5080 12345", "", "not 9"},
                      RefusedCase{"0571 8796 22", "", "of 7 or 8 digits, not 6"},
                      RefusedCase{"12345678901", "", "12 is not a Chinese mobile prefix"},
                      RefusedCase{"+86 138 8539 865", "", "a Chinese mobile number has 11 digits, not 10"},
                      RefusedCase{"2150801234", "CN", "needs its area code with the leading 0"},
                      RefusedCase{"+021 5080 1234", "", "a calling code cannot start with 0"},
                      RefusedCase{"+86 00 1234 5678", "", "no Chinese area code starts with 00"},
                      RefusedCase{"n/a", "", "no digits"}, RefusedCase{"", "", "no digits"},
                      RefusedCase{"+1 (117) 555-0142", "", "area code and exchange cannot start with 0 or 1"},
                      RefusedCase{"(617) 055-0142", "US", "area code and exchange cannot start with 0 or 1"},
                      RefusedCase{"2345 678", "HK", "has 8 digits, not 7"},
                      RefusedCase{"+999 1234", "", "has 7 digits; an international number has 8 to 15"},
                      RefusedCase{"+49 30 1234567890123456", "", "has 20 digits"},
                      RefusedCase{"555 0142", "ZZ", "no calling code is known for country 'ZZ'"}));

}  // namespace
}  // namespace hub::model
