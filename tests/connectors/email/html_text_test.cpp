// HtmlMetaCharset and HtmlToText on strings.
#include "email/html_text.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

TEST(HtmlMetaCharset, FindsBothFormsOfTheDeclaration) {
  EXPECT_EQ(HtmlMetaCharset(R"(<html><head><meta charset="Big5"></head>)"), "big5");
  EXPECT_EQ(HtmlMetaCharset("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gb2312'>"), "gb2312");
  EXPECT_EQ(HtmlMetaCharset("<meta name=viewport content=width><meta charset=utf-8>"), "utf-8");
}

TEST(HtmlMetaCharset, IsEmptyWithoutADeclaration) {
  EXPECT_EQ(HtmlMetaCharset("<html><body>charset=gbk in the text</body></html>"), "");
  EXPECT_EQ(HtmlMetaCharset(std::string(5000, ' ') + "<meta charset=gbk>"), "") << "only the first 4096 bytes count";
}

TEST(HtmlToText, DropsTagsAndBreaksLinesAtBlocks) {
  EXPECT_EQ(HtmlToText("<div>One</div><div>Two<br>Three</div>"), "One\nTwo\nThree");
  EXPECT_EQ(HtmlToText("<p>First</p>\n\n<p>Second</p><p></p><p></p><p>Third</p>"), "First\n\nSecond\n\nThird");
  EXPECT_EQ(HtmlToText("  <b>bold</b>   and\n\t<i>italic</i>  "), "bold and italic");
}

TEST(HtmlToText, DropsScriptsStylesTitlesAndComments) {
  EXPECT_EQ(HtmlToText("<head><title>T</title><style>p{}</style><script>x<y</script></head><!-- c -->Body"), "Body");
}

TEST(HtmlToText, ResolvesCharacterReferencesAndKeepsAStrayLessThan) {
  EXPECT_EQ(HtmlToText("a &lt; b &amp;&amp; c&nbsp;d &#20013;&#x6587; &bogus; 1 < 2"),
            "a < b && c d 中文 &bogus; 1 < 2");
}

}  // namespace
}  // namespace hub::email
