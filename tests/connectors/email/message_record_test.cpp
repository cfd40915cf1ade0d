// A message as the activity record the connector gives: one case per rule of message_record.hpp.
#include <gtest/gtest.h>

#include <string>

#include "email/mail_need.hpp"
#include "email/message_record.hpp"
#include "email/mime_parser.hpp"
#include "maildir_tree.hpp"

namespace hub::email {
namespace {

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1800000000));

MessageRules Rules() {
  MessageRules rules;
  rules.domains = MailDomains(DefaultFreeMailDomains(), {"acme.cn", "boss@partner.example.com"});
  rules.need_keywords = DefaultNeedKeywords();
  rules.summary_max_chars = 60;
  return rules;
}

sdk::Record RecordOf(const std::string& bytes, MailboxMessage source = {"INBOX", "INBOX new/1", {}, {}}) {
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(bytes);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  source.bytes = bytes;
  return MessageRecord(source, parsed.ok() ? *parsed : MimeMessage{}, Rules(), kNow);
}

std::string Text(const sdk::Record& record, const std::string& field) {
  const sdk::Value* value = record.Find(field);
  return value == nullptr ? "<absent>" : value->text();
}

TEST(MessageRecord, AnInboundMessageFromACompanyNamesTheSenderAndItsRegistrableDomain) {
  const sdk::Record record = RecordOf(
      SimpleMessage("a1@mail.huateng.com.cn", "王芳 <wang.fang@mail.huateng.com.cn>", "sales@acme.cn", "水泵询价",
                    "您好，\n\n请提供20台水泵的报价。\n\n-- \n王芳\n上海华腾贸易有限公司\n手机：138 0013 8000\n"));
  EXPECT_EQ(record.entity, "activity");
  EXPECT_EQ(record.source_id, "a1@mail.huateng.com.cn");
  EXPECT_EQ(record.position, "INBOX new/1");
  EXPECT_EQ(Text(record, "kind"), "email");
  EXPECT_EQ(Text(record, "direction"), "inbound");
  EXPECT_EQ(Text(record, "email"), "wang.fang@mail.huateng.com.cn");
  EXPECT_EQ(Text(record, "web_domain"), "huateng.com.cn");
  EXPECT_EQ(Text(record, "contact_name"), "王芳");
  EXPECT_EQ(Text(record, "company_name"), "上海华腾贸易有限公司");
  EXPECT_EQ(Text(record, "phone"), "138 0013 8000");
  EXPECT_EQ(Text(record, "need"), "水泵询价");
  EXPECT_EQ(Text(record, "subject"), "水泵询价");
  EXPECT_EQ(Text(record, "summary"), "您好，\n\n请提供20台水泵的报价。");
  EXPECT_EQ(record.Find("occurred_at")->integer(), 1699925400000);  // Tue, 14 Nov 2023 09:30:00 +0800
  EXPECT_EQ(record.Find("attachments"), nullptr);
}

TEST(MessageRecord, AMessageFromOurOwnDomainIsOutboundToItsFirstOutsideRecipient) {
  const sdk::Record record = RecordOf(SimpleMessage(
      "o1@acme.cn", "Sales <sales@acme.cn>", "Colleague <li@acme.cn>, \"John Smith\" <john@pumps.example.com>",
      "Re: quotation", "Dear John,\n\nthe quotation is attached.\n\n-- \nAcme Co., Ltd.\nTel: +86 21 6888 8888\n"));
  EXPECT_EQ(Text(record, "direction"), "outbound");
  EXPECT_EQ(Text(record, "email"), "john@pumps.example.com");
  EXPECT_EQ(Text(record, "contact_name"), "John Smith");
  EXPECT_EQ(Text(record, "web_domain"), "example.com");
  // Our own signature tells nothing about the customer, and we state no need of theirs.
  EXPECT_EQ(record.Find("phone"), nullptr);
  EXPECT_EQ(record.Find("company_name"), nullptr);
  EXPECT_EQ(record.Find("need"), nullptr);
}

TEST(MessageRecord, AnOwnAddressCountsAsOursAndSubdomainsOfOwnDomainsToo) {
  EXPECT_EQ(
      Text(RecordOf(SimpleMessage("o2@x", "boss@partner.example.com", "a@b.example.org", "Hi", "x")), "direction"),
      "outbound");
  EXPECT_EQ(Text(RecordOf(SimpleMessage("o3@x", "x@mail.acme.cn", "a@b.example.org", "Hi", "x")), "direction"),
            "outbound");
  EXPECT_EQ(
      Text(RecordOf(SimpleMessage("o4@x", "other@partner.example.com", "a@b.example.org", "Hi", "x")), "direction"),
      "inbound");
}

TEST(MessageRecord, FreeMailAddressesGiveNoWebDomain) {
  for (const std::string from :
       {"zhang@163.com", "li@vip.qq.com", "x@yahoo.co.jp", "y@gmail.com", "z@sina.com.cn", "w@foxmail.com"}) {
    const sdk::Record record = RecordOf(SimpleMessage("f@" + from, from, "sales@acme.cn", "Hi", "hello"));
    EXPECT_EQ(Text(record, "email"), from);
    EXPECT_EQ(record.Find("web_domain"), nullptr) << from;
  }
}

TEST(MessageRecord, TheSignatureGivesAnInternationalPhoneAndTheCompany) {
  const sdk::Record record = RecordOf(
      SimpleMessage("i1@pumps.example.com", "John Smith <john@pumps.example.com>", "sales@acme.cn", "Pumps",
                    "Hi,\n\nplease send your price list for 20 pumps.\n\nBest regards,\nJohn Smith\nSales Manager | "
                    "Acme Pumps Inc.\nFax: +1 617 555 0100\nPhone: +1 617 555 0142\n"));
  EXPECT_EQ(Text(record, "phone"), "+1 617 555 0142");
  EXPECT_EQ(Text(record, "company_name"), "Acme Pumps Inc.");
  EXPECT_EQ(Text(record, "need"), "please send your price list for 20 pumps.");
  EXPECT_EQ(Text(record, "summary"), "Hi,\n\nplease send your price list for 20 pumps.");
}

TEST(MessageRecord, TheSummaryIsBoundedAndAMessageWithoutANeedHasNone) {
  const sdk::Record record = RecordOf(
      SimpleMessage("l1@x.example.com", "a@x.example.com", "sales@acme.cn", "Meeting", std::string(200, 'a') + "\n"));
  EXPECT_EQ(Text(record, "summary"), std::string(60, 'a') + "…");
  EXPECT_EQ(record.Find("need"), nullptr);
}

TEST(MessageRecord, WithoutADateTheMailboxTimeElseNowIsWhenItHappened) {
  const std::string bytes = "Message-ID: <d1@x>\r\nFrom: a@x.example.com\r\nSubject: s\r\n\r\nbody\r\n";
  MailboxMessage source{"INBOX", "INBOX new/2", {}, std::chrono::sys_seconds(std::chrono::seconds(1700000000))};
  EXPECT_EQ(RecordOf(bytes, source).Find("occurred_at")->integer(), 1700000000000);
  EXPECT_EQ(RecordOf(bytes).Find("occurred_at")->integer(), 1800000000000);
}

TEST(MessageRecord, AttachmentsAreRecordedWithNameTypeSizeAndHash) {
  const std::string bytes =
      "Message-ID: <att@x>\r\nFrom: a@x.example.com\r\nSubject: 报价单\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
      "--b\r\nContent-Type: application/pdf; name=q.pdf\r\nContent-Disposition: attachment; filename=q.pdf\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b--\r\n";
  const sdk::Record record = RecordOf(bytes);
  EXPECT_EQ(record.Find("attachment_count")->integer(), 1);
  EXPECT_EQ(
      Text(record, "attachments"),
      R"([{"name":"q.pdf","content_type":"application/pdf","size":5,)"
      R"("sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824","content_id":"","inline":false}])");
}

TEST(MessageRecord, ARefusedMessageIsQuarantinedNamingItsFolderAndPosition) {
  const sdk::Record record = RefusedMessageRecord({"Sales.China", "Sales.China cur/9:2,S", "", {}},
                                                  sdk::Status::DataError("not a message: no bytes"));
  EXPECT_EQ(record.entity, "activity");
  EXPECT_EQ(record.position, "Sales.China cur/9:2,S");
  EXPECT_EQ(record.source_id, "Sales.China cur/9:2,S");
  EXPECT_EQ(record.rejection, "not a message: no bytes");
}

}  // namespace
}  // namespace hub::email
