// The call_center connector end to end on each store engine: `hub sync` of the demo Master.csv through the
// plugin's default mapping asterisk_call stores its ten calls once, as activities with the customer's number
// in E.164 and the agent's extension; a second sync stores nothing. Calls from a known customer's number are
// that customer's, a missed one owes a callback task to its owner, and an unknown caller's recorded need is a
// lead candidate. (The growing file, rows appended between syncs and the last call held back, is
// call_center_sync.sh's, on SQLite.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "e2e/hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::call_center {
namespace {

namespace fs = std::filesystem;

class CallCenterSync : public hub::test::StoreTest {
 protected:
  // A configuration whose connector `pbx` reads a copy of the demo Master.csv with job `calls`.
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const fs::path master = files_.path() / "Master.csv";
    fs::copy_file(fs::path(HUB_SOURCE_DIR) / "config/demo/call_center/Master.csv", master);
    config_ = files_.path() / "hub.xml";
    std::ofstream(config_) << "<hub>\n  <store><connection>" << connection_string_ << "</connection></store>\n"
                           << "  <plugins dir=\"" << HUB_PLUGIN_DIR << "\"/>\n"
                           << "  <connectors><connector name=\"pbx\" plugin=\"call_center\"><path>" << master.string()
                           << "</path><final>true</final></connector></connectors>\n"
                           << "  <jobs><job name=\"calls\" connector=\"pbx\"><mapping use=\"asterisk_call\"/></job>"
                           << "</jobs>\n</hub>\n";
  }

  // The counts line of `hub sync calls`, which must succeed.
  std::string Sync() {
    hub::test::CommandResult result = hub::test::RunHub({"sync", "calls", "--config", config_.string()});
    EXPECT_EQ(result.exit_status, 0) << result.output;
    const std::size_t line = result.output.rfind("read=");
    return line == std::string::npos ? result.output
                                     : result.output.substr(line, result.output.find('\n', line) - line);
  }

  std::string Text(const std::string& sql) { return QueryValue(sql).text(); }

  hub::test::TempDir files_;
  fs::path config_;
};

TEST_P(CallCenterSync, TheDemoCallsAreStoredOnceAsActivities) {
  EXPECT_EQ(Sync(), "read=10 inserted=10 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM activities WHERE kind = 'call'").integer(), 10);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM activities WHERE direction = 'outbound'").integer(), 3);
  // The first call rang 301, then 302 answered; the caller asked for a quote.
  EXPECT_EQ(Text("SELECT phone_e164 FROM activities WHERE summary = '询价：20台水泵'"), "+8613800138000");
  EXPECT_EQ(Text("SELECT agent_extension FROM activities WHERE summary = '询价：20台水泵'"), "302");
  EXPECT_EQ(Text("SELECT outcome FROM activities WHERE summary = '询价：20台水泵'"), "answered");
  EXPECT_EQ(QueryValue("SELECT duration_seconds FROM activities WHERE summary = '询价：20台水泵'").integer(), 205);
  // An outbound call: the customer is the number dialled (with the trunk's 0), the agent the caller.
  EXPECT_EQ(Text("SELECT agent_extension FROM activities WHERE phone_e164 = '+8613812345678'"), "301");
  EXPECT_EQ(Sync(), "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
}

TEST_P(CallCenterSync, AMissedCallFromAKnownNumberIsItsPartysAndOwesItsOwnerACallback) {
  const hub::test::CommandResult migrated = hub::test::RunHub({"db", "migrate", "--config", config_.string()});
  ASSERT_EQ(migrated.exit_status, 0) << migrated.output;
  for (const char* sql :
       {"INSERT INTO employees (employee_number, name) VALUES ('E001', '王芳')",
        "INSERT INTO parties (kind, name, name_normalized, owner_employee_id) "
        "SELECT 'organization', '上海华腾贸易有限公司', '上海华腾贸易有限公司', id FROM employees",
        "INSERT INTO phones (party_id, kind, raw, e164) SELECT id, 'landline', '021 6234 5678', '+862162345678' "
        "FROM parties",
        "INSERT INTO parties (kind, name, name_normalized) VALUES ('organization', '苏州精工', '苏州精工')",
        "INSERT INTO phones (party_id, kind, raw, e164) SELECT id, 'mobile', '139 1234 5678', '+8613912345678' "
        "FROM parties WHERE name = '苏州精工'"}) {
    ASSERT_TRUE(connection_->ExecuteDirect(sql).ok()) << sql;
  }
  EXPECT_EQ(Sync(), "read=10 inserted=10 updated=0 merged=0 quarantined=0 deleted=0")
      << Text("SELECT COALESCE(MAX(reason), '') FROM quarantine");
  // The busy call from 021 6234 5678 is the first party's, and its owner is to call back.
  EXPECT_EQ(Text("SELECT p.name || ' ' || a.party_match FROM activities a JOIN parties p ON p.id = a.party_id "
                 "WHERE a.phone_e164 = '+862162345678'"),
            "上海华腾贸易有限公司 phone");
  EXPECT_EQ(Text("SELECT t.kind || ' ' || t.status || ' ' || e.employee_number || ' ' || a.outcome FROM tasks t "
                 "JOIN employees e ON e.id = t.assignee_employee_id JOIN activities a ON a.id = t.activity_id"),
            "callback open E001 busy");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM tasks").integer(), 1);
  // The known customer asking about an order is no lead; the unknown callers with a note are, once each.
  EXPECT_EQ(Text("SELECT party_match FROM activities WHERE phone_e164 = '+8613912345678'"), "phone");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM lead_candidates WHERE channel = 'phone'").integer(), 3);
  EXPECT_EQ(Text("SELECT need FROM lead_candidates WHERE phone_e164 = '+8613800138000'"), "询价：20台水泵");
  EXPECT_EQ(Sync(), "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM outbox_events WHERE kind IN ('task.created', 'lead_candidate.created')")
                .integer(),
            4);
}

INSTANTIATE_TEST_SUITE_P(Engines, CallCenterSync, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::call_center
