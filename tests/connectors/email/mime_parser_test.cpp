// ParseMimeMessage's envelope and text decoding, one fixture a case: transfer encodings, encoded words,
// and each charset of issue 10 (declared, in an HTML meta only, none at all).
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "email_fixture.hpp"

namespace hub::email {
namespace {

constexpr std::int64_t kFixtureDate = 1793669400;  // Tue, 03 Nov 2026 09:30:00 +0800 in seconds since the epoch

TEST(MimeParser, ReadsTheEnvelopeWithIdsWithoutBracketsAndTheDateInUtc) {
  MimeMessage message = ParsedFixture("multipart_nested.eml");
  EXPECT_EQ(message.message_id, "nested@mail.example.cn");
  EXPECT_FALSE(message.message_id_derived);
  EXPECT_EQ(message.in_reply_to, "q-1@example.com");
  EXPECT_EQ(message.references, (std::vector<std::string>{"q-0@example.com", "q-1@example.com"}));
  EXPECT_EQ(message.from, (MailAddress{"li.na@example.cn", "Li Na"}));
  EXPECT_EQ(message.to, (std::vector<MailAddress>{{"sales@example.com", ""}}));
  ASSERT_TRUE(message.date.has_value());
  EXPECT_EQ(message.date->time_since_epoch().count(), kFixtureDate);
  EXPECT_EQ(message.subject, "Nested parts");
}

TEST(MimeParser, DecodesQuotedPrintableWithSoftLineBreaks) {
  MimeMessage message = ParsedFixture("quoted_printable.eml");
  EXPECT_EQ(message.text,
            "A line long enough that the quoted-printable encoder has to break it with a soft line break here and "
            "goes on.\n中文 and = equals.\n");
  EXPECT_EQ(message.charset_used, "utf-8");
  EXPECT_EQ(message.charset_source, "content-type");
}

TEST(MimeParser, DecodesBase64Bodies) {
  EXPECT_EQ(ParsedFixture("base64_body.eml").text, "Base64 text: 你好，世界。\nSecond line.\n");
}

TEST(MimeParser, DecodesEncodedWordsInAnyCharsetAndLeavesBrokenOnesReadable) {
  MimeMessage message = ParsedFixture("encoded_words.eml");
  EXPECT_EQ(message.from, (MailAddress{"zhang.wei@example.cn", "张伟"}));
  EXPECT_EQ(message.to, (std::vector<MailAddress>{{"mueller@example.de", "Müller"}, {"wang@example.cn", "王芳"}}));
  // An encoded word never closed stays as written, and the address after it is still found.
  ASSERT_EQ(message.cc.size(), 1u);
  EXPECT_EQ(message.cc[0].address, "cc@example.com");
  EXPECT_NE(message.cc[0].display_name.find("broken"), std::string::npos);
  EXPECT_EQ(message.subject.rfind("询价：型号 A-100 ", 0), 0u) << message.subject;
  EXPECT_NE(message.subject.find("not-base64"), std::string::npos) << message.subject;
}

// GMime folds a long subject into base64 words the first of which ends in padding; Debian 12's GMime reads
// such words back as one stream and lost the rest (jstedfast/gmime#133): each padded word is read on its own.
TEST(MimeParser, ReadsEveryWordOfASubjectFoldedAfterAPaddedBase64Word) {
  sdk::Result<MimeMessage> message = ParseMimeMessage(
      "From: hub@hub.test\r\nSubject: =?UTF-8?B?5paw5Lu75Yqh77ya5Zue6K6/5LiK5rW36L+c6IiqIOKAlA==?=\r\n"
      " =?UTF-8?B?IOWuouaItw==?= =?utf-8?q?_ok?=\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n");
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  EXPECT_EQ(message->subject, "新任务：回访上海远航 — 客户 ok");
  sdk::Result<MimeMessage> split = ParseMimeMessage(  // unpadded words still join, blanks between them dropped
      "From: a@b\r\nSubject: =?UTF-8?B?5paw5Lu7?= =?UTF-8?B?5Yqh?= x\r\n\r\nbody\r\n");
  ASSERT_TRUE(split.ok());
  EXPECT_EQ(split->subject, "新任务 x");
}

TEST(MimeParser, ReadsRaw8BitHeadersInTheCharsetOfTheText) {
  MimeMessage message = ParsedFixture("raw_8bit_headers.eml");
  EXPECT_EQ(message.subject, "報價單");
  EXPECT_EQ(message.from, (MailAddress{"chan@example.tw", "陳大文"}));
  EXPECT_EQ(message.to, (std::vector<MailAddress>{{"taipei@example.tw", "臺北分公司"}}));
  EXPECT_EQ(message.text, "請報價。\n");
}

// One row a charset fixture: the subject, the text, the charset the text was decoded from and why.
struct CharsetCase {
  const char* fixture;
  const char* subject;
  const char* text;
  const char* charset;
  const char* source;
};

// Names the case by its fixture in test output.
void PrintTo(const CharsetCase& charset_case, std::ostream* out) { *out << charset_case.fixture; }

class MimeParserCharsets : public testing::TestWithParam<CharsetCase> {};

TEST_P(MimeParserCharsets, DecodesSubjectAndTextToUtf8) {
  const CharsetCase& expected = GetParam();
  MimeMessage message = ParsedFixture(expected.fixture);
  EXPECT_EQ(message.subject, expected.subject);
  EXPECT_EQ(message.text, expected.text);
  EXPECT_EQ(message.charset_used, expected.charset);
  EXPECT_EQ(message.charset_source, expected.source);
}

INSTANTIATE_TEST_SUITE_P(
    EachCharsetOfIssue10, MimeParserCharsets,
    testing::Values(
        // Labelled GB2312, carrying a GB18030 character (䶮) in the subject and the text: read as GB18030.
        CharsetCase{"gb2312.eml", "GB2312 报价单 王䶮", "您好，请报价。联系人：王䶮\n", "GB18030", "content-type"},
        CharsetCase{"gbk.eml", "GBK 朱镕基", "总经理：朱镕基，电话 010-12345678\n", "GB18030", "content-type"},
        CharsetCase{"gb18030.eml", "GB18030 䶮𠀀", "四字节：䶮 𠀀 €\n", "gb18030", "content-type"},
        CharsetCase{"big5.eml", "Big5 繁體報價", "臺北市，請報價。\n", "big5", "content-type"},
        CharsetCase{"utf8.eml", "UTF-8 你好 👋", "你好 👋 café\n", "UTF-8", "content-type"},
        CharsetCase{"html_meta_charset.eml", "HTML meta", "尊敬的客户：\n\n价格 & 交期一览\n谢谢", "GB18030",
                    "html-meta"},
        // No Content-Type at all, raw GB18030 bytes in the subject and the body: detected.
        CharsetCase{"no_charset.eml", "无编码声明", "正文没有字符集：GB18030 字节\n", "GB18030", "detected"}),
    [](const testing::TestParamInfo<CharsetCase>& info) {
      std::string name = info.param.fixture;
      name = name.substr(0, name.find('.'));
      std::erase(name, '_');
      return name;
    });

TEST(MimeParser, RendersHtmlOnlyMailAsPlainText) {
  MimeMessage message = ParsedFixture("html_meta_charset.eml");
  EXPECT_TRUE(message.text_from_html);
  EXPECT_EQ(message.text.find("不要"), std::string::npos) << "the <title> is not text";
  EXPECT_EQ(message.text.find("color"), std::string::npos) << "the <style> is not text";
}

TEST(MimeParser, DerivesAStableMessageIdWhenTheHeaderIsAbsent) {
  MimeMessage message = ParsedFixture("no_message_id.eml");
  EXPECT_TRUE(message.message_id_derived);
  // SHA-256 of "li.na@example.cn\n1793669400\nNo id" (mime_message.hpp's rule).
  EXPECT_EQ(message.message_id, "4ba76c3e97ac7ca4e075b3235ae08832f5c44debc3038b9a643ea70297333b8b@derived.hub.invalid");
  EXPECT_EQ(ParsedFixture("no_message_id.eml").message_id, message.message_id);

  std::string other_subject = FixtureBytes("no_message_id.eml");
  other_subject.replace(other_subject.find("No id"), 5, "Another");
  sdk::Result<MimeMessage> other = ParseMimeMessage(other_subject);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->message_id, message.message_id);
}

TEST(MimeParser, RefusesBytesThatAreNotAMessageWithTheReason) {
  sdk::Result<MimeMessage> empty = ParseMimeMessage("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(empty.status().message().find("no bytes"), std::string::npos);

  sdk::Result<MimeMessage> no_header = ParseMimeMessage("\n\njust some text, no header at all\n");
  ASSERT_FALSE(no_header.ok());
  EXPECT_EQ(no_header.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(no_header.status().message().find("no header"), std::string::npos) << no_header.status().ToString();
}

}  // namespace
}  // namespace hub::email
