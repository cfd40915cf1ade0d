// ParseMimeMessage's walk of the MIME structure: multipart nesting, which part is the text, attachments
// (decoded names, sizes, hashes, derived names, inline images) and forwarded messages.
#include <gtest/gtest.h>

#include <string>

#include "email_fixture.hpp"

namespace hub::email {
namespace {

// SHA-256 of the fixtures' attachment bytes (tests/data/email/make_fixtures.py: PNG, PDF, ...).
constexpr const char* kPngSha256 = "e8aec24ff2094a3d1f58421e97b800d3773bf8836e0217948bb730d779e9c85b";
constexpr const char* kPdfSha256 = "c78ef693b0cab3f39d2a3d51f09d46804c7dbff0d02aa248345dade51171b219";

TEST(MimeStructure, TakesThePlainAlternativeAndKeepsTheImagesOfTheOtherAlternatives) {
  MimeMessage message = ParsedFixture("multipart_nested.eml");
  EXPECT_EQ(message.text, "Please quote 200 units of 型号 A-100.\n");
  EXPECT_FALSE(message.text_from_html);
  ASSERT_EQ(message.attachments.size(), 2u);

  const MailAttachment& image = message.attachments[0];
  EXPECT_EQ(image.name, "part-3.png");
  EXPECT_TRUE(image.name_derived);
  EXPECT_EQ(image.content_type, "image/png");
  EXPECT_EQ(image.content_id, "logo@example.cn");
  EXPECT_TRUE(image.is_inline);
  EXPECT_EQ(image.size, 69u);
  EXPECT_EQ(image.sha256, kPngSha256);

  const MailAttachment& pdf = message.attachments[1];
  EXPECT_EQ(pdf.name, "spec.pdf");
  EXPECT_FALSE(pdf.name_derived);
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_FALSE(pdf.is_inline);
  EXPECT_EQ(pdf.size, 294u);
  EXPECT_EQ(pdf.sha256, kPdfSha256);
}

TEST(MimeStructure, TakesTheHtmlAlternativeWhenThereIsNoPlainOne) {
  std::string bytes = FixtureBytes("multipart_nested.eml");
  std::size_t plain = bytes.find("Content-Type: text/plain");
  bytes.replace(plain, 24, "Content-Type: text/x-old");
  sdk::Result<MimeMessage> message = ParseMimeMessage(bytes);
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  EXPECT_TRUE(message->text_from_html);
  EXPECT_EQ(message->text, "Please quote 200 units of 型号 A-100.");
  // The part that is no longer text is not lost either.
  ASSERT_EQ(message->attachments.size(), 3u);
  EXPECT_EQ(message->attachments[0].content_type, "text/x-old");
}

TEST(MimeStructure, RecordsEveryAttachmentWithItsDecodedName) {
  MimeMessage message = ParsedFixture("attachments.eml");
  EXPECT_EQ(message.text, "See the files.");
  ASSERT_EQ(message.attachments.size(), 5u);
  struct Expected {
    const char* name;
    bool derived;
    const char* type;
    std::uint64_t size;
    bool is_inline;
  };
  const Expected expected[] = {
      {"报价单.xls", false, "application/vnd.ms-excel", 100, false},  // RFC 2231, UTF-8
      {"合同.doc", false, "application/msword", 8, false},            // RFC 2047 in GB2312, in name=
      {"part-4.octet-stream", true, "application/octet-stream", 10, false},
      {"part-5.jpeg", true, "image/jpeg", 8, true},
      {"notes.txt", false, "text/plain", 27, false},  // a text part that is an attachment is not the text
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const MailAttachment& attachment = message.attachments[i];
    EXPECT_EQ(attachment.name, expected[i].name) << i;
    EXPECT_EQ(attachment.name_derived, expected[i].derived) << i;
    EXPECT_EQ(attachment.content_type, expected[i].type) << i;
    EXPECT_EQ(attachment.size, expected[i].size) << i;
    EXPECT_EQ(attachment.is_inline, expected[i].is_inline) << i;
    EXPECT_EQ(attachment.sha256.size(), 64u) << i;
  }
  EXPECT_EQ(message.attachments[1].sha256, "cc8321d6375c494d043fdd0260f21bc0ec51dacc9f6abb7f909cdcd3041b78bf");
  EXPECT_EQ(message.attachments[3].content_id, "photo@example.cn");
}

TEST(MimeStructure, ParsesAForwardedMessageAndRecordsItAsAnAttachment) {
  MimeMessage message = ParsedFixture("forwarded.eml");
  EXPECT_EQ(message.subject, "Fwd: RFQ");
  EXPECT_EQ(message.text, "Forwarding the customer's request.");
  ASSERT_EQ(message.attachments.size(), 1u);
  EXPECT_EQ(message.attachments[0].name, "原始询价.eml");
  EXPECT_TRUE(message.attachments[0].name_derived);
  EXPECT_EQ(message.attachments[0].content_type, "message/rfc822");
  EXPECT_GT(message.attachments[0].size, 400u);

  ASSERT_EQ(message.attached_messages.size(), 1u);
  const MimeMessage& original = message.attached_messages[0];
  EXPECT_EQ(original.message_id, "original@customer.cn");
  EXPECT_EQ(original.from, (MailAddress{"buyer@customer.cn", "客户"}));
  EXPECT_EQ(original.subject, "原始询价");
  EXPECT_EQ(original.text, "需要 50 台。\n");
  ASSERT_EQ(original.attachments.size(), 1u);
  EXPECT_EQ(original.attachments[0].name, "rfq.pdf");
  EXPECT_EQ(original.attachments[0].sha256, kPdfSha256);
}

TEST(MimeStructure, NamesAForwardedMessageByItsFileNameWhenItHasOne) {
  std::string bytes = FixtureBytes("forwarded.eml");
  std::size_t disposition = bytes.find("Content-Disposition: inline");
  bytes.replace(disposition, 27, "Content-Disposition: attachment; filename*=UTF-8''%E8%AF%A2%E4%BB%B7.eml");
  sdk::Result<MimeMessage> message = ParseMimeMessage(bytes);
  ASSERT_TRUE(message.ok()) << message.status().ToString();
  ASSERT_EQ(message->attachments.size(), 1u);
  EXPECT_EQ(message->attachments[0].name, "询价.eml");
  EXPECT_FALSE(message->attachments[0].name_derived);
  EXPECT_FALSE(message->attachments[0].is_inline);
}

TEST(MimeStructure, ReadsCrlfAndLfMessagesAlike) {
  std::string crlf = FixtureBytes("multipart_nested.eml");
  std::string lf;
  for (char c : crlf) {
    if (c != '\r') lf.push_back(c);
  }
  sdk::Result<MimeMessage> from_lf = ParseMimeMessage(lf);
  ASSERT_TRUE(from_lf.ok());
  MimeMessage from_crlf = ParsedFixture("multipart_nested.eml");
  EXPECT_EQ(from_lf->text, from_crlf.text);
  ASSERT_EQ(from_lf->attachments.size(), from_crlf.attachments.size());
  EXPECT_EQ(from_lf->attachments[1].sha256, from_crlf.attachments[1].sha256);
}

// Every fixture cut short at many points (a fetch interrupted, a file half written): each piece parses or
// is refused as a DataError, never anything worse, and every attachment it records has a name and a hash.
TEST(MimeStructure, ReadsMessagesCutShortWithoutFailingBadly) {
  const char* fixtures[] = {"multipart_nested.eml", "attachments.eml",       "forwarded.eml",
                            "encoded_words.eml",    "html_meta_charset.eml", "gb18030.eml"};
  for (const char* fixture : fixtures) {
    std::string bytes = FixtureBytes(fixture);
    for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
      sdk::Result<MimeMessage> parsed = ParseMimeMessage(std::string_view(bytes).substr(0, cut));
      if (!parsed.ok()) {
        EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kDataError) << fixture << " cut at " << cut;
        continue;
      }
      EXPECT_FALSE(parsed->message_id.empty()) << fixture << " cut at " << cut;
      for (const MailAttachment& attachment : parsed->attachments) {
        EXPECT_FALSE(attachment.name.empty()) << fixture << " cut at " << cut;
        EXPECT_EQ(attachment.sha256.size(), 64u) << fixture << " cut at " << cut;
      }
    }
  }
}

}  // namespace
}  // namespace hub::email
