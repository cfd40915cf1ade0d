#include "trade_formats/decimal_text.hpp"

#include <gtest/gtest.h>

namespace hub::trade_formats {
namespace {

TEST(DecimalText, AcceptsEitherDecimalMarkAndWritesAPoint) {
  EXPECT_EQ(CanonicalDecimal("1234.50"), "1234.50");
  EXPECT_EQ(CanonicalDecimal("12,5"), "12.5");
  EXPECT_EQ(CanonicalDecimal(",5"), "0.5");
  EXPECT_EQ(CanonicalDecimal("-3"), "-3");
  EXPECT_EQ(CanonicalDecimal("+7."), "7");
  EXPECT_EQ(CanonicalDecimal("-,5"), "-0.5");
  EXPECT_EQ(CanonicalDecimal("-0.50"), "-0.50");
  EXPECT_EQ(CanonicalDecimal("5,"), "5");
}

TEST(DecimalText, RefusesWhatIsNotAPlainNumber) {
  for (const char* text : {"", "-", ".", "1e5", "1.234,5", "12x", " 1", "1 000"}) {
    EXPECT_EQ(CanonicalDecimal(text), std::nullopt) << text;
  }
}

TEST(DecimalText, MultipliesAndAddsExactly) {
  EXPECT_EQ(MultiplyDecimals("100", "0.15"), "15.00");
  EXPECT_EQ(MultiplyDecimals("-1", "2.5"), "-2.5");
  EXPECT_EQ(MultiplyDecimals("0.1", "0.1"), "0.01");
  EXPECT_EQ(AddDecimals("30.00", "15.00"), "45.00");
  EXPECT_EQ(AddDecimals("0.1", "0.25"), "0.35");
  EXPECT_EQ(AddDecimals("-1", "0.5"), "-0.5");
  EXPECT_EQ(AddDecimals("0.02", "0.03"), "0.05");
  EXPECT_EQ(AddDecimals("0", "0"), "0");
}

TEST(DecimalText, KeepsEveryDigitOfResultsBeyondSixtyFourBits) {
  EXPECT_EQ(MultiplyDecimals("123456789012345", "123456789012345"), "15241578753238669120562399025");
  EXPECT_EQ(MultiplyDecimals("-123456789012345", "1234567890.12345"), "-152415787532386691205623.99025");
  EXPECT_EQ(AddDecimals("18446744073709551615", "1"), "18446744073709551616");
}

TEST(DecimalText, TurnsAPercentageIntoAFraction) {
  EXPECT_EQ(PercentToFraction("19"), "0.19");
  EXPECT_EQ(PercentToFraction("7.5"), "0.075");
  EXPECT_EQ(PercentToFraction("x"), std::nullopt);
}

}  // namespace
}  // namespace hub::trade_formats
