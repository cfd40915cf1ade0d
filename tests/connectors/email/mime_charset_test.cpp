// DecodeTextPart's charset rule and WidenGbCharsetLabels.
#include "email/mime_charset.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

constexpr std::string_view kGbkZhongWen = "\xD6\xD0\xCE\xC4";  // 中文 in GBK

TEST(MimeCharset, ReadsTheGbFamilyAsGb18030) {
  EXPECT_EQ(DecoderCharsetName("gb2312"), "GB18030");
  EXPECT_EQ(DecoderCharsetName(" \"GBK\" "), "GB18030");
  EXPECT_EQ(DecoderCharsetName("Big5"), "Big5");
  DecodedText decoded = DecodeTextPart(kGbkZhongWen, "gb2312", false);
  EXPECT_EQ(decoded.text, "中文");
  EXPECT_EQ(decoded.charset, "GB18030");
  EXPECT_EQ(decoded.source, CharsetSource::kContentType);
}

TEST(MimeCharset, DetectsUtf8ThenGb18030WhenNothingIsDeclared) {
  DecodedText utf8 = DecodeTextPart("中文", "", false);
  EXPECT_EQ(utf8.text, "中文");
  EXPECT_EQ(utf8.charset, "UTF-8");
  EXPECT_EQ(utf8.source, CharsetSource::kDetected);
  DecodedText gb = DecodeTextPart(kGbkZhongWen, "", false);
  EXPECT_EQ(gb.text, "中文");
  EXPECT_EQ(gb.charset, "GB18030");
}

TEST(MimeCharset, TreatsAnUnknownOrLyingDeclarationAsNone) {
  EXPECT_EQ(DecodeTextPart(kGbkZhongWen, "x-no-such-charset", false).source, CharsetSource::kDetected);
  DecodedText ascii_lie = DecodeTextPart(kGbkZhongWen, "us-ascii", false);
  EXPECT_EQ(ascii_lie.text, "中文");
  EXPECT_EQ(ascii_lie.source, CharsetSource::kDetected);
  EXPECT_EQ(DecodeTextPart("plain", "us-ascii", false).source, CharsetSource::kContentType);
}

TEST(MimeCharset, TakesTheHtmlMetaOnlyForHtml) {
  std::string html = "<meta charset=big5>\xA4\xA4";  // 中 in Big5
  DecodedText from_meta = DecodeTextPart(html, "", true);
  EXPECT_EQ(from_meta.text, "<meta charset=big5>中");
  EXPECT_EQ(from_meta.source, CharsetSource::kHtmlMeta);
  EXPECT_EQ(DecodeTextPart(html, "", false).source, CharsetSource::kDetected);
}

TEST(MimeCharset, EscapesBytesInvalidInTheCharsetInsteadOfFailing) {
  DecodedText decoded = DecodeTextPart("ok \xFF", "utf-8", false);
  EXPECT_EQ(decoded.text, "ok \\xFF");
}

TEST(MimeCharset, RelabelsGbEncodedWordsOnly) {
  EXPECT_EQ(WidenGbCharsetLabels(" =?gb2312?B?1tA=?= and =?GBK?Q?=D6=D0?= =?utf-8?B?5Lit?="),
            " =?GB18030?B?1tA=?= and =?GB18030?Q?=D6=D0?= =?utf-8?B?5Lit?=");
  EXPECT_EQ(WidenGbCharsetLabels("no words =? here"), "no words =? here");
}

}  // namespace
}  // namespace hub::email
