// MailSender against the real Postfix and Dovecot of scripts/lib/mail_servers.sh: mail submitted over
// implicit TLS and STARTTLS with AUTH is read back from the mailbox Dovecot stored; failures are answered
// as the delivery needs them. Skipped without the servers (scripts/test.sh starts them as root).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "email/mail_sender.hpp"
#include "mail_sender_fixture.hpp"
#include "mail_servers.hpp"

namespace hub::email::test {
namespace {

class SmtpSend : public ::testing::Test {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts them when run as root)";
    WriteTemplates(dir_);
  }
  // A sender logged in as the second user, over `url`.
  MailSender Sender(const std::string& url, const std::string& password, const std::string& ca_file) {
    sdk::Result<MailSender> sender =
        MailSender::Create(Options(dir_, url, servers_->user2, password, ca_file, UserAddress(*servers_)));
    EXPECT_TRUE(sender.ok()) << sender.status().ToString();
    return std::move(sender).value();
  }
  MailSender Sender(const std::string& url) { return Sender(url, servers_->password2, servers_->ca_file); }
  // An event id no other test of this run uses.
  static std::string EventId(const std::string& name) { return "smtp" + std::to_string(::getpid()) + "-" + name; }
  static sdk::OutboundEvent PartyEvent(const std::string& event_id, const std::string& name) {
    sdk::OutboundEvent event;
    event.kind = "party.created";
    event.entity = "party";
    event.id = "7";
    event.event_id = event_id;
    event.occurred_at_unix_ms = 1'767'607'200'000;
    event.payload_json = R"({"fields":{"name":")" + name + R"(","country":"CN"}})";
    return event;
  }

  std::optional<TestMailServers> servers_;
  hub::test::TempDir dir_;
};

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

TEST_F(SmtpSend, ImplicitTlsDeliversAMailReadBackWithEncodedSubjectAndTheEventsMessageId) {
  MailSender sender = Sender(SmtpsUrl(*servers_));
  const std::string id = EventId("smtps");
  sdk::Result<std::size_t> sent = sender.Deliver({TaskEvent(id, UserAddress(*servers_))});
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(*sent, 1u);
  const std::string bytes = WaitForMessageBytes(*servers_, servers_->user, id + "@hub.test");
  ASSERT_FALSE(bytes.empty()) << "the mail never reached the mailbox";
  const std::string headers = bytes.substr(0, bytes.find("\r\n\r\n"));
  EXPECT_NE(Lower(headers).find("subject: =?utf-8?"), std::string::npos) << headers;
  EXPECT_NE(Lower(headers).find("message-id: <" + Lower(id) + "@hub.test>"), std::string::npos) << headers;
  EXPECT_NE(headers.find("X-Hub-Event-Id: " + id), std::string::npos) << headers;
  const std::map<std::string, MimeMessage> stored = StoredMessages(*servers_, servers_->user);
  const auto found = std::find_if(stored.begin(), stored.end(),
                                  [&](const auto& entry) { return entry.second.message_id == id + "@hub.test"; });
  ASSERT_NE(found, stored.end());
  EXPECT_EQ(found->second.subject, "新任务：回访上海远航 — 客户");
  EXPECT_EQ(found->second.from, (MailAddress{"hub@hub.test", "Hub 通知"}));
  EXPECT_EQ(found->second.text, "王经理，\n\n您有一个新任务：回访上海远航\n截止日期：2026-01-09\n");
}

TEST_F(SmtpSend, StartTlsSubmissionSendsABatchOverOneConnection) {
  MailSender sender = Sender(SubmissionUrl(*servers_));
  std::vector<sdk::OutboundEvent> events;
  std::vector<std::string> ids;
  for (const char* name : {"batch-a", "batch-b", "batch-c"}) {
    events.push_back(PartyEvent(EventId(name), name));
    ids.push_back(EventId(name) + "@hub.test");
  }
  sdk::Result<std::size_t> sent = sender.Deliver(events);
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(*sent, 3u);
  EXPECT_EQ(sender.connections_opened(), 1);
  const std::map<std::string, int> counts = WaitForMessageIds(*servers_, servers_->user, ids);
  for (const std::string& id : ids) EXPECT_EQ(counts.count(id) ? counts.at(id) : 0, 1) << id;
}

TEST_F(SmtpSend, AWrongPasswordIsUnavailableSayingTheLoginWasRefused) {
  MailSender sender = Sender(SmtpsUrl(*servers_), "wrong-password", servers_->ca_file);
  sdk::Result<std::size_t> sent = sender.Deliver({PartyEvent(EventId("bad-login"), "x")});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(sent.status().message().find("refused the login of user '" + servers_->user2 +
                                         "' (wrong user name or password?)"),
            std::string::npos)
      << sent.status().message();
  EXPECT_EQ(sent.status().message().find("wrong-password"), std::string::npos) << "the password is in the message";
}

TEST_F(SmtpSend, AnUntrustedCertificateIsNeverSentToAndIsRetriedLater) {
  MailSender sender = Sender(SmtpsUrl(*servers_), servers_->password2, "/etc/ssl/certs/ca-certificates.crt");
  sdk::Result<std::size_t> sent = sender.Deliver({PartyEvent(EventId("untrusted"), "x")});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_NE(Lower(sent.status().message()).find("certificate"), std::string::npos) << sent.status().message();
}

TEST_F(SmtpSend, ARecipientTheServerDoesNotKnowIsRefusedForGood) {
  MailSender sender = Sender(SubmissionUrl(*servers_));
  sdk::Result<std::size_t> sent = sender.Deliver({TaskEvent(EventId("unknown"), "nobody@" + servers_->domain)});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.status().code(), sdk::StatusCode::kDataError) << sent.status().ToString();
  EXPECT_NE(sent.status().message().find("550"), std::string::npos) << sent.status().message();
}

}  // namespace
}  // namespace hub::email::test
