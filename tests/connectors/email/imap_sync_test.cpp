// The email connector over IMAP end to end on each store engine: `hub sync` of a folder on the real Dovecot
// (mail delivered through Postfix) through the default mapping email_activity. Later syncs read only what is
// new; a sync killed (SIGKILL) in the middle of many messages in small batches resumes from its last
// checkpoint and makes every message exactly one activity; nothing is marked \Seen. Skips without the mail
// servers (scripts/test.sh starts them when run as root).
#include <signal.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

#include "e2e/hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"
#include "test_mail_folder.hpp"

namespace hub::email {
namespace {

class ImapSync : public hub::test::StoreTest {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts Dovecot and Postfix when run as root)";
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    sdk::Result<TestMailFolder> folder = TestMailFolder::Create(*servers_, servers_->Imaps(), "sync");
    ASSERT_TRUE(folder.ok()) << folder.status().ToString();
    folder_.emplace(std::move(*folder));
  }

  // A configuration whose connector `mail` reads the test's folder at `url` with job `mail` in batches of
  // `batch_size`; the password is a secret from the environment, as in production.
  void Configure(const std::string& url, int batch_size) {
    config_ = files_.path() / "hub.xml";
    std::ofstream(config_) << "<hub>\n  <store><connection>" << connection_string_ << "</connection></store>\n"
                           << "  <plugins dir=\"" << HUB_PLUGIN_DIR << "\"/>\n"
                           << "  <connectors><connector name=\"mail\" plugin=\"email\">"
                           << "<imap_url>" << url << "</imap_url><imap_user>" << servers_->user << "</imap_user>"
                           << "<imap_password>${env:HUB_TEST_MAIL_PASSWORD}</imap_password>"
                           << "<imap_folders>" << folder_->name() << "</imap_folders>"
                           << "<imap_ca_file>" << servers_->ca_file << "</imap_ca_file>"
                           << "<own_addresses>hub.test</own_addresses></connector></connectors>\n"
                           << "  <jobs><job name=\"mail\" connector=\"mail\" batch_size=\"" << batch_size
                           << "\"><mapping use=\"email_activity\"/></job></jobs>\n</hub>\n";
  }

  // The counts line of `hub sync mail`, which must succeed.
  std::string Sync() {
    hub::test::CommandResult result = hub::test::RunHub({"sync", "mail", "--config", config_.string()});
    EXPECT_EQ(result.exit_status, 0) << result.output;
    const std::size_t line = result.output.rfind("read=");
    return line == std::string::npos ? result.output
                                     : result.output.substr(line, result.output.find('\n', line) - line);
  }

  std::vector<std::string> Messages(int from, int to) const {
    std::vector<std::string> messages;
    for (int i = from; i <= to; ++i) {
      messages.push_back(TestMessage("m" + std::to_string(i) + "." + folder_->name() + "@example.cn",
                                     "询价 " + std::to_string(i), "请报价第 " + std::to_string(i) + " 项。\n"));
    }
    return messages;
  }

  // The number in the first column of `sql`; -1 when it cannot be read (yet: another process writes).
  std::int64_t Count(const std::string& sql) {
    auto rows = connection_->Query(sql);
    return rows.ok() && !rows->rows.empty() ? rows->rows[0][0].integer() : -1;
  }

  // Waits, with a deadline, until the store holds at least `count` activities. Another process writes the
  // store, so nothing can notify us: look again every 20 ms.
  bool WaitForActivities(std::int64_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (Count("SELECT COUNT(*) FROM activities") < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      poll.wait_for(lock, std::chrono::milliseconds(20));
    }
    return true;
  }

  void ExpectNothingSeen() {
    sdk::Result<std::vector<std::string>> flags = folder_->Flags();
    ASSERT_TRUE(flags.ok()) << flags.status().ToString();
    for (const std::string& flag : *flags) ASSERT_EQ(flag.find("\\Seen"), std::string::npos) << flag;
  }

  std::optional<TestMailServers> servers_;
  std::optional<TestMailFolder> folder_;
  hub::test::TempDir files_;
  std::filesystem::path config_;
};

TEST_P(ImapSync, ReadsTheFolderThenOnlyWhatIsNew) {
  ASSERT_TRUE(folder_->Deliver(Messages(1, 3)).ok());
  Configure("imap://localhost:" + std::to_string(servers_->imap_port), 100);
  EXPECT_EQ(Sync(), "read=3 inserted=3 updated=0 merged=0 quarantined=0 deleted=0");
  ASSERT_TRUE(folder_->Deliver(Messages(4, 4)).ok());
  EXPECT_EQ(Sync(), "read=1 inserted=1 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Sync(), "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities WHERE kind = 'email' AND direction = 'inbound'"), 4);
  ExpectNothingSeen();
}

TEST_P(ImapSync, ARunWhileTheServerIsDownFailsAndKeepsTheCheckpoint) {
  ASSERT_TRUE(folder_->Deliver(Messages(1, 2)).ok());
  Configure("imaps://localhost:" + std::to_string(UnusedLoopbackPort()), 100);
  hub::test::CommandResult down = hub::test::RunHub({"sync", "mail", "--config", config_.string()});
  EXPECT_EQ(down.exit_status, 1) << down.output;
  EXPECT_NE(down.output.find("cannot be reached"), std::string::npos) << down.output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 0);
  Configure("imaps://localhost:" + std::to_string(servers_->imaps_port), 100);
  EXPECT_EQ(Sync(), "read=2 inserted=2 updated=0 merged=0 quarantined=0 deleted=0");
}

constexpr int kMessages = 600;
constexpr int kBatch = 5;

TEST_P(ImapSync, AKilledSyncResumesAndMakesEveryMessageOneActivity) {
  ASSERT_TRUE(folder_->Deliver(Messages(1, kMessages)).ok());
  Configure("imaps://localhost:" + std::to_string(servers_->imaps_port), kBatch);
  auto first = hub::test::HubProcess::Start({"sync", "mail", "--config", config_.string()});
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(WaitForActivities(50)) << first->Output();
  first->Signal(SIGKILL);
  ASSERT_TRUE(first->WaitForExit(std::chrono::seconds(10)).has_value());
  const std::int64_t committed = Count("SELECT COUNT(*) FROM activities");
  ASSERT_LT(committed, kMessages) << "the run should have been killed before its end";
  EXPECT_EQ(committed % kBatch, 0) << "only whole batches are committed";

  hub::test::CommandResult second = hub::test::RunHub({"sync", "mail", "--config", config_.string()});
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_NE(second.output.find("read=" + std::to_string(kMessages - committed) +
                               " inserted=" + std::to_string(kMessages - committed) + " updated=0 "),
            std::string::npos)
      << "the second run reads only what the first did not commit, each message once\n"
      << second.output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT source_id) FROM source_links WHERE entity = 'activity'"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'activity.created'"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'activity.updated'"), 0);
  ExpectNothingSeen();
}

INSTANTIATE_TEST_SUITE_P(Engines, ImapSync, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::email
