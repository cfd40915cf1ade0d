// The email connector end to end on each store engine: `hub sync` of a real Maildir through the plugin's
// default mapping email_activity. The same message in two folders is one activity; a sync killed (SIGKILL)
// in the middle of a large Maildir resumes from its last checkpoint and reads each message once.
#include <signal.h>

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

#include "e2e/hub_process.hpp"
#include "maildir_tree.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::email {
namespace {

namespace fs = std::filesystem;

class EmailSync : public hub::test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    fs::create_directories(files_.path() / "attachments");
  }

  // A configuration whose connector `mail` reads the tree with job `mail` in batches of `batch_size`, and
  // whose job `customers` reads customers.csv (id, name, email) as parties.
  void Configure(int batch_size) {
    config_ = files_.path() / "hub.xml";
    std::ofstream(config_) << "<hub>\n  <store><connection>" << connection_string_ << "</connection></store>\n"
                           << "  <plugins dir=\"" << HUB_PLUGIN_DIR << "\"/>\n"
                           << "  <connectors><connector name=\"mail\" plugin=\"email\"><path>" << tree_.root().string()
                           << "</path><own_addresses>acme.cn</own_addresses>"
                           << "<attachment_dir>attachments</attachment_dir></connector>\n"
                           << "    <connector name=\"crm\" plugin=\"file\"><path>customers.csv</path></connector>"
                           << "</connectors>\n"
                           << "  <jobs><job name=\"mail\" connector=\"mail\" batch_size=\"" << batch_size
                           << "\"><mapping use=\"email_activity\"/></job>\n"
                           << "    <job name=\"customers\" connector=\"crm\"><mapping entity=\"party\" id=\"id\">"
                           << "<field target=\"kind\" value=\"organization\"/><field target=\"name\" source=\"name\"/>"
                           << "<field target=\"email\" source=\"email\"/></mapping></job></jobs>\n</hub>\n";
  }

  // The counts line of `hub sync <job>`, which must succeed.
  std::string Sync(const std::string& job = "mail") {
    hub::test::CommandResult result = hub::test::RunHub({"sync", job, "--config", config_.string()});
    EXPECT_EQ(result.exit_status, 0) << result.output;
    const std::size_t line = result.output.rfind("read=");
    return line == std::string::npos ? result.output
                                     : result.output.substr(line, result.output.find('\n', line) - line);
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

  hub::test::TempDir files_;
  MaildirTree tree_{files_.path() / "Maildir"};
  fs::path config_;
};

TEST_P(EmailSync, TheSameMessageInTwoFoldersIsOneActivity) {
  const std::string inquiry = SimpleMessage("rfq-1@huateng.com.cn", "王芳 <wang@huateng.com.cn>", "sales@acme.cn",
                                            "询价：20台水泵", "请报价。\n\n-- \n王芳\n手机：138 0013 8000\n");
  tree_.Deliver("INBOX", 1699925400, inquiry);
  tree_.Deliver("Sales.China", 1699925401, inquiry);
  tree_.Deliver("Sent", 1699930000,
                SimpleMessage("re-1@acme.cn", "sales@acme.cn", "wang@huateng.com.cn", "Re: 询价", "报价单见附件。"));
  Configure(100);
  // The second copy changes nothing: it is not counted as updated.
  EXPECT_EQ(Sync(), "read=3 inserted=2 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities WHERE kind = 'email'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities WHERE direction = 'inbound' AND phone_e164 = '+8613800138000'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities WHERE direction = 'outbound'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'activity'"), 2);
  // Read again, in the same folders and another one: still one activity per message.
  tree_.Deliver("Archive", 1699999999, inquiry);
  EXPECT_EQ(Sync(), "read=1 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), 2);
  EXPECT_EQ(Sync(), "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
}

TEST_P(EmailSync, AFileThatIsNoMessageIsQuarantinedNamingItsFolderAndPosition) {
  const std::string unique = tree_.Deliver("Sales.China", 1699925400, "");
  tree_.Deliver("INBOX", 1699925400, SimpleMessage("ok@x.example.com", "a@x.example.com", "sales@acme.cn", "Hi", "x"));
  Configure(100);
  EXPECT_EQ(Sync(), "read=2 inserted=1 updated=0 merged=0 quarantined=1 deleted=0");
  EXPECT_EQ(QueryValue("SELECT reason FROM quarantine").text(),
            "Sales.China new/" + unique + ": not a message: no bytes");
}

// What the store makes of mail: a sender whose company domain a customer's address has is that customer's
// activity, and the need of that new contact the customer's lead; an unknown sender's need a lead candidate;
// attachments rows, their bytes in attachment_dir.
TEST_P(EmailSync, MailIsLinkedToItsCustomerAndAnUnknownSendersNeedIsALeadCandidate) {
  files_.Write("customers.csv", "id,name,email\nC1,上海华腾贸易有限公司,info@huateng.com.cn\n");
  tree_.Deliver("INBOX", 1699925400,
                SimpleMessage("rfq-1@huateng.com.cn", "王芳 <wang@mail.huateng.com.cn>", "sales@acme.cn",
                              "询价：20台水泵", "请报价。"));
  tree_.Deliver("INBOX", 1699925500,
                SimpleMessage("s-1@163.com", "陈静 <chenjing@163.com>", "sales@acme.cn", "需要样品",
                              "请寄两个样品。\n\n-- \n陈静\n杭州明远电子有限公司\n电话：0571-8765 4321\n"));
  tree_.Deliver("Sent", 1699930000,
                "Message-ID: <q-1@acme.cn>\r\nFrom: sales@acme.cn\r\nTo: wang@mail.huateng.com.cn\r\n"
                "Subject: Re: quote\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                "--b\r\nContent-Type: text/plain\r\n\r\nattached\r\n--b\r\nContent-Type: application/pdf\r\n"
                "Content-Disposition: attachment; filename=q.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                "aGVsbG8=\r\n--b--\r\n");
  Configure(100);
  EXPECT_EQ(Sync("customers"), "read=1 inserted=1 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(Sync(), "read=3 inserted=3 updated=0 merged=0 quarantined=0 deleted=0");
  const std::int64_t customer = Count("SELECT record_id FROM source_links WHERE entity = 'party'");
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM activities WHERE party_match = 'domain' AND party_id = " + std::to_string(customer)),
      2)
      << "the inquiry and our answer to it are the customer's";
  std::vector<odbc::Row> candidate = QueryRows(
      "SELECT c.channel, c.email, c.company_name, c.phone_e164, c.need, l.party_id FROM lead_candidates c "
      "JOIN leads l ON l.id = c.lead_id ORDER BY c.id");
  ASSERT_EQ(candidate.size(), 2u);
  EXPECT_EQ(candidate[0][1].text() + " " + candidate[0][4].text(), "wang@mail.huateng.com.cn 询价：20台水泵");
  ASSERT_FALSE(candidate[0][5].is_null()) << "the new contact's lead attaches to the customer of its domain";
  EXPECT_EQ(candidate[0][5].integer(), customer);
  EXPECT_EQ(candidate[1][0].text() + " " + candidate[1][1].text(), "email chenjing@163.com");
  EXPECT_EQ(candidate[1][2].text(), "杭州明远电子有限公司");
  EXPECT_EQ(candidate[1][3].text(), "+8657187654321");
  EXPECT_EQ(candidate[1][4].text(), "需要样品");
  EXPECT_TRUE(candidate[1][5].is_null());
  std::vector<odbc::Row> files = QueryRows("SELECT name, size_bytes, sha256 FROM activity_attachments");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0][0].text(), "q.pdf");
  const std::string sha256 = files[0][2].text();
  EXPECT_TRUE(fs::exists(files_.path() / "attachments" / sha256.substr(0, 2) / sha256)) << sha256;
}

constexpr int kMessages = 4000;
constexpr int kBatch = 20;

TEST_P(EmailSync, AKilledSyncResumesWithoutReadingAMessageTwice) {
  for (int i = 0; i < kMessages; ++i) {
    const std::string id = "m" + std::to_string(i) + "@customer" + std::to_string(i % 50) + ".example.com";
    // Two folders, delivery times interleaved and repeating, so the order is by time then by unique name.
    tree_.Deliver(i % 3 == 0 ? "Sent" : "INBOX", 1699900000 + i / 7,
                  SimpleMessage(id, "buyer@customer" + std::to_string(i % 50) + ".example.com", "sales@acme.cn",
                                "Order " + std::to_string(i), "Please quote item " + std::to_string(i) + "."));
  }
  Configure(kBatch);
  auto first = hub::test::HubProcess::Start({"sync", "mail", "--config", config_.string()});
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(WaitForActivities(200)) << first->Output();
  first->Signal(SIGKILL);
  ASSERT_TRUE(first->WaitForExit(std::chrono::seconds(10)).has_value());
  const std::int64_t committed = Count("SELECT COUNT(*) FROM activities");
  ASSERT_LT(committed, kMessages) << "the run should have been killed before its end";
  EXPECT_EQ(committed % kBatch, 0) << "only whole batches are committed";

  // The rest of 4000 messages in batches of 20 (each an activity, a quote request a lead): minutes when loaded.
  hub::test::CommandResult second =
      hub::test::RunHub({"sync", "mail", "--config", config_.string()}, std::chrono::minutes(5));
  ASSERT_EQ(second.exit_status, 0) << second.output;
  EXPECT_NE(second.output.find("read=" + std::to_string(kMessages - committed) +
                               " inserted=" + std::to_string(kMessages - committed) + " updated=0 "),
            std::string::npos)
      << "the second run reads only what the first did not commit, each message once\n"
      << second.output;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM activities"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'activity'"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'activity.created'"), kMessages);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'activity.updated'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, EmailSync, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::email
