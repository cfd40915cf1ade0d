// Each text transform on ASCII, Chinese and full-width input.
#include "sync/mapping/text_transforms.hpp"

#include <gtest/gtest.h>

namespace hub::sync::mapping {
namespace {

using config::MappingTransform;

struct TransformCase {
  const char* name;
  MappingTransform transform;
  std::string input;
  std::string expected;
};

void PrintTo(const TransformCase& c, std::ostream* out) { *out << c.name; }

class TextTransforms : public ::testing::TestWithParam<TransformCase> {};

TEST_P(TextTransforms, TurnsInputIntoExpected) {
  ASSERT_TRUE(CheckTransformsAvailable().ok());
  std::string text = GetParam().input;
  ApplyTransform(GetParam().transform, &text);
  EXPECT_EQ(text, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TextTransforms,
    ::testing::Values(TransformCase{"TrimAscii", MappingTransform::kTrim, " \t abc def \r\n", "abc def"},
                      TransformCase{"TrimIdeographicSpace", MappingTransform::kTrim, "\u3000上海\u3000", "上海"},
                      TransformCase{"TrimNoBreakAndBom", MappingTransform::kTrim, "\uFEFF\u00A0华为\u00A0", "华为"},
                      TransformCase{"TrimAllBlank", MappingTransform::kTrim, " \u3000 ", ""},
                      TransformCase{"TrimKeepsInnerSpaces", MappingTransform::kTrim, "a \u3000 b", "a \u3000 b"},
                      TransformCase{"TrimNothingToDo", MappingTransform::kTrim, "北京", "北京"},
                      TransformCase{"UpperAscii", MappingTransform::kUpper, "abc-12x", "ABC-12X"},
                      TransformCase{"UpperUnicode", MappingTransform::kUpper, "straße é 中文", "STRASSE É 中文"},
                      TransformCase{"LowerAscii", MappingTransform::kLower, "MiXeD", "mixed"},
                      TransformCase{"LowerUnicode", MappingTransform::kLower, "ÉCOLE 北京", "école 北京"},
                      TransformCase{"NfkcFullWidthLettersAndDigits", MappingTransform::kNfkc, "ＡＢＣ１２３", "ABC123"},
                      TransformCase{"NfkcFullWidthParentheses", MappingTransform::kNfkc, "（上海）", "(上海)"},
                      TransformCase{"NfkcIdeographicSpaceAndPunctuation", MappingTransform::kNfkc,
                                    "华为\u3000技术，有限公司！", "华为 技术,有限公司!"},
                      TransformCase{"NfkcFullWidthYen", MappingTransform::kNfkc, "￥１，２３４．５０", "¥1,234.50"},
                      TransformCase{"NfkcHalfWidthKatakana", MappingTransform::kNfkc, "ｶﾀｶﾅ", "カタカナ"},
                      TransformCase{"NfkcAsciiUnchanged", MappingTransform::kNfkc, "plain ascii", "plain ascii"},
                      TransformCase{"CollapseRuns", MappingTransform::kCollapseSpaces, "a  b\t\t c", "a b c"},
                      TransformCase{"CollapseMixedUnicodeSpaces", MappingTransform::kCollapseSpaces,
                                    "北京市\u3000 朝阳区\u00A0\u00A0x", "北京市 朝阳区 x"},
                      TransformCase{"CollapseKeepsOneAtTheEnds", MappingTransform::kCollapseSpaces, "  a  ", " a "},
                      TransformCase{"DigitsOnlyPhone", MappingTransform::kDigitsOnly, "+86 (010) 8888-6666",
                                    "860108888"
                                    "6666"},
                      TransformCase{"DigitsOnlyFullWidth", MappingTransform::kDigitsOnly, "电话：０１０－１２３",
                                    "010123"},
                      TransformCase{"DigitsOnlyNone", MappingTransform::kDigitsOnly, "无", ""}),
    [](const ::testing::TestParamInfo<TransformCase>& info) { return std::string(info.param.name); });

TEST(TrimSpaces, ReturnsAViewWithoutSpacesAtEitherEnd) {
  EXPECT_EQ(TrimSpaces("\u3000 x y \u00A0"), "x y");
  EXPECT_EQ(TrimSpaces(""), "");
}

TEST(LeadingSpaceLength, CountsTheBytesOfOneSpaceCharacter) {
  EXPECT_EQ(LeadingSpaceLength(" x"), 1u);
  EXPECT_EQ(LeadingSpaceLength("\u00A0x"), 2u);
  EXPECT_EQ(LeadingSpaceLength("\u3000x"), 3u);
  EXPECT_EQ(LeadingSpaceLength("\u2003"), 3u);
  EXPECT_EQ(LeadingSpaceLength("中"), 0u);
  EXPECT_EQ(LeadingSpaceLength("\xE3\x80"), 0u);  // truncated sequence
}

}  // namespace
}  // namespace hub::sync::mapping
