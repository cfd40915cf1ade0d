// The outbound options: absent smtp_url means no mail; what the schema cannot express is refused naming the
// option.
#include <gtest/gtest.h>

#include "email/outbound_mail_options.hpp"

namespace hub::email {
namespace {

sdk::Options With(std::initializer_list<std::pair<const std::string, std::string>> extra) {
  std::map<std::string, std::string, std::less<>> values = {{"smtp_url", "smtps://mail.example.cn:465"},
                                                            {"mail_from", "Hub 通知 <hub@example.cn>"},
                                                            {"mail_templates", "/etc/hub/mail_templates"}};
  for (const auto& [name, value] : extra) values[name] = value;
  return sdk::Options(values);
}

TEST(OutboundMailOptions, WithoutSmtpUrlTheConnectorSendsNoMail) {
  sdk::Result<std::optional<OutboundMailOptions>> parsed = ParseOutboundMailOptions(sdk::Options{{"path", "/m"}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_FALSE(parsed->has_value());
}

TEST(OutboundMailOptions, ParsesWhatIsGivenAndTakesTheMessageIdDomainFromTheSender) {
  sdk::Result<std::optional<OutboundMailOptions>> parsed = ParseOutboundMailOptions(With(
      {{"smtp_user", "hub"}, {"smtp_password", "s3cret"}, {"smtp_timeout", "15s"}, {"mail_to", "a@x.cn, b@x.cn"}}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const OutboundMailOptions& options = **parsed;
  EXPECT_EQ(options.server.url, "smtps://mail.example.cn:465");
  EXPECT_EQ(options.server.user, "hub");
  EXPECT_EQ(options.server.password, "s3cret");
  EXPECT_EQ(options.server.timeout, std::chrono::seconds(15));
  EXPECT_EQ(options.server.connect_timeout, std::chrono::seconds(10));
  EXPECT_EQ(options.from, (MailAddress{"hub@example.cn", "Hub 通知"}));
  EXPECT_EQ(options.to, "a@x.cn, b@x.cn");
  EXPECT_EQ(options.message_id_domain, "example.cn");
  EXPECT_EQ(ParseOutboundMailOptions(With({{"mail_domain", "hub.example.cn"}})).value()->message_id_domain,
            "hub.example.cn");
}

TEST(OutboundMailOptions, RefusesWhatTheSchemaCannotExpressNamingTheOption) {
  struct Case {
    sdk::Options options;
    std::string message;
  };
  const Case cases[] = {
      {With({{"smtp_url", "https://mail.example.cn"}}), "option 'smtp_url': 'https://mail.example.cn' is not an"},
      {With({{"smtp_url", "smtp://user:pw@mail.example.cn"}}),
       "option 'smtp_url': 'smtp://user:pw@mail.example.cn' "
       "names no host"},
      {With({{"mail_from", ""}}), "option 'mail_from' is required with smtp_url"},
      {With({{"mail_templates", ""}}), "option 'mail_templates' is required with smtp_url"},
      {With({{"mail_from", "a@x.cn, b@x.cn"}}), "option 'mail_from': 'a@x.cn, b@x.cn' is not one e-mail address"},
      {With({{"mail_to", "not an address"}}), "option 'mail_to': 'not an address' is not a list of e-mail addresses"},
      {With({{"smtp_password", "s3cret"}}), "option 'smtp_password' is given without 'smtp_user'"},
      {With({{"smtp_timeout", "0s"}}), "option 'smtp_timeout' must be longer than zero"},
  };
  for (const Case& c : cases) {
    sdk::Result<std::optional<OutboundMailOptions>> parsed = ParseOutboundMailOptions(c.options);
    ASSERT_FALSE(parsed.ok()) << c.message;
    EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().substr(0, c.message.size()), c.message) << parsed.status().message();
  }
}

}  // namespace
}  // namespace hub::email
