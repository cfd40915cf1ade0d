// Numbers as sources write them, to exact canonical decimal text.
#include "sync/mapping/number_format.hpp"

#include <gtest/gtest.h>

namespace hub::sync::mapping {
namespace {

config::NumberFormatConfig Point() { return {}; }

config::NumberFormatConfig Comma() {
  config::NumberFormatConfig format;
  format.decimal = ',';
  format.thousands = {"."};
  return format;
}

config::NumberFormatConfig Yuan() {
  config::NumberFormatConfig format;
  format.currency = {"¥", "元", "CNY"};
  return format;
}

config::NumberFormatConfig Scale(int scale) {
  config::NumberFormatConfig format;
  format.scale = scale;
  return format;
}

config::NumberFormatConfig Spaces() {
  config::NumberFormatConfig format;
  format.decimal = ',';
  format.thousands = {" ", "\u00A0", "\u202F"};
  return format;
}

struct NumberCase {
  const char* name;
  config::NumberFormatConfig format;
  std::string text;
  std::optional<std::string> expected;  // nullopt: not a number in that format
};

void PrintTo(const NumberCase& c, std::ostream* out) { *out << c.name; }

class NumberReading : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberReading, GivesCanonicalTextOrRefuses) {
  NumberReader reader(GetParam().format);
  std::string out;
  NumberReader::Problem problem = reader.Read(GetParam().text, &out);
  if (!GetParam().expected) {
    EXPECT_NE(problem, NumberReader::Problem::kNone) << out;
    return;
  }
  ASSERT_EQ(problem, NumberReader::Problem::kNone);
  EXPECT_EQ(out, *GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NumberReading,
    ::testing::Values(
        NumberCase{"DecimalComma", Comma(), "1.234,56", "1234.56"},
        NumberCase{"DecimalPoint", Point(), "1,234.56", "1234.56"}, NumberCase{"Yen", Yuan(), "¥1,234.50", "1234.50"},
        NumberCase{"YuanAfter", Yuan(), "1,234.50 元", "1234.50"},
        NumberCase{"CurrencyCodeAndMinus", Yuan(), "-CNY 12", "-12"},
        NumberCase{"MinusAfterCurrency", Yuan(), "¥-12.5", "-12.5"},
        NumberCase{"CurrencyNotConfigured", Point(), "¥12", std::nullopt},
        NumberCase{"TwoCurrencies", Yuan(), "¥12元", std::nullopt}, NumberCase{"Plain", Point(), "42", "42"},
        NumberCase{"LeadingZeros", Point(), "007.10", "7.10"}, NumberCase{"OnlyFraction", Point(), ".5", "0.5"},
        NumberCase{"TrailingPoint", Point(), "5.", "5"}, NumberCase{"SurroundingSpaces", Point(), "  1,000  ", "1000"},
        NumberCase{"PlusSign", Point(), "+3", "3"}, NumberCase{"SapTrailingMinus", Comma(), "1.234,56-", "-1234.56"},
        NumberCase{"AccountingParentheses", Point(), "(1,234.56)", "-1234.56"},
        NumberCase{"NegativeZero", Point(), "-0.00", "0.00"},
        NumberCase{"SpaceThousands", Spaces(), "1 234 567,8", "1234567.8"},
        NumberCase{"NoBreakSpaceThousands", Spaces(), "1\u00A0234,5", "1234.5"},
        NumberCase{"GroupOfTwoIsNotThousands", Point(), "12,34", std::nullopt},
        NumberCase{"FirstGroupTooLong", Point(), "1234,567", std::nullopt},
        NumberCase{"SeparatorAtTheStart", Point(), ",123", std::nullopt},
        NumberCase{"SeparatorInTheFraction", Point(), "1.234,5", std::nullopt},
        NumberCase{"TwoDecimalPoints", Point(), "1.2.3", std::nullopt},
        NumberCase{"Letters", Point(), "12abc", std::nullopt}, NumberCase{"SignOnly", Point(), "-", std::nullopt},
        NumberCase{"PointOnly", Point(), ".", std::nullopt}, NumberCase{"TwoSigns", Point(), "--1", std::nullopt},
        NumberCase{"Empty", Point(), "", std::nullopt}, NumberCase{"ScalePads", Scale(2), "1234.5", "1234.50"},
        NumberCase{"ScaleDropsTrailingZeros", Scale(2), "1234.500", "1234.50"},
        NumberCase{"ScaleZero", Scale(0), "1,234.00", "1234"}),
    [](const ::testing::TestParamInfo<NumberCase>& info) { return std::string(info.param.name); });

TEST(NumberReader, RefusesToRoundDigitsBeyondTheScale) {
  NumberReader reader(Scale(2));
  std::string out;
  EXPECT_EQ(reader.Read("1.005", &out), NumberReader::Problem::kTooManyDecimals);
}

TEST(NumberReader, DescribesItsFormatForMessages) {
  EXPECT_EQ(NumberReader(Point()).Describe(), "decimal '.', thousands ','");
  EXPECT_EQ(NumberReader(Spaces()).Describe(), "decimal ',', thousands space");
  config::NumberFormatConfig yuan = Yuan();
  yuan.thousands.clear();
  yuan.scale = 2;
  EXPECT_EQ(NumberReader(yuan).Describe(),
            "decimal '.', thousands none, currency ¥, currency 元, currency CNY, scale 2");
}

}  // namespace
}  // namespace hub::sync::mapping
