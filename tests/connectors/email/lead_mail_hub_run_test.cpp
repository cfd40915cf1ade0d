// Issue 12's acceptance on real servers, on each store engine: `hub run` syncs an HR roster (GBK, two
// salespeople in different provinces whose e-mail addresses are the test mail users') and a finance system's
// UBL invoices (its customers), reads a sales mailbox over IMAP on the real Dovecot and takes a call event
// posted to POST /api/v1/calls. A mail from a new address at a finance customer's domain asking for a quote
// and a call from an unknown number with a recorded need become leads: the mail's attaches to the customer
// ("old customer, new need") and goes by region to the salesperson of the customer's province, the call's is
// new and goes by region (its landline's area code 755 is Shenzhen's, in 广东) to the other one. Each
// owner receives through the real Postfix exactly one mail for their lead — the shipped lead.assigned
// templates: the lead's record, the rule that chose the owner, tier, grade and the next step — with the
// Message-ID of its lead.assigned event. Skipped without the mail servers.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "connectors/hr/hr_test_support.hpp"
#include "e2e/hub_process.hpp"
#include "email/mail_composer.hpp"
#include "email/mime_parser.hpp"
#include "mail_servers.hpp"
#include "support/http_client.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"
#include "test_mail_folder.hpp"

namespace hub::email::test {
namespace {

namespace fs = std::filesystem;
using sdk::Value;

// The call center's token for the calls API, and its SHA-256 as the configuration holds it.
constexpr const char* kCallsToken = "operate-token-0123456789";
constexpr const char* kCallsTokenSha256 = "de2e9275cc99a72b6cec4a09e544bc922ac375272a1735ada17bee3a7d14048c";

// The finance customer the mail's company is (INV-2026-0101's: 上海, mail at huadong-trade.example).
constexpr const char* kKnownCustomer = "上海华东贸易有限公司";

// One lead as the test reads it: what the store decided.
struct LeadFacts {
  std::int64_t id = 0;
  std::string channel, tier, grade, decision, customer, owner, owner_email, rule;
};

class LeadMailHubRun : public hub::test::StoreTest {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts them when run as root)";
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    sdk::Result<TestMailFolder> folder = TestMailFolder::Create(*servers_, servers_->Imaps(), "leads");
    ASSERT_TRUE(folder.ok()) << folder.status().ToString();
    folder_.emplace(std::move(*folder));
    fs::create_directories(files_.path() / "hr");
    files_.Write("hr/roster.csv", hr::testing::Encode(Roster(), "GBK"));
    fs::create_directories(files_.path() / "ubl");
    for (const char* invoice : {"INV-2026-0101.xml", "INV-2026-0102.xml"}) {
      fs::copy_file(fs::path(HUB_SOURCE_DIR) / "tests/data/finance/ubl" / invoice, files_.path() / "ubl" / invoice);
    }
  }

  // Two salespeople of one team: 张伟 covers 上海 and mails at the first test user, 李娜 广东 at the second.
  std::string Roster() const {
    return "销售部花名册 2026年12月\n"
           "工号,姓名,部门,部门编码,职务,区域,入职日期,状态,手机,邮箱,行业专长,产能\n"
           "E1,张伟,销售一部,S01,销售经理,上海,2021年3月15日,在职,13800001001," +
           UserAddress(*servers_) + ",制造业,30\n" + "E2,李娜,销售一部,S01,销售代表,广东,2022/6/1,在职,13800001002," +
           servers_->user2 + "@" + servers_->domain + ",零售业,30\n";
  }

  // The roster's 区域 name provinces: the override says so (config/examples/hr.xml shows the same).
  std::string Config() const {
    const std::string dir = files_.path().string();
    return "<hub name=\"lead-e2e\">\n  <store><connection>" + connection_string_ +
           "</connection></store>\n  <plugins dir=\"" + std::string(HUB_PLUGIN_DIR) +
           "\"/>\n  <api address=\"127.0.0.1\" port=\"0\"><auth><token name=\"pbx\" role=\"operate\" sha256=\"" +
           kCallsTokenSha256 + "\"/></auth></api>\n  <connectors>\n" +
           "    <connector name=\"hr\" plugin=\"hr\"><path>" + dir + "/hr</path><final>true</final></connector>\n" +
           "    <connector name=\"finance\" plugin=\"finance\"><ubl_path>" + dir +
           "/ubl</ubl_path><final>true</final></connector>\n" +
           "    <connector name=\"sales_mail\" plugin=\"email\"><imap_url>imaps://localhost:" +
           std::to_string(servers_->imaps_port) + "</imap_url><imap_user>" + servers_->user +
           "</imap_user><imap_password>${env:HUB_TEST_MAIL_PASSWORD}</imap_password><imap_folders>" + folder_->name() +
           "</imap_folders><imap_ca_file>" + servers_->ca_file + "</imap_ca_file><own_addresses>" + servers_->domain +
           "</own_addresses></connector>\n" + "    <connector name=\"notifications\" plugin=\"email\"><smtp_url>" +
           SmtpsUrl(*servers_) + "</smtp_url><smtp_user>" + servers_->user2 +
           "</smtp_user><smtp_password>${env:HUB_TEST_MAIL_PASSWORD2}</smtp_password><smtp_ca_file>" +
           servers_->ca_file + "</smtp_ca_file><mail_from>Hub 通知 &lt;hub@" + servers_->domain +
           "&gt;</mail_from><mail_templates>" + std::string(HUB_SOURCE_DIR) +
           "/config/examples/mail_templates</mail_templates></connector>\n  </connectors>\n  <jobs>\n" +
           "    <job name=\"hr\" connector=\"hr\" every=\"1s\"><mapping use=\"cn_hr\"/>"
           "<mapping use=\"cn_hr\" entity=\"territory\"><field target=\"province\" source=\"name\" "
           "transform=\"trim|nfkc\"/></mapping></job>\n"
           "    <job name=\"finance\" connector=\"finance\" every=\"1s\"><mapping use=\"ubl_invoice\"/></job>\n"
           "    <job name=\"mail\" connector=\"sales_mail\" every=\"1s\"><mapping use=\"email_activity\"/></job>\n"
           "    <job name=\"lead_mail\" kind=\"delivery\" connector=\"notifications\" every=\"200ms\">"
           "<subscribe entity=\"lead\" kinds=\"lead.assigned\" document=\"true\"/></job>\n  </jobs>\n</hub>\n";
  }

  // A new contact of the known customer, writing from its domain, asks for a quote; the signature names the
  // company.
  std::string QuoteRequest() const {
    return TestMessage(
        "rfq-1." + folder_->name() + "@huadong-trade.example", "询价：工业传感器 200 套",
        "您好，\n\n请报价工业传感器 200 套，含安装。\n\n-- \n李明\n采购部\n" + std::string(kKnownCustomer) + "\n",
        "=?UTF-8?B?5p2O5piO?= <li.ming@huadong-trade.example>");
  }

  // An answered call from a number no customer has, with the need the agent recorded.
  static std::string CallEvent() {
    return boost::json::serialize(boost::json::object{{"call_id", "pbx-20261201-0001"},
                                                      {"direction", "inbound"},
                                                      {"caller", "+86 755 8610 2233"},
                                                      {"callee", "4008001234"},
                                                      {"started_at", "2026-12-01T10:00:00+08:00"},
                                                      {"answered_at", "2026-12-01T10:00:08+08:00"},
                                                      {"ended_at", "2026-12-01T10:06:00+08:00"},
                                                      {"outcome", "answered"},
                                                      {"need", "采购数控机床 3 台，要求月底前报价"},
                                                      {"contact_name", "陈先生"},
                                                      {"company_name", "深圳新创科技有限公司"}});
  }

  // The number in the first column of `sql`'s first row; -1 when it cannot be read (yet).
  std::int64_t Count(const std::string& sql) {
    auto rows = connection_->Query(sql);
    return rows.ok() && !rows->rows.empty() && !rows->rows[0][0].is_null() ? rows->rows[0][0].integer() : -1;
  }

  // Waits, with a deadline of 30 s, until `sql` counts at least `count`. Another process writes the store, so
  // nothing can notify us: look again every 50 ms.
  bool WaitFor(const std::string& sql, std::int64_t count) {
    std::mutex mutex;
    std::condition_variable poll;
    std::unique_lock lock(mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (Count(sql) < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      poll.wait_for(lock, std::chrono::milliseconds(50));
    }
    return true;
  }

  // Every lead, in id order.
  std::vector<LeadFacts> Leads() {
    std::vector<LeadFacts> leads;
    for (const odbc::Row& row :
         QueryRows("SELECT l.id, l.channel, l.tier, l.grade, l.conflict, p.name, e.employee_number, e.email, "
                   "l.routing_rule FROM leads l LEFT JOIN parties p ON p.id = l.party_id "
                   "LEFT JOIN employees e ON e.id = l.owner_employee_id ORDER BY l.id")) {
      auto text = [&](std::size_t i) { return row[i].is_null() ? std::string("-") : row[i].text(); };
      const boost::json::value conflict = boost::json::parse(text(4) == "-" ? "{}" : text(4));
      leads.push_back(
          {row[0].integer(), text(1), text(2), text(3),
           conflict.as_object().contains("decision") ? std::string(conflict.at("decision").as_string()) : "-", text(5),
           text(6), text(7), text(8)});
    }
    return leads;
  }

  // The Message-ID of lead `lead_id`'s lead.assigned event (the one the mail to its owner carries).
  std::string AssignedMessageId(std::int64_t lead_id) {
    const std::string identity = QueryValue("SELECT id FROM store_identity").text();
    const std::int64_t event =
        QueryValue("SELECT id FROM outbox_events WHERE kind = 'lead.assigned' AND aggregate_id = ?",
                   {Value::String(std::to_string(lead_id))})
            .integer();
    return MessageIdForEvent(identity + "-" + std::to_string(event), servers_->domain);
  }

  // The mail of Message-ID `id` in `user`'s mailbox, parsed; fails the test when none came.
  MimeMessage MailOf(const std::string& user, const std::string& id) {
    sdk::Result<MimeMessage> parsed = ParseMimeMessage(WaitForMessageBytes(*servers_, user, id));
    EXPECT_TRUE(parsed.ok()) << user << " received no mail " << id;
    return parsed.ok() ? std::move(parsed).value() : MimeMessage{};
  }

  std::optional<TestMailServers> servers_;
  std::optional<TestMailFolder> folder_;
  hub::test::TempDir files_;
};

TEST_P(LeadMailHubRun, ACallAndAMailBecomeCheckedClassifiedRoutedLeadsMailedToTheirOwners) {
  const fs::path config = files_.Write("hub.xml", Config());
  std::unique_ptr<hub::test::HubProcess> hub = hub::test::HubProcess::Start({"run", "--config", config.string()});
  ASSERT_NE(hub, nullptr);
  ASSERT_TRUE(hub->WaitForOutput("serving on", std::chrono::seconds(30))) << hub->Output();
  // The staff and the customers first: the mail and the call are judged against them.
  ASSERT_TRUE(WaitFor("SELECT COUNT(*) FROM employee_territories", 2)) << hub->Output();
  ASSERT_TRUE(WaitFor("SELECT COUNT(*) FROM invoices", 2)) << hub->Output();

  ASSERT_TRUE(folder_->Deliver({QuoteRequest()}).ok());
  ASSERT_TRUE(WaitFor("SELECT COUNT(*) FROM leads", 1)) << hub->Output();
  hub::test::RequestOptions options;
  options.bearer_token = kCallsToken;
  sdk::Result<hub::test::HttpResult> posted =
      hub::test::Post("127.0.0.1", hub->Port(), "/api/v1/calls", CallEvent(), options);
  ASSERT_TRUE(posted.ok()) << posted.status().ToString();
  ASSERT_EQ(posted->status, 201u) << posted->body;
  ASSERT_TRUE(WaitFor("SELECT COUNT(*) FROM leads", 2)) << hub->Output();

  const std::vector<LeadFacts> leads = Leads();
  ASSERT_EQ(leads.size(), 2u);
  const LeadFacts& mailed = leads[0];
  const LeadFacts& called = leads[1];
  EXPECT_EQ(mailed.channel, "email");
  EXPECT_EQ(mailed.decision, "known_customer");
  EXPECT_EQ(mailed.customer, kKnownCustomer);
  EXPECT_EQ(mailed.owner + "/" + mailed.rule, "E1/region");
  EXPECT_EQ(called.channel, "phone");
  EXPECT_EQ(called.decision, "new");
  EXPECT_EQ(called.customer, "-");
  EXPECT_EQ(called.owner + "/" + called.rule, "E2/region");
  for (const LeadFacts& lead : leads) {
    EXPECT_NE(lead.tier, "-") << lead.id;
    EXPECT_NE(lead.grade, "-") << lead.id;
  }

  const std::string mailed_id = AssignedMessageId(mailed.id);
  const std::string called_id = AssignedMessageId(called.id);
  EXPECT_EQ(WaitForMessageIds(*servers_, servers_->user, {mailed_id}), (std::map<std::string, int>{{mailed_id, 1}}))
      << hub->Output();
  EXPECT_EQ(WaitForMessageIds(*servers_, servers_->user2, {called_id}), (std::map<std::string, int>{{called_id, 1}}))
      << hub->Output();
  EXPECT_EQ(MessageIdCounts(*servers_, servers_->user).count(called_id), 0u);
  EXPECT_EQ(MessageIdCounts(*servers_, servers_->user2).count(mailed_id), 0u);

  const MimeMessage to_first = MailOf(servers_->user, mailed_id);
  EXPECT_EQ(to_first.subject, std::string("新线索分配：") + kKnownCustomer);
  ASSERT_EQ(to_first.to.size(), 1u);
  EXPECT_EQ(to_first.to[0].address, mailed.owner_email);
  for (const std::string& line : std::vector<std::string>{
           "张伟，您好", "分配规则：region", "邮箱：li.ming@huadong-trade.example", "需求：询价：工业传感器 200 套",
           "客户分层 / 等级：" + mailed.tier + " / " + mailed.grade, std::string("已是客户：") + kKnownCustomer,
           std::string("下一步：请在一个工作日内联系客户"), "线索 " + std::to_string(mailed.id)}) {
    EXPECT_NE(to_first.text.find(line), std::string::npos) << line << "\n" << to_first.text;
  }
  const MimeMessage to_second = MailOf(servers_->user2, called_id);
  EXPECT_EQ(to_second.subject, "新线索分配：深圳新创科技有限公司");
  for (const std::string& line : std::vector<std::string>{"李娜，您好", "分配规则：region", "电话：+86 755 8610 2233",
                                                          "需求：采购数控机床 3 台", "已是客户：否", "下一步："}) {
    EXPECT_NE(to_second.text.find(line), std::string::npos) << line << "\n" << to_second.text;
  }
  hub->Signal(SIGTERM);
  EXPECT_EQ(hub->WaitForExit(std::chrono::seconds(15)), 0) << hub->Output();
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadMailHubRun, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::email::test
