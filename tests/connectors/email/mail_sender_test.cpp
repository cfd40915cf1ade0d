// MailSender without a server: which mail an event gives, and which events can never be mailed.
#include <gtest/gtest.h>

#include "email/mail_sender.hpp"
#include "email/mime_parser.hpp"
#include "mail_sender_fixture.hpp"

namespace hub::email::test {
namespace {

class MailSenderCompose : public ::testing::Test {
 protected:
  void SetUp() override { WriteTemplates(dir_); }
  MailSender Sender(const std::string& to = "") {
    sdk::Result<MailSender> sender = MailSender::Create(Options(dir_, "smtps://localhost:1", "", "", "", to));
    EXPECT_TRUE(sender.ok()) << sender.status().ToString();
    return std::move(sender).value();
  }
  hub::test::TempDir dir_;
};

TEST_F(MailSenderCompose, ATaskGoesToItsOwnerWithTheTemplatesFilledAndTheEventIds) {
  sdk::Result<EventMail> mail = Sender("fixed@hub.test").Compose(TaskEvent("s1-7", "wang@example.cn"));
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"wang@example.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "新任务：回访上海远航 — 客户");
  EXPECT_EQ(parsed->to, (std::vector<MailAddress>{{"wang@example.cn", "王经理"}}));
  EXPECT_EQ(parsed->text, "王经理，\n\n您有一个新任务：回访上海远航\n截止日期：2026-01-09\n");
  EXPECT_EQ(parsed->message_id, "s1-7@hub.test");
  EXPECT_NE(mail->bytes.find("X-Hub-Event-Id: s1-7\r\n"), std::string::npos);
  EXPECT_NE(mail->bytes.find("X-Hub-Event: task.created\r\n"), std::string::npos);
}

TEST_F(MailSenderCompose, TheSameEventComposesTheSameBytesOnEveryAttempt) {
  MailSender sender = Sender();
  EXPECT_EQ(sender.Compose(TaskEvent("s1-7", "wang@example.cn"))->bytes,
            sender.Compose(TaskEvent("s1-7", "wang@example.cn"))->bytes);
}

TEST_F(MailSenderCompose, AKindWithoutATemplateIsADataErrorNamingTheKindAndTheFiles) {
  sdk::OutboundEvent event = TaskEvent("s1-8", "wang@example.cn");
  event.kind = "lead.assigned";
  sdk::Result<EventMail> mail = Sender().Compose(event);
  ASSERT_FALSE(mail.ok());
  EXPECT_EQ(mail.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(mail.status().message().find("event s1-8 (lead.assigned): no mail template for the kind "
                                         "'lead.assigned'"),
            std::string::npos)
      << mail.status().message();
  EXPECT_NE(mail.status().message().find("lead.assigned.subject and lead.assigned.txt"), std::string::npos);
}

TEST_F(MailSenderCompose, NoRecipientIsADataError) {
  sdk::OutboundEvent event;
  event.kind = "party.created";
  event.event_id = "s1-9";
  event.payload_json = R"({"fields":{"name":"ACME","country":"DE"}})";
  sdk::Result<EventMail> mail = Sender().Compose(event);
  ASSERT_FALSE(mail.ok());
  EXPECT_EQ(mail.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(mail.status().message().find("no recipient"), std::string::npos) << mail.status().message();
  EXPECT_TRUE(Sender("care@hub.test").Compose(event).ok());
}

TEST_F(MailSenderCompose, AMissingFieldOrARecipientThatIsNoAddressIsADataError) {
  sdk::OutboundEvent event = TaskEvent("s1-10", "wang@example.cn");
  event.payload_json = R"({"fields":{"subject":"x","owner_email":"wang@example.cn"}})";
  sdk::Result<EventMail> missing = Sender().Compose(event);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), sdk::StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("{{fields.due_date}}"), std::string::npos) << missing.status().message();
  sdk::Result<EventMail> bad = Sender().Compose(TaskEvent("s1-11", "no address"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), sdk::StatusCode::kDataError);
}

TEST_F(MailSenderCompose, ATemplateMistakeIsRefusedWhenTheSenderIsMadeNamingTheFileAndLine) {
  dir_.Write("templates/lead.assigned.subject", "Lead {{fields.name}");
  dir_.Write("templates/lead.assigned.txt", "x");
  sdk::Result<MailSender> sender = MailSender::Create(Options(dir_, "smtps://localhost:1", "", "", "", ""));
  ASSERT_FALSE(sender.ok());
  EXPECT_EQ(sender.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_NE(sender.status().message().find("lead.assigned.subject:1: '{{' without a closing '}}'"), std::string::npos)
      << sender.status().message();
}

TEST_F(MailSenderCompose, AKindWithASubjectButNoTextIsRefused) {
  dir_.Write("templates/payment.reminder.subject", "Reminder");
  sdk::Result<MailSender> sender = MailSender::Create(Options(dir_, "smtps://localhost:1", "", "", "", ""));
  ASSERT_FALSE(sender.ok());
  EXPECT_NE(sender.status().message().find("'payment.reminder' needs both"), std::string::npos)
      << sender.status().message();
}

// A sender of config/examples/email.xml's notifications connector, with its shipped templates.
sdk::Result<MailSender> ExampleSender() {
  OutboundMailOptions options;
  options.server.url = "smtp://mail.acme.cn:587";
  options.from = {"hub@acme.cn", "Hub 通知"};
  options.templates = std::string(HUB_SOURCE_DIR) + "/config/examples/mail_templates";
  options.message_id_domain = "acme.cn";
  return MailSender::Create(options);
}

TEST(MailSenderExample, TheShippedTemplatesMailACallbackTaskToItsAssignee) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::OutboundEvent event;
  event.kind = "task.created";
  event.entity = "task";
  event.id = "12";
  event.event_id = "s1-40";
  // A task.created payload as the model layer writes it, with the document a document="true" job adds.
  event.payload_json = R"json({"id":12,"kind":"callback","subject":"Call back 上海华腾贸易有限公司 (+862150801234)",
      "document":{"assignee":{"name":"王芳","email":"wang.fang@acme.cn"},"party":{"name":"上海华腾贸易有限公司"}}})json";
  sdk::Result<EventMail> mail = sender->Compose(event);
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"wang.fang@acme.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "回电提醒：上海华腾贸易有限公司");
  EXPECT_NE(parsed->text.find("Call back 上海华腾贸易有限公司 (+862150801234)"), std::string::npos) << parsed->text;
}

TEST(MailSenderExample, TheShippedTemplatesMailAnAssignedLeadToItsOwnerWithTheNextStep) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::OutboundEvent event;
  event.kind = "lead.assigned";
  event.entity = "lead";
  event.id = "31";
  event.event_id = "s1-77";
  // A lead.assigned payload as the router appends it, with the lead's document (its row, owner and party).
  event.payload_json = R"json({"lead_id":31,"assignment_id":5,"owner_employee_id":2,"team_id":1,
      "rule":"industry","reason":"intake","document":{"id":31,"company_name":"杭州远景科技有限公司",
      "contact_name":"陈静","phone":null,"mobile":"+8613912345678","email":"chen.jing@yuanjing.cn",
      "need":"询价：ERP 二期","tier":"middle","grade":"A","owner":{"name":"王芳","email":"wang.fang@acme.cn"},
      "party":null}})json";
  sdk::Result<EventMail> mail = sender->Compose(event);
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"wang.fang@acme.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "新线索分配：杭州远景科技有限公司");
  for (const char* line : {"王芳，您好：", "分配规则：industry", "联系人：陈静", "需求：询价：ERP 二期",
                           "客户分层 / 等级：middle / A", "已是客户：否", "下一步："}) {
    EXPECT_NE(parsed->text.find(line), std::string::npos) << line << " in\n" << parsed->text;
  }
}

TEST(MailSenderExample, TheShippedTemplatesTellTheManagerOfALeadWhoseOwnerLetTheSlaPass) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::OutboundEvent event;
  event.kind = "lead.sla_missed";
  event.entity = "lead";
  event.id = "31";
  event.event_id = "s1-78";
  // A lead.sla_missed payload as a lead_sla job appends it, with the lead's document: its new owner, and the
  // employees the payload names (the owner who let it pass, their manager).
  event.payload_json = R"json({"lead_id":31,"missed_assignment_id":5,"missed_by_employee_id":2,
      "manager_employee_id":9,"assignment_id":6,"owner_employee_id":3,"rule":"workload",
      "reason":"workload: 0 open holdings","sla_hours":24,"document":{"id":31,"company_name":"杭州远景科技有限公司",
      "contact_name":"陈静","need":"询价：ERP 二期","tier":"middle","grade":"A",
      "owner":{"name":"李强","email":"li.qiang@acme.cn"},"missed_by":{"name":"王芳","email":"wang.fang@acme.cn"},
      "manager":{"name":"赵敏","email":"zhao.min@acme.cn"},"party":null}})json";
  sdk::Result<EventMail> mail = sender->Compose(event);
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"zhao.min@acme.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "线索超时未接收：杭州远景科技有限公司");
  for (const char* line :
       {"赵敏，您好：", "王芳 未在 24 小时内接收", "重新分配：workload: 0 open holdings", "现负责人：李强"}) {
    EXPECT_NE(parsed->text.find(line), std::string::npos) << line << " in\n" << parsed->text;
  }
}

TEST(MailSenderExample, TheShippedTemplatesAskTheReviewerOfATopLeadAndTellTheOwnerTheDecision) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::OutboundEvent event;
  event.kind = "lead.review_requested";
  event.entity = "lead";
  event.id = "31";
  event.event_id = "s1-80";
  // A lead.review_requested payload as the classification appends it, with the lead's document and the reviewer.
  event.payload_json = R"json({"lead_id":31,"reviewer":"销售总监","reviewer_employee_id":9,"tier":"top",
      "grade":"A","document":{"id":31,"company_name":"江南造船","contact_name":"陈静","need":"焊接机器人 12 台",
      "estimated_amount":"1200000","currency":"CNY","industry":"shipbuilding","province":"上海","city":"上海",
      "owner":{"name":"王芳","email":"wang.fang@acme.cn"},"reviewer":{"name":"周总","email":"zhou@acme.cn"},
      "party":null}})json";
  sdk::Result<EventMail> asked = sender->Compose(event);
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  EXPECT_EQ(asked->recipients, std::vector<std::string>{"zhou@acme.cn"});
  sdk::Result<MimeMessage> request = ParseMimeMessage(asked->bytes);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->subject, "顶级线索待审核：江南造船");
  for (const char* line : {"周总，您好：", "客户分层 / 等级：top / A", "负责人：王芳", "/api/v1/leads/31/review"}) {
    EXPECT_NE(request->text.find(line), std::string::npos) << line << " in\n" << request->text;
  }

  event.kind = "lead.reviewed";
  event.event_id = "s1-81";
  event.payload_json = R"json({"lead_id":31,"decision":"reject","by":"周总","note":"只是询价","tier":"middle",
      "tier_before":"top","owner_employee_id":2,"document":{"id":31,"company_name":"江南造船",
      "need":"焊接机器人 12 台","owner":{"name":"王芳","email":"wang.fang@acme.cn"},"party":null}})json";
  sdk::Result<EventMail> told = sender->Compose(event);
  ASSERT_TRUE(told.ok()) << told.status().ToString();
  EXPECT_EQ(told->recipients, std::vector<std::string>{"wang.fang@acme.cn"});
  sdk::Result<MimeMessage> decision = ParseMimeMessage(told->bytes);
  ASSERT_TRUE(decision.ok());
  for (const char* line : {"王芳，您好：", "由 周总 审核：reject", "客户分层：top → middle", "说明：只是询价"}) {
    EXPECT_NE(decision->text.find(line), std::string::npos) << line << " in\n" << decision->text;
  }
}

// A customer-care greeting as the model layer appends it (store/model/care_greetings.hpp): its fields, and
// null for what is unknown.
sdk::OutboundEvent Greeting(const std::string& kind, const std::string& extra_fields) {
  sdk::OutboundEvent event;
  event.kind = kind;
  event.entity = "customer_care";
  event.id = "7";
  event.event_id = "s1-90";
  event.payload_json = R"json({"fields":{"party_id":7,"contact_name":"张伟","family_name":"张","given_name":"伟",
      "email":"zhang.wei@huateng.cn","birth_date":"1980-05-20","customer_party_id":3,"customer_name":"上海华腾贸易有限公司",
      "owner_name":"王芳","owner_email":"wang.fang@acme.cn","job":"greetings",)json" +
                       extra_fields + "}}";
  return event;
}

TEST(MailSenderExample, TheShippedTemplatesMailABirthdayGreetingToTheContact) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::Result<EventMail> mail = sender->Compose(
      Greeting("customer_care.birthday",
               R"json("occasion":"birthday","holiday":null,"holiday_title":null,"date":"2027-05-20","year":2027)json"));
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"zhang.wei@huateng.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "生日快乐，张伟！Happy birthday");
  EXPECT_EQ(parsed->to, (std::vector<MailAddress>{{"zhang.wei@huateng.cn", "张伟"}}));
  EXPECT_NE(parsed->text.find("Dear 张伟,"), std::string::npos) << parsed->text;
  EXPECT_NE(parsed->text.find("王芳\nwang.fang@acme.cn"), std::string::npos) << parsed->text;
}

TEST(MailSenderExample, TheShippedTemplatesMailAHolidayGreetingEvenWithoutCustomerOrOwner) {
  sdk::Result<MailSender> sender = ExampleSender();
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  sdk::OutboundEvent event = Greeting(
      "customer_care.holiday",
      R"json("occasion":"holiday","holiday":"spring_festival","holiday_title":"春节","date":"2027-02-06","year":2027)json");
  for (const char* unknown : {R"("customer_name":"上海华腾贸易有限公司")", R"("owner_name":"王芳")",
                              R"("owner_email":"wang.fang@acme.cn")"}) {
    const std::string field(unknown);
    event.payload_json.replace(event.payload_json.find(field), field.size(),
                               field.substr(0, field.find(':') + 1) + "null");
  }
  sdk::Result<EventMail> mail = sender->Compose(event);
  ASSERT_TRUE(mail.ok()) << mail.status().ToString();
  EXPECT_EQ(mail->recipients, std::vector<std::string>{"zhang.wei@huateng.cn"});
  sdk::Result<MimeMessage> parsed = ParseMimeMessage(mail->bytes);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->subject, "春节快乐！Season's greetings, 张伟");
  EXPECT_NE(parsed->text.find("值此春节（2027-02-06）之际，谨向您及贵公司全体同仁"), std::string::npos) << parsed->text;
  EXPECT_NE(parsed->text.find("everyone at your company"), std::string::npos) << parsed->text;
  EXPECT_NE(parsed->text.find("Acme 客户服务 / Customer care"), std::string::npos) << parsed->text;
}

}  // namespace
}  // namespace hub::email::test
