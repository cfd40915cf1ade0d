// MailTemplate: placeholders checked when parsed, filled from the event's payload and facts when rendered.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "email/mail_template.hpp"

namespace hub::email {
namespace {

TemplateValues Values() {
  return {boost::json::parse(R"({"id":"s1-7","kind":"task.created","entity":"task","aggregate_id":"42",
                                 "occurred_at":"2026-01-05T10:00:00Z"})"),
          boost::json::parse(R"({"source_system":"crm","source_id":"T-9",
                                 "fields":{"subject":"回访 <VIP>","due":3,"done":false,"note":null},
                                 "document":{"party":{"name":"上海远航贸易有限公司",
                                                      "emails":[{"address":"li@yuanhang.cn"}]}}})")};
}

std::string Rendered(std::string_view text, TemplateEscape escape = TemplateEscape::kNone) {
  sdk::Result<MailTemplate> parsed = MailTemplate::Parse("t", text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  if (!parsed.ok()) return "";
  sdk::Result<std::string> rendered = parsed->Render(Values(), escape);
  EXPECT_TRUE(rendered.ok()) << rendered.status().ToString();
  return rendered.ok() ? *rendered : "";
}

TEST(MailTemplate, FillsFieldsDocumentPathsArrayIndexesAndEventFacts) {
  EXPECT_EQ(Rendered("{{ fields.subject }} / {{document.party.name}} / {{document.party.emails.0.address}}"),
            "回访 <VIP> / 上海远航贸易有限公司 / li@yuanhang.cn");
  EXPECT_EQ(Rendered("{{event.kind}} {{event.id}} {{event.aggregate_id}} {{source_system}}:{{source_id}}"),
            "task.created s1-7 42 crm:T-9");
  EXPECT_EQ(Rendered("due in {{fields.due}} days, done {{fields.done}}"), "due in 3 days, done false");
  EXPECT_EQ(Rendered("no placeholders at all"), "no placeholders at all");
  EXPECT_EQ(Rendered("{{payload.source_id}} {{payload.fields.due}}"), "T-9 3");
}

TEST(MailTemplate, AFallbackStandsInForAMissingOrNullValue) {
  EXPECT_EQ(Rendered("Dear {{fields.contact_name|customer}},"), "Dear customer,");
  EXPECT_EQ(Rendered("[{{fields.note|}}]"), "[]");
  EXPECT_EQ(Rendered("{{document.party.emails.5.address|none}}"), "none");
}

TEST(MailTemplate, HtmlEscapesTheValuesNotTheTemplate) {
  EXPECT_EQ(Rendered("<b>{{fields.subject}}</b>", TemplateEscape::kHtml), "<b>回访 &lt;VIP&gt;</b>");
}

TEST(MailTemplate, AMissingRequiredFieldIsADataErrorNamingTheTemplateAndPlaceholder) {
  sdk::Result<MailTemplate> parsed = MailTemplate::Parse("task.created.txt", "Hello {{fields.owner_name}}");
  ASSERT_TRUE(parsed.ok());
  sdk::Result<std::string> rendered = parsed->Render(Values(), TemplateEscape::kNone);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.status().code(), sdk::StatusCode::kDataError);
  EXPECT_EQ(rendered.status().message(), "task.created.txt: the event has no value for {{fields.owner_name}}");
}

TEST(MailTemplate, AnObjectIsNotAValueToWrite) {
  sdk::Result<MailTemplate> parsed = MailTemplate::Parse("t", "{{document.party}}");
  ASSERT_TRUE(parsed.ok());
  sdk::Result<std::string> rendered = parsed->Render(Values(), TemplateEscape::kNone);
  ASSERT_FALSE(rendered.ok());
  EXPECT_NE(rendered.status().message().find("not a single value but an object"), std::string::npos);
}

TEST(MailTemplate, MistakesKnowableBeforeAnyEventAreRefusedWithTheLine) {
  struct Case {
    std::string_view text;
    std::string_view message;
  };
  const Case cases[] = {
      {"line one\nHello {{fields.name", "t:2: '{{' without a closing '}}'"},
      {"{{ }}", "t:1: the placeholder {{ }} names no field"},
      {"\n\n{{name}}", "t:3: the placeholder {{name}} is not a field path"},
      {"{{fields..name}}", "t:1: the placeholder {{fields..name}} is not a field path"},
  };
  for (const Case& c : cases) {
    sdk::Result<MailTemplate> parsed = MailTemplate::Parse("t", c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().substr(0, c.message.size()), c.message) << parsed.status().message();
  }
}

}  // namespace
}  // namespace hub::email
