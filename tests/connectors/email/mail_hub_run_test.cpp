// The email connector's outbound side end to end on each store engine: `hub run` with a sync job storing
// customers from a CSV file and a delivery job subscribed to party.created on an `email` connector that only
// sends (smtp_url over implicit TLS, the password from the environment): each new customer is one mail in
// the real Dovecot mailbox, with the Message-ID of its event. Skipped without the mail servers.
#include <signal.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <fstream>
#include <mutex>

#include "e2e/hub_process.hpp"
#include "email/mail_composer.hpp"
#include "email/mime_parser.hpp"
#include "mail_sender_fixture.hpp"
#include "mail_servers.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::email::test {
namespace {

class MailHubRun : public hub::test::StoreTest {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts them when run as root)";
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    files_.Write("templates/party.created.subject", "新客户：{{fields.name}}\n");
    files_.Write("templates/party.created.txt", "{{fields.name}} 已加入 Hub（{{source_system}} {{source_id}}）。\n");
    files_.Write("customers.csv", "id,name\nC1,上海远航贸易有限公司\nC2,深圳华腾电子有限公司\nC3,Acme GmbH\n");
  }

  std::string Config() const {
    return "<hub name=\"mail-e2e\">\n  <store><connection>" + connection_string_ +
           "</connection></store>\n  <plugins dir=\"" + std::string(HUB_PLUGIN_DIR) +
           "\"/>\n  <api address=\"127.0.0.1\" port=\"0\"/>\n  <connectors>\n"
           "    <connector name=\"crm\" plugin=\"file\"><path>customers.csv</path><id_field>id</id_field>"
           "<settle_time>1d</settle_time></connector>\n"
           "    <connector name=\"mailer\" plugin=\"email\"><smtp_url>" +
           SmtpsUrl(*servers_) + "</smtp_url><smtp_user>" + servers_->user2 +
           "</smtp_user><smtp_password>${env:HUB_TEST_MAIL_PASSWORD2}</smtp_password><smtp_ca_file>" +
           servers_->ca_file + "</smtp_ca_file><mail_from>Hub 通知 &lt;hub@" + servers_->domain +
           "&gt;</mail_from><mail_to>" + UserAddress(*servers_) +
           "</mail_to><mail_templates>templates</mail_templates></connector>\n  </connectors>\n  <jobs>\n"
           "    <job name=\"customers\" connector=\"crm\" every=\"1s\">\n"
           "      <mapping entity=\"party\" id=\"id\"><field target=\"kind\" value=\"organization\"/>"
           "<field target=\"name\" source=\"name\"/></mapping>\n    </job>\n"
           "    <job name=\"welcome\" kind=\"delivery\" connector=\"mailer\" every=\"200ms\">\n"
           "      <subscribe entity=\"party\" kinds=\"party.created\"/>\n    </job>\n  </jobs>\n</hub>\n";
  }

  // The Message-IDs of the store's party.created events, once there are `count` of them (polling: another
  // process writes the store); empty after 60 s.
  std::vector<std::string> WaitForEventMessageIds(std::size_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      auto identity = connection_->Query("SELECT id FROM store_identity");
      auto events = connection_->Query("SELECT id FROM outbox_events WHERE kind = 'party.created' ORDER BY id");
      if (identity.ok() && events.ok() && identity->rows.size() == 1 && events->rows.size() >= count) {
        std::vector<std::string> ids;
        for (const odbc::Row& row : events->rows) {
          ids.push_back(MessageIdForEvent(identity->rows[0][0].text() + "-" + std::to_string(row[0].integer()),
                                          servers_->domain));
        }
        return ids;
      }
      poll.wait_for(lock, std::chrono::milliseconds(50));
    }
    return {};
  }

  std::optional<TestMailServers> servers_;
  hub::test::TempDir files_;
};

TEST_P(MailHubRun, EachNewCustomerIsOneMailWithItsEventsMessageId) {
  const std::filesystem::path config = files_.Write("hub.xml", Config());
  std::unique_ptr<hub::test::HubProcess> hub = hub::test::HubProcess::Start({"run", "--config", config.string()});
  ASSERT_NE(hub, nullptr);
  const std::vector<std::string> ids = WaitForEventMessageIds(3);
  ASSERT_EQ(ids.size(), 3u) << hub->Output();
  const std::map<std::string, int> counts = WaitForMessageIds(*servers_, servers_->user, ids);
  for (const std::string& id : ids) EXPECT_EQ(counts.count(id) ? counts.at(id) : 0, 1) << id << "\n" << hub->Output();
  sdk::Result<MimeMessage> first = ParseMimeMessage(WaitForMessageBytes(*servers_, servers_->user, ids.front()));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->subject, "新客户：上海远航贸易有限公司");
  hub->Signal(SIGTERM);
  EXPECT_EQ(hub->WaitForExit(std::chrono::seconds(15)), 0) << hub->Output();
}

INSTANTIATE_TEST_SUITE_P(Engines, MailHubRun, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::email::test
