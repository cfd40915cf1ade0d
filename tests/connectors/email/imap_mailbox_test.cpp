// ImapMailbox against the real Dovecot of scripts/lib/mail_servers.sh, with mail delivered through its
// Postfix: pages and cursors over both TLS modes, nothing marked \Seen, message bytes whatever they hold,
// UIDVALIDITY changes, refused logins and certificates, servers down, dropped connections. Skips without
// the servers (scripts/test.sh starts them when run as root).
#include "email/imap_mailbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "test_mail_folder.hpp"

namespace hub::email {
namespace {

class ImapMailboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts Dovecot and Postfix when run as root)";
  }

  std::unique_ptr<ImapMailbox> Open(ImapServer server, std::vector<std::string> folders) {
    return std::make_unique<ImapMailbox>(
        ImapMailboxOptions{std::move(server), std::move(folders)},
        [this](sdk::LogLevel, std::string_view line) { log_.emplace_back(line); }, [this] { return cancelled_; });
  }

  TestMailFolder Folder(std::string_view prefix, bool second_user = false) {
    sdk::Result<TestMailFolder> folder = TestMailFolder::Create(*servers_, servers_->Imaps(second_user), prefix);
    EXPECT_TRUE(folder.ok()) << folder.status().ToString();
    return std::move(*folder);
  }

  static std::vector<std::string> Messages(const std::string& prefix, int count) {
    std::vector<std::string> messages;
    for (int i = 1; i <= count; ++i) {
      messages.push_back(TestMessage(prefix + "." + std::to_string(i) + "@example.cn", "询价 " + std::to_string(i),
                                     "您好，请报价。\n-- \n李伟\n"));
    }
    return messages;
  }

  // The Message-ID of each message read, as the bytes say it.
  static std::set<std::string> Ids(const std::vector<MailboxMessage>& messages) {
    std::set<std::string> ids;
    for (const MailboxMessage& message : messages) {
      const std::size_t at = message.bytes.find("Message-ID: <");
      const std::size_t start = at + 13;
      ids.insert(at == std::string::npos ? "?" : message.bytes.substr(start, message.bytes.find('>', start) - start));
    }
    return ids;
  }

  static std::set<std::string> IdsOf(const std::string& prefix, int from, int to) {
    std::set<std::string> ids;
    for (int i = from; i <= to; ++i) ids.insert(prefix + "." + std::to_string(i) + "@example.cn");
    return ids;
  }

  bool Logged(std::string_view words) const {
    for (const std::string& line : log_) {
      if (line.find(words) != std::string::npos) return true;
    }
    return false;
  }

  std::optional<TestMailServers> servers_;
  std::vector<std::string> log_;
  bool cancelled_ = false;
};

sdk::Result<MailboxPage> ReadOk(Mailbox& mailbox, std::string_view cursor, std::size_t max) {
  sdk::Result<MailboxPage> page = mailbox.Read(cursor, max);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page;
}

enum class Tls { kImplicit, kStartTls };

class ImapMailboxTlsTest : public ImapMailboxTest, public ::testing::WithParamInterface<Tls> {
 protected:
  ImapServer Account() const { return GetParam() == Tls::kImplicit ? servers_->Imaps() : servers_->StartTls(); }
};

TEST_P(ImapMailboxTlsTest, ReadsNewMailInPagesAndGoesOnFromTheCursor) {
  TestMailFolder folder = Folder("pages");
  const std::string prefix = folder.name();
  ASSERT_TRUE(folder.Deliver(Messages(prefix, 5)).ok());
  std::unique_ptr<ImapMailbox> mailbox = Open(Account(), {folder.name()});

  std::vector<MailboxMessage> read;
  std::string cursor;
  for (std::size_t expected : {2u, 2u, 1u}) {
    sdk::Result<MailboxPage> page = ReadOk(*mailbox, cursor, 2);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->messages.size(), expected);
    EXPECT_EQ(page->end_of_data, expected < 2);
    for (MailboxMessage& message : page->messages) {
      EXPECT_EQ(message.folder, folder.name());
      EXPECT_TRUE(message.position.starts_with(folder.name() + " uid ")) << message.position;
      EXPECT_NE(message.position.find("(uidvalidity "), std::string::npos) << message.position;
      EXPECT_TRUE(message.received_at.has_value()) << "its INTERNALDATE";
      read.push_back(std::move(message));
    }
    cursor = page->next_cursor;
  }
  EXPECT_EQ(Ids(read), IdsOf(prefix, 1, 5));

  sdk::Result<MailboxPage> nothing = ReadOk(*mailbox, cursor, 10);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->messages.empty());
  EXPECT_TRUE(nothing->end_of_data);
  EXPECT_EQ(nothing->next_cursor, cursor);

  ASSERT_TRUE(folder.Deliver({Messages(prefix, 7)[5], Messages(prefix, 7)[6]}).ok());
  sdk::Result<MailboxPage> later = ReadOk(*mailbox, cursor, 10);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(Ids(later->messages), IdsOf(prefix, 6, 7));
  EXPECT_TRUE(later->end_of_data);
}

INSTANTIATE_TEST_SUITE_P(BothTlsModes, ImapMailboxTlsTest, ::testing::Values(Tls::kImplicit, Tls::kStartTls),
                         [](const auto& info) { return info.param == Tls::kImplicit ? "Imaps" : "StartTls"; });

TEST_F(ImapMailboxTest, MarksNothingSeen) {
  TestMailFolder folder = Folder("unseen");
  ASSERT_TRUE(folder.Deliver(Messages(folder.name(), 3)).ok());
  sdk::Result<MailboxPage> page = ReadOk(*Open(servers_->Imaps(), {folder.name()}), "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->messages.size(), 3u);
  sdk::Result<std::vector<std::string>> flags = folder.Flags();
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  ASSERT_EQ(flags->size(), 3u);
  for (const std::string& flag : *flags) EXPECT_EQ(flag.find("\\Seen"), std::string::npos) << flag;
}

TEST_F(ImapMailboxTest, GivesAMessageByteForByteWhateverItsTextHolds) {
  TestMailFolder folder = Folder("bytes");
  // Lines that look like the protocol, and a line far longer than any line buffer.
  const std::string body =
      "h3 OK UID FETCH completed\n* 1 EXISTS\nA004 OK done\n{12}\n" + std::string(100'000, 'x') + "\n末尾\n";
  const std::string message = TestMessage(folder.name() + "@example.cn", "protocol look-alikes", body);
  // Appended, not mailed: Postfix would break the long line.
  ASSERT_TRUE(folder.Append(message).ok());
  sdk::Result<MailboxPage> page = ReadOk(*Open(servers_->StartTls(), {folder.name()}), "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->messages.size(), 1u);
  EXPECT_TRUE(page->messages[0].bytes == message) << page->messages[0].bytes.substr(0, 400);
}

TEST_F(ImapMailboxTest, ReadsFoldersInTheConfiguredOrderWhateverTheirNames) {
  TestMailFolder first = Folder("order-a");
  TestMailFolder second = Folder("销售");  // sent in modified UTF-7
  ASSERT_TRUE(first.Deliver(Messages(first.name(), 2)).ok());
  ASSERT_TRUE(second.Deliver(Messages(second.name(), 2)).ok());
  std::unique_ptr<ImapMailbox> mailbox = Open(servers_->Imaps(), {second.name(), first.name()});
  sdk::Result<MailboxPage> page = ReadOk(*mailbox, "", 3);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->messages.size(), 3u);
  EXPECT_EQ(page->messages[0].folder, second.name());
  EXPECT_EQ(page->messages[1].folder, second.name());
  EXPECT_EQ(page->messages[2].folder, first.name());
  sdk::Result<MailboxPage> rest = ReadOk(*mailbox, page->next_cursor, 3);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->messages.size(), 1u);
  EXPECT_EQ(rest->messages[0].folder, first.name());
  EXPECT_TRUE(rest->end_of_data);
}

TEST_F(ImapMailboxTest, ReadsAFolderWhoseUidValidityChangedAgainFromItsStart) {
  TestMailFolder folder = Folder("uidvalidity");
  ASSERT_TRUE(folder.Deliver(Messages(folder.name(), 2)).ok());
  std::unique_ptr<ImapMailbox> mailbox = Open(servers_->Imaps(), {folder.name()});
  sdk::Result<MailboxPage> first = ReadOk(*mailbox, "", 10);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->messages.size(), 2u);

  ASSERT_TRUE(folder.Recreate().ok());
  ASSERT_TRUE(folder.Deliver({TestMessage(folder.name() + ".new@example.cn", "after", "new\n")}).ok());
  sdk::Result<MailboxPage> again = ReadOk(*mailbox, first->next_cursor, 10);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Ids(again->messages), std::set<std::string>{folder.name() + ".new@example.cn"});
  EXPECT_NE(again->next_cursor, first->next_cursor);
  EXPECT_TRUE(Logged("UIDVALIDITY changed")) << "the change is logged";
}

TEST_F(ImapMailboxTest, LogsInWithWhicheverMechanismItIsTold) {
  for (ImapLogin login : {ImapLogin::kAuto, ImapLogin::kPlain, ImapLogin::kLogin}) {
    ImapServer server = servers_->StartTls();
    server.login = login;
    const sdk::Status health = Open(server, {"INBOX"})->CheckHealth();
    EXPECT_TRUE(health.ok()) << health.ToString();
  }
}

TEST_F(ImapMailboxTest, RefusesAWrongPasswordSayingSo) {
  ImapServer server = servers_->Imaps();
  server.password = "not-the-password";
  std::unique_ptr<ImapMailbox> mailbox = Open(server, {"INBOX"});
  sdk::Result<MailboxPage> page = mailbox->Read("", 10);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_NE(page.status().message().find("refused the login of user '" + server.user + "'"), std::string::npos)
      << page.status().message();
  EXPECT_EQ(page.status().message().find(server.password), std::string::npos) << "never shows the password";
  EXPECT_EQ(mailbox->CheckHealth().code(), sdk::StatusCode::kInvalidArgument);
}

TEST_F(ImapMailboxTest, RefusesAServerWhoseCertificateItDoesNotTrust) {
  for (ImapServer server : {servers_->Imaps(), servers_->StartTls()}) {
    server.ca_file.clear();  // the system's authorities, which never signed the test certificate
    const sdk::Status health = Open(server, {"INBOX"})->CheckHealth();
    EXPECT_EQ(health.code(), sdk::StatusCode::kInvalidArgument) << server.url;
    EXPECT_NE(health.message().find("certificate is not trusted"), std::string::npos) << health.message();
  }
}

TEST_F(ImapMailboxTest, IsUnavailableWhileTheServerIsDown) {
  ImapServer server = servers_->Imaps();
  server.url = "imaps://localhost:" + std::to_string(UnusedLoopbackPort());
  std::unique_ptr<ImapMailbox> mailbox = Open(server, {"INBOX"});
  sdk::Result<MailboxPage> page = mailbox->Read("imap1;INBOX=7:3", 10);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), sdk::StatusCode::kUnavailable) << page.status().ToString();
  EXPECT_NE(page.status().message().find(server.url), std::string::npos) << page.status().message();
  EXPECT_EQ(mailbox->CheckHealth().code(), sdk::StatusCode::kUnavailable);
}

TEST_F(ImapMailboxTest, IsUnavailableNamingAFolderThatIsNotThere) {
  const std::string missing = "missing-" + std::to_string(getpid());
  sdk::Result<MailboxPage> page = Open(servers_->Imaps(), {"INBOX", missing})->Read("", 10);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(page.status().message().find("'" + missing + "'"), std::string::npos) << page.status().message();
}

TEST_F(ImapMailboxTest, MakesANewConnectionWhenTheKeptOneWasDropped) {
  TestMailFolder folder = Folder("dropped", /*second_user=*/true);
  ASSERT_TRUE(folder.Deliver(Messages(folder.name(), 1)).ok());
  std::unique_ptr<ImapMailbox> mailbox = Open(servers_->Imaps(/*second=*/true), {folder.name()});
  sdk::Result<MailboxPage> first = ReadOk(*mailbox, "", 10);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->messages.size(), 1u);

  // Dovecot ends every IMAP session of the second user (no other test logs in as that user).
  const std::string kick = "doveadm -c '" + servers_->dir + "/dovecot.conf' kick '" + servers_->user2 + "' >/dev/null";
  ASSERT_EQ(std::system(kick.c_str()), 0) << kick;
  ASSERT_TRUE(folder.Deliver({TestMessage(folder.name() + ".2@example.cn", "second", "two\n")}).ok());
  sdk::Result<MailboxPage> second = ReadOk(*mailbox, first->next_cursor, 10);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Ids(second->messages), std::set<std::string>{folder.name() + ".2@example.cn"});
  EXPECT_TRUE(Logged("reconnecting"));
}

TEST_F(ImapMailboxTest, StopsWhenCancelled) {
  cancelled_ = true;
  EXPECT_EQ(Open(servers_->Imaps(), {"INBOX"})->Read("", 10).status().code(), sdk::StatusCode::kCancelled);
}

TEST_F(ImapMailboxTest, RefusesACursorThatIsNotAnImapOne) {
  sdk::Result<MailboxPage> page = Open(servers_->Imaps(), {"INBOX"})->Read("cur/1700000000.M1P2.host", 10);
  EXPECT_EQ(page.status().code(), sdk::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace hub::email
