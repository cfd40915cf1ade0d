// The email connector's IMAP options.
#include "email/imap_options.hpp"

#include <gtest/gtest.h>

namespace hub::email {
namespace {

sdk::Options With(std::map<std::string, std::string, std::less<>> values) { return sdk::Options(std::move(values)); }

TEST(ImapOptions, NoUrlMeansNoImap) {
  sdk::Result<std::optional<ImapMailboxOptions>> parsed = ParseImapOptions(With({{"imap_folders", "INBOX"}}));
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->has_value());
  sdk::Result<std::optional<ImapMailboxOptions>> user_alone = ParseImapOptions(With({{"imap_user", "sales"}}));
  ASSERT_FALSE(user_alone.ok());
  EXPECT_NE(user_alone.status().message().find("'imap_user' needs imap_url"), std::string::npos);
}

TEST(ImapOptions, ReadsEveryOption) {
  sdk::Result<std::optional<ImapMailboxOptions>> parsed =
      ParseImapOptions(With({{"imap_url", "imap://mail.example.cn:143"},
                             {"imap_user", "sales"},
                             {"imap_password", "s3cret"},
                             {"imap_login", "login"},
                             {"imap_folders", "INBOX, Sales/China ,销售"},
                             {"imap_ca_file", "/etc/ca.pem"},
                             {"imap_timeout", "5s"}}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_TRUE(parsed->has_value());
  const ImapMailboxOptions& options = **parsed;
  EXPECT_EQ(options.server.url, "imap://mail.example.cn:143");
  EXPECT_EQ(options.server.user, "sales");
  EXPECT_EQ(options.server.password, "s3cret");
  EXPECT_EQ(options.server.login, ImapLogin::kLogin);
  EXPECT_EQ(options.server.ca_file, "/etc/ca.pem");
  EXPECT_EQ(options.server.timeout, std::chrono::seconds(5));
  EXPECT_EQ(options.folders, (std::vector<std::string>{"INBOX", "Sales/China", "销售"}));
}

TEST(ImapOptions, DefaultsToInboxAndTheServersBestLogin) {
  sdk::Result<std::optional<ImapMailboxOptions>> parsed =
      ParseImapOptions(With({{"imap_url", "imaps://mail.example.cn"}, {"imap_user", "u"}, {"imap_password", "p"}}));
  ASSERT_TRUE(parsed.ok() && parsed->has_value());
  EXPECT_EQ((*parsed)->folders, std::vector<std::string>{"INBOX"});
  EXPECT_EQ((*parsed)->server.login, ImapLogin::kAuto);
}

TEST(ImapOptions, RefusesWhatTheSchemaCannotSayNamingTheOption) {
  const std::map<std::string, std::string, std::less<>> good = {
      {"imap_url", "imaps://mail.example.cn"}, {"imap_user", "u"}, {"imap_password", "p"}};
  const std::vector<std::pair<std::map<std::string, std::string, std::less<>>, std::string>> cases = {
      {{{"imap_url", "pop3://mail.example.cn"}}, "imap_url"},
      {{{"imap_url", "imaps://"}}, "imap_url"},
      {{{"imap_url", "imaps://u:p@mail.example.cn"}}, "imap_url"},
      {{{"imap_url", "imaps://mail.example.cn/INBOX"}}, "imap_url"},
      {{{"imap_user", ""}}, "imap_user"},
      {{{"imap_password", ""}}, "imap_password"},
      {{{"imap_login", "cram"}}, "imap_login"},
      {{{"imap_folders", " , "}}, "imap_folders"},
      {{{"imap_timeout", "soon"}}, "imap_timeout"},
  };
  for (const auto& [change, option] : cases) {
    auto values = good;
    for (const auto& [key, value] : change) values[key] = value;
    sdk::Result<std::optional<ImapMailboxOptions>> parsed = ParseImapOptions(With(values));
    ASSERT_FALSE(parsed.ok()) << option;
    EXPECT_EQ(parsed.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find(option), std::string::npos) << parsed.status().message();
  }
}

}  // namespace
}  // namespace hub::email
