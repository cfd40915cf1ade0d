// The quarantine through the real `hub`, on SQLite and on PostgreSQL: a bad line read again and again is
// one entry; an order listed before its customer waits and lands with the customer's file; an operator
// who fixed the code table replays what it refused, and the replay is in the audit log; a statement of the
// hub's own that fails fails the sync, quarantining nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "hub_process.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HubQuarantineTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    files_.Write("customers.csv", "id,name,grade\nC1,上海华腾贸易有限公司,金牌\nC2,海诚物流,钻石\n");
    files_.Write("orders.csv", "id,customer,total\nSO1,C9,100.00\n");
    WriteConfig("<entry code=\"金牌\" value=\"A\"/>");
  }

  // The configuration with `grades` as the code table's entries.
  void WriteConfig(const std::string& grades) {
    config_ = files_.Write("hub.xml", R"(<hub>
  <store><connection>)" + connection_string_ +
                                          R"(</connection></store>
  <plugins dir=")" + std::string(HUB_PLUGIN_DIR) +
                                          R"("/>
  <connectors>
    <connector name="crm" plugin="file"><path>customers.csv</path><id_field>id</id_field></connector>
    <connector name="shop" plugin="file"><path>orders.csv</path><id_field>id</id_field></connector>
  </connectors>
  <jobs>
    <job name="customers" connector="crm">
      <mapping entity="party">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="grade" source="grade" lookup="grades"/>
      </mapping>
    </job>
    <job name="orders" connector="shop">
      <mapping entity="order">
        <field target="order_number" source="id"/>
        <field target="party_source_id" source="customer" system="crm"/>
        <field target="currency" value="CNY"/>
        <field target="total_amount" source="total"/>
        <field target="ordered_on" value="2026-11-20"/>
      </mapping>
    </job>
  </jobs>
  <code_tables><table name="grades">)" + grades +
                                          R"(</table></code_tables>
</hub>
)");
  }

  CommandResult Hub(std::vector<std::string> args) {
    args.push_back("--config");
    args.push_back(config_.string());
    return RunHub(args);
  }

  TempDir files_;
  std::filesystem::path config_;
};

TEST_P(HubQuarantineTest, ABadLineSyncedThreeTimesIsOneEntryCountedThrice) {
  EXPECT_THAT(Hub({"sync", "customers"}).output, HasSubstr("quarantined=1"));
  EXPECT_THAT(Hub({"sync", "customers", "--full"}).output, HasSubstr("quarantined=1"));
  EXPECT_THAT(Hub({"sync", "customers", "--full"}).output, HasSubstr("quarantined=1"));
  std::vector<odbc::Row> entries = QueryRows("SELECT occurrences, source_position FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].integer(), 3);
  EXPECT_EQ(entries[0][1].text(), "customers.csv:3");
  CommandResult listed = Hub({"quarantine", "list", "--job", "customers"});
  ASSERT_EQ(listed.exit_status, 0) << listed.output;
  EXPECT_THAT(listed.output, HasSubstr("open job=customers party 'C2' seen=3"));
  EXPECT_THAT(listed.output, HasSubstr("1 entry\n"));
}

TEST_P(HubQuarantineTest, AnOrderBeforeItsCustomerWaitsAndLandsWithTheCustomersFile) {
  CommandResult orders = Hub({"sync", "orders"});
  EXPECT_THAT(orders.output, HasSubstr("read=1 inserted=0 updated=0 merged=0 quarantined=1"));
  CommandResult listed = Hub({"quarantine", "list", "--status", "pending"});
  EXPECT_THAT(listed.output, HasSubstr("pending job=orders order 'SO1' seen=1"));
  EXPECT_THAT(listed.output, HasSubstr("waits for party 'C9' of crm"));
  CommandResult exported = Hub({"export", "quarantine", "--format", "json"});
  EXPECT_THAT(exported.output, HasSubstr("\"status\":\"pending\""));

  files_.Write("customers.csv", "id,name,grade\nC1,上海华腾贸易有限公司,金牌\nC9,远东机电,金牌\n");
  CommandResult customers = Hub({"sync", "customers"});
  EXPECT_THAT(customers.output, HasSubstr("read=2 inserted=2"));
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM orders").integer(), 1) << customers.output;
  EXPECT_EQ(QueryValue("SELECT status FROM quarantine").text(), "resolved");
  EXPECT_THAT(Hub({"sync", "orders", "--full"}).output, HasSubstr("inserted=0 updated=0 merged=0 quarantined=0"));
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM orders").integer(), 1) << "no duplicate";
}

TEST_P(HubQuarantineTest, AReplayAfterTheCodeTableIsFixedStoresTheRecordAndIsAudited) {
  Hub({"sync", "customers"});
  Hub({"sync", "orders"});
  CommandResult unfiltered = Hub({"quarantine", "replay"});
  EXPECT_EQ(unfiltered.exit_status, 2) << "replaying everything needs --all";

  WriteConfig("<entry code=\"金牌\" value=\"A\"/><entry code=\"钻石\" value=\"A\"/>");
  CommandResult replayed =
      Hub({"quarantine", "replay", "--job", "customers", "--reason-contains", "grades", "--actor", "wang.fang"});
  ASSERT_EQ(replayed.exit_status, 0) << replayed.output;
  EXPECT_THAT(replayed.output, HasSubstr("read=1 inserted=1 updated=0 merged=0 quarantined=0 deleted=0\n"));
  EXPECT_THAT(replayed.output, HasSubstr("resolved=1 released=0 skipped=0"));
  EXPECT_EQ(QueryValue("SELECT grade FROM parties WHERE name = '海诚物流'").text(), "A");
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'").integer(), 1)
      << "the filter left the pending order alone";
  std::vector<odbc::Row> resolved =
      QueryRows("SELECT resolution FROM quarantine WHERE source_id = 'C2' AND last_replayed_at IS NOT NULL");
  ASSERT_EQ(resolved.size(), 1u);
  EXPECT_EQ(resolved[0][0].text(), "stored by hub quarantine replay");

  std::vector<odbc::Row> audit =
      QueryRows("SELECT actor, entity, entity_id, after_data FROM audit_log WHERE action = 'quarantine replay'");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0][0].text(), "operator:wang.fang");
  EXPECT_EQ(audit[0][1].text(), "quarantine");
  EXPECT_EQ(audit[0][2].text(), "job=customers reason-contains=grades");
  boost::json::value after = boost::json::parse(audit[0][3].text());
  EXPECT_EQ(after.at("inserted").to_number<int>(), 1);
  EXPECT_EQ(after.at("resolved").to_number<int>(), 1);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
}

TEST_P(HubQuarantineTest, AStatementOfTheHubsOwnThatFailsFailsTheSyncAndQuarantinesNothing) {
  files_.Write("customers.csv", "id,name,grade\nC1,上海华腾贸易有限公司,金牌\n");
  ASSERT_EQ(Hub({"sync", "customers"}).exit_status, 0);
  const std::string cursor = QueryValue("SELECT cursor FROM sync_cursors WHERE job = 'customers'").text();
  files_.Write("customers.csv", "id,name,grade\nC1,上海华腾贸易有限公司,金牌\nC3,远东机电,金牌\n");
  // The table the writers append change events to is gone: the hub's SQL fails as a defect in it would.
  ASSERT_TRUE(connection_->ExecuteDirect("ALTER TABLE outbox_events RENAME TO outbox_events_gone").ok());

  CommandResult synced = Hub({"sync", "customers"});
  EXPECT_EQ(synced.exit_status, 1) << synced.output;
  EXPECT_THAT(synced.output,
              HasSubstr("hub sync customers: internal error: storing a batch: job customers: a statement "
                        "of the hub's own failed"));
  EXPECT_THAT(synced.output, HasSubstr("INSERT INTO outbox_events"));
  EXPECT_THAT(synced.output, Not(HasSubstr("远东机电"))) << "the statement's values stay out of the message";
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM quarantine").integer(), 0);
  EXPECT_EQ(QueryValue("SELECT cursor FROM sync_cursors WHERE job = 'customers'").text(), cursor);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM parties").integer(), 1);
}

TEST_P(HubQuarantineTest, AStatementOfTheHubsOwnThatFailsFailsAReplayWhichIsAuditedAsFailed) {
  Hub({"sync", "customers"});
  ASSERT_EQ(QueryValue("SELECT COUNT(*) FROM quarantine WHERE status = 'open'").integer(), 1);
  WriteConfig("<entry code=\"金牌\" value=\"A\"/><entry code=\"钻石\" value=\"A\"/>");
  ASSERT_TRUE(connection_->ExecuteDirect("ALTER TABLE outbox_events RENAME TO outbox_events_gone").ok());

  CommandResult replayed = Hub({"quarantine", "replay", "--job", "customers", "--actor", "wang.fang"});
  EXPECT_EQ(replayed.exit_status, 1) << replayed.output;
  EXPECT_THAT(replayed.output,
              HasSubstr("hub quarantine replay: internal error: job customers: a statement of the hub's "
                        "own failed"));
  EXPECT_THAT(replayed.output, HasSubstr("INSERT INTO outbox_events"));
  std::vector<odbc::Row> entries = QueryRows("SELECT status, occurrences FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(), "open");
  EXPECT_EQ(entries[0][1].integer(), 1);
  std::vector<odbc::Row> audit = QueryRows("SELECT after_data FROM audit_log WHERE action = 'quarantine replay'");
  ASSERT_EQ(audit.size(), 1u);
  boost::json::value after = boost::json::parse(audit[0][0].text());
  EXPECT_THAT(std::string(after.at("outcome").as_string()),
              HasSubstr("failed: internal error: job customers: a statement of the"));
  EXPECT_EQ(after.at("resolved").to_number<int>(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, HubQuarantineTest, kBothBackends, BackendName);

}  // namespace
}  // namespace hub::test
