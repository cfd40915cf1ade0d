// ComposeMail: what it writes is correct MIME, checked on the bytes and by reading them back with the
// connector's own parser (hub_email_reader).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "email/mail_composer.hpp"
#include "email/mime_parser.hpp"

namespace hub::email {
namespace {

MailContent Content() {
  MailContent content;
  content.from = {"hub@hub.test", "Hub 通知"};
  content.to = {{"wang@example.cn", "王经理"}, {"b@example.com", ""}};
  content.subject = "新线索：上海远航贸易有限公司 — please follow up";
  content.text = "您好，\n新的线索已分配给您。\n";
  content.message_id = MessageIdForEvent("4f1c-9", "hub.test");
  content.date_unix_ms = 1'767'607'200'000;  // 2026-01-05T10:00:00Z
  content.headers = {{"X-Hub-Event-Id", "4f1c-9"}};
  return content;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string Headers(const std::string& bytes) { return bytes.substr(0, bytes.find("\r\n\r\n")); }

TEST(MailComposer, HeadersAreAsciiWithEncodedWordsAndTheEventsIds) {
  const std::string bytes = ComposeMail(Content());
  const std::string headers = Headers(bytes);
  EXPECT_TRUE(std::all_of(headers.begin(), headers.end(), [](unsigned char c) { return c < 0x80; })) << headers;
  EXPECT_NE(Lower(headers).find("subject: =?utf-8?"), std::string::npos) << headers;
  EXPECT_NE(Lower(headers).find("message-id: <4f1c-9@hub.test>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("X-Hub-Event-Id: 4f1c-9"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Date: Mon, 05 Jan 2026 10:00:00 +0000"), std::string::npos) << headers;
  EXPECT_NE(headers.find("MIME-Version: 1.0"), std::string::npos) << headers;
}

TEST(MailComposer, EveryLineEndsInCrlf) {
  const std::string bytes = ComposeMail(Content());
  for (std::size_t at = bytes.find('\n'); at != std::string::npos; at = bytes.find('\n', at + 1)) {
    ASSERT_GT(at, 0u);
    EXPECT_EQ(bytes[at - 1], '\r') << "a bare LF at byte " << at;
  }
}

TEST(MailComposer, ReadsBackAsWrittenThroughTheParser) {
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(ComposeMail(Content()));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->subject, Content().subject);
  EXPECT_EQ(parsed->from, (MailAddress{"hub@hub.test", "Hub 通知"}));
  EXPECT_EQ(parsed->to, Content().to);
  EXPECT_EQ(parsed->message_id, "4f1c-9@hub.test");
  EXPECT_EQ(parsed->text, "您好，\n新的线索已分配给您。\n");
  EXPECT_EQ(Lower(parsed->charset_used), "utf-8");
}

TEST(MailComposer, ChineseTextIsBase64AndMostlyAsciiTextQuotedPrintableBothUtf8) {
  const std::string chinese = ComposeMail(Content());
  EXPECT_NE(Lower(chinese).find("content-type: text/plain; charset=utf-8"), std::string::npos) << chinese;
  EXPECT_NE(Lower(chinese).find("content-transfer-encoding: base64"), std::string::npos) << chinese;
  MailContent latin = Content();
  latin.text = "Dear Mr. Müller, your payment of EUR 1,200.00 is due on 2026-01-31.\n";
  const std::string bytes = ComposeMail(latin);
  EXPECT_NE(Lower(bytes).find("charset=utf-8"), std::string::npos) << bytes;
  EXPECT_NE(Lower(bytes).find("content-transfer-encoding: quoted-printable"), std::string::npos) << bytes;
  EXPECT_NE(bytes.find("M=C3=BCller"), std::string::npos) << bytes;
}

TEST(MailComposer, AnHtmlAlternativeMakesMultipartAlternativeWithThePlainTextFirst) {
  MailContent content = Content();
  content.html = "<p>您好，<b>新的线索</b></p>";
  const std::string bytes = ComposeMail(content);
  EXPECT_NE(Lower(bytes).find("content-type: multipart/alternative"), std::string::npos) << bytes;
  EXPECT_LT(Lower(bytes).find("text/plain"), Lower(bytes).find("text/html"));
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->text, content.text);
  EXPECT_FALSE(parsed->text_from_html);
}

TEST(MailComposer, MessageIdOfAnEventIsStableAndEscapesWhatIsNotAtext) {
  EXPECT_EQ(MessageIdForEvent("0b5e7c1e-3f0a-4d7e-9c11-2f1a8e6b7d90-42", "hub.example.cn"),
            "0b5e7c1e-3f0a-4d7e-9c11-2f1a8e6b7d90-42@hub.example.cn");
  EXPECT_EQ(MessageIdForEvent("a b@c=d", "x.test"), "a=20b=40c=3Dd@x.test");
  EXPECT_EQ(MessageIdForEvent(".a..b", "x.test"), "=2Ea=2E=2Eb@x.test");
}

TEST(MailComposer, AddressListsAreParsedAndNonAddressesRefused) {
  sdk::Result<std::vector<MailAddress>> list = ParseAddressList("王经理 <wang@example.cn>, b@example.com");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(*list, (std::vector<MailAddress>{{"wang@example.cn", "王经理"}, {"b@example.com", ""}}));
  EXPECT_TRUE(ParseAddressList("")->empty());
  EXPECT_EQ(ParseAddressList("not an address").status().code(), sdk::StatusCode::kDataError);
}

}  // namespace
}  // namespace hub::email
