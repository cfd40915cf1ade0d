// The sender's own text, the signature, and what the signature and text say: phone numbers in Chinese and
// international forms, company names, needs in both languages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "email/mail_need.hpp"
#include "email/mail_text.hpp"
#include "email/signature_facts.hpp"

namespace hub::email {
namespace {

TEST(MailText, CutsTheQuotedReplyAndTheSignatureAfterDashDashSpace) {
  const MailTextParts parts = SplitMailText(
      "Hello,\n\n\n\nplease send the price list.  \n> old line\n\n-- \nLi Wei\nTel: +86 138 0013 8000\n\n"
      "On Mon, 13 Nov 2023 at 10:00, Sales <sales@acme.cn> wrote:\n> We have pumps.\n");
  EXPECT_EQ(parts.body, "Hello,\n\nplease send the price list.");
  EXPECT_EQ(parts.signature, (std::vector<std::string>{"Li Wei", "Tel: +86 138 0013 8000"}));
  EXPECT_FALSE(parts.signature_guessed);
}

TEST(MailText, KnowsTheReplyMarkersOfChineseAndOutlookClients) {
  for (const std::string quote :
       {"在 2023年11月13日 10:00，张三 <z@a.cn> 写道：\n旧邮件",
        "------------------ 原始邮件 ------------------\n发件人: x", "-----Original Message-----\nFrom: x",
        "________________________________\nFrom: x", "发件人：张三\n发送时间：2023年11月13日\n收件人：李四",
        "From: Zhang <z@a.cn>\nSent: Monday\nTo: li@b.cn"}) {
    EXPECT_EQ(SplitMailText("请报价。\n\n" + quote).body, "请报价。") << quote;
  }
}

TEST(MailText, TakesTheSignatureFromASignOffOrGuessesTheLastBlockKeepingItInTheBody) {
  const MailTextParts signed_off = SplitMailText("请报价。\n\n此致\n敬礼\n王经理\n手机：13800138000");
  EXPECT_EQ(signed_off.body, "请报价。");
  EXPECT_EQ(signed_off.signature.back(), "手机：13800138000");
  const MailTextParts guessed = SplitMailText("Please quote 20 pumps.\n\nJohn Smith\nAcme Pumps Inc.\n+1 617 555 0142");
  EXPECT_TRUE(guessed.signature_guessed);
  EXPECT_EQ(guessed.body, "Please quote 20 pumps.\n\nJohn Smith\nAcme Pumps Inc.\n+1 617 555 0142");
  EXPECT_EQ(guessed.signature.size(), 3u);
  EXPECT_TRUE(SplitMailText("One paragraph only.").signature.empty());
}

TEST(MailText, BoundsTextByCharactersNeverInsideOne) {
  EXPECT_EQ(BoundedText("询价水泵二十台", 2), "询价…");
  EXPECT_EQ(BoundedText("short", 5), "short");
}

struct PhoneCase {
  std::string line;
  std::string phone;  // empty: none
};

TEST(SignatureFacts, FindsPhoneNumbersInChineseAndInternationalForms) {
  const PhoneCase cases[] = {
      {"手机：138 0013 8000", "138 0013 8000"},
      {"Mobile: +86 138-0013-8000", "+86 138-0013-8000"},
      {"电话：(010)6552-8899", "(010)6552-8899"},
      {"T: 0755-8888 6666 转 801", "0755-8888 6666"},
      {"Tel +49 89 1234567", "+49 89 1234567"},
      {"Phone: 0049 89 1234567", "0049 89 1234567"},
      {"电话：８６１３８００１３８０００", "+8613800138000"},
      {"13800138000", "13800138000"},
      {"日期 2023-11-14 邮编 200120", ""},
      {"传真：021-6888 8888", ""},
      {"Fax: +86 21 6888 8888", ""},
      {"Room 1203, No. 88", ""},
  };
  for (const PhoneCase& c : cases) EXPECT_EQ(FindPhoneNumber({c.line}), c.phone) << c.line;
  EXPECT_EQ(FindPhoneNumber({"传真：021-6888 8888", "手机：13912345678"}), "13912345678");
}

TEST(SignatureFacts, FindsTheCompanyLineAndNotAddressOrMailLines) {
  EXPECT_EQ(FindCompanyName({"王芳 销售经理", "上海华腾贸易有限公司 销售部", "地址：上海市浦东新区"}),
            "上海华腾贸易有限公司");
  EXPECT_EQ(FindCompanyName({"公司：深圳市宏达机电有限公司"}), "深圳市宏达机电有限公司");
  EXPECT_EQ(FindCompanyName({"Sales Manager | Acme Pumps Co., Ltd. | Boston"}), "Acme Pumps Co., Ltd.");
  EXPECT_EQ(FindCompanyName({"Müller Maschinenbau GmbH"}), "Müller Maschinenbau GmbH");
  EXPECT_EQ(FindCompanyName({"John Smith", "Acme Inc."}), "Acme Inc.");
  EXPECT_EQ(FindCompanyName({"Address: 1 Industry Rd, Acme Inc. building", "john@acme.com"}), "");
  EXPECT_EQ(FindCompanyName({"Incoming goods", "Cheers"}), "");
}

TEST(MailNeed, FindsAQuoteOrProductAskedForInEitherLanguage) {
  const std::vector<std::string> keywords = DefaultNeedKeywords();
  EXPECT_EQ(FindNeed("询价：20台水泵", "你好", keywords), "询价：20台水泵");
  EXPECT_EQ(FindNeed("Hello", "Hi,\nCould you send a quotation for 20 pumps?\nThanks", keywords),
            "Could you send a quotation for 20 pumps?");
  EXPECT_EQ(FindNeed("RFQ #2023-11", "", keywords), "RFQ #2023-11");
  EXPECT_EQ(FindNeed("样品", "", keywords), "样品");
  EXPECT_EQ(FindNeed("Meeting notes", "As quoted in the minutes.", keywords), "");
  EXPECT_EQ(FindNeed("Pump", "need pumps", {"pumps"}), "need pumps");
}

}  // namespace
}  // namespace hub::email
