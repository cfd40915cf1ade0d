// The option schema, its parsing, and the README table generated from it.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "common/options_doc.hpp"
#include "email/email_options.hpp"
#include "email/mail_need.hpp"

namespace hub::email {
namespace {

sdk::Result<EmailOptions> Parse(std::map<std::string, std::string, std::less<>> values) {
  return ParseEmailOptions(sdk::Options(std::move(values)));
}

TEST(EmailOptions, DefaultsReadEveryFolderWithTheShippedKeywordsAndNoAttachmentFolder) {
  auto options = Parse({{"path", "/var/mail/sales/Maildir"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->maildir.root, "/var/mail/sales/Maildir");
  EXPECT_TRUE(options->maildir.folders.empty());
  EXPECT_EQ(options->maildir.late_window, std::chrono::hours(1));
  EXPECT_EQ(options->rules.need_keywords, DefaultNeedKeywords());
  EXPECT_EQ(options->rules.summary_max_chars, 2000u);
  EXPECT_FALSE(options->attachment_dir.has_value());
  EXPECT_FALSE(options->rules.domains.IsOwn("sales@acme.cn"));
  EXPECT_EQ(options->rules.domains.CompanyDomain("li@163.com"), "");
}

TEST(EmailOptions, ParsesWhatIsGiven) {
  auto options = Parse({{"path", "/m"},
                        {"folders", "INBOX, Sent，Sales.China"},
                        {"late_window", "10m"},
                        {"own_addresses", "acme.cn, boss@partner.example.com"},
                        {"free_mail_domains", "example.org"},
                        {"need_keywords", "报价, pumps"},
                        {"summary_max_chars", "100"},
                        {"attachment_dir", "/var/lib/hub/attachments"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->maildir.folders, (std::vector<std::string>{"INBOX", "Sent", "Sales.China"}));
  EXPECT_EQ(options->maildir.late_window, std::chrono::minutes(10));
  EXPECT_TRUE(options->rules.domains.IsOwn("Sales@Mail.ACME.cn"));
  EXPECT_TRUE(options->rules.domains.IsOwn("boss@partner.example.com"));
  EXPECT_EQ(options->rules.domains.CompanyDomain("x@sub.example.org"), "");
  EXPECT_EQ(options->rules.domains.CompanyDomain("x@qq.com"), "") << "the shipped list stays";
  EXPECT_EQ(options->rules.need_keywords, (std::vector<std::string>{"报价", "pumps"}));
  EXPECT_EQ(options->rules.summary_max_chars, 100u);
  EXPECT_EQ(options->attachment_dir, std::filesystem::path("/var/lib/hub/attachments"));
}

TEST(EmailOptions, RefusesWhatTheSchemaCannotExpressNamingTheOption) {
  for (const auto& [name, value] :
       std::map<std::string, std::string>{{"late_window", "soon"}, {"summary_max_chars", "0"}}) {
    auto options = Parse({{"path", "/m"}, {name, value}});
    ASSERT_FALSE(options.ok()) << name;
    EXPECT_NE(options.status().message().find(name), std::string::npos) << options.status().message();
  }
  EXPECT_FALSE(Parse({}).ok());
}

TEST(EmailOptions, ImapUrlInsteadOfPathReadsAnImapAccount) {
  auto options = Parse({{"imap_url", "imaps://mail.acme.cn"},
                        {"imap_user", "sales"},
                        {"imap_password", "p"},
                        {"imap_folders", "INBOX,销售"}});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  ASSERT_TRUE(options->imap.has_value());
  EXPECT_EQ(options->imap->server.url, "imaps://mail.acme.cn");
  EXPECT_EQ(options->imap->folders, (std::vector<std::string>{"INBOX", "销售"}));
  EXPECT_FALSE(Parse({{"path", "/m"}})->imap.has_value());
}

TEST(EmailOptions, RefusesAMaildirAndAnImapAccountTogether) {
  for (const char* maildir_option : {"path", "folders"}) {
    auto options = Parse(
        {{"imap_url", "imaps://mail.acme.cn"}, {"imap_user", "sales"}, {"imap_password", "p"}, {maildir_option, "x"}});
    ASSERT_FALSE(options.ok()) << maildir_option;
    EXPECT_NE(options.status().message().find("not both"), std::string::npos) << options.status().message();
  }
}

TEST(EmailConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/email/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/email/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeEmailConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/email/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::email
