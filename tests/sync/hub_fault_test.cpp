// Store errors that are the hub's own, through the store sink on both engines: SQL that names a table
// the store lacks (as a hub defect would) ends the batch with a message naming the job and the statement,
// quarantines nothing and leaves the checkpoint where it was — for a job's batch, for the pending
// records a batch releases, and for an operator's replay. A lost store fails the batch as unavailable.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sink_fixture.hpp"
#include "store/model/quarantine_query.hpp"

namespace hub::sync {

using store_model::QuarantineFilter;
namespace {

using hub::test::Backend;
using sdk::Value;
using test::EntityMapping;
using test::Record;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPhone = "13800138001";

sdk::Record Customer(const std::string& id, const std::string& phone = kPhone) {
  return Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}, {"phone", phone}, {"country", "CN"}});
}

sdk::Record Order(const std::string& id, const std::string& customer) {
  return Record("order", id,
                {{"order_number", "SO-" + id},
                 {"party_source_id", customer},
                 {"currency", "CNY"},
                 {"total_amount", "100.00"},
                 {"ordered_on", "2026-11-20"}});
}

class HubFaultTest : public test::SinkTest {
 protected:
  void SetUp() override {
    test::SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Job("customers", "party", {"kind", "name", "phone", "country"});
    Job("orders", "order", {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"});
  }

  // Declares job `job` reading `entity` from system erp, each of `fields` from the source field of its name.
  void Job(const std::string& job, const std::string& entity, const std::vector<std::string>& fields) {
    std::vector<std::pair<std::string, std::string>> targets;
    for (const std::string& field : fields) targets.emplace_back(field, field);
    jobs_[job] = SinkJob{EntityMapping(entity, targets), "erp"};
  }

  // Renames `table` away, so that the hub's own SQL naming it fails as a defect in it would.
  void Break(const std::string& table) {
    ASSERT_TRUE(connection_->ExecuteDirect("ALTER TABLE " + table + " RENAME TO " + table + "_gone").ok());
  }

  std::string Cursor(const std::string& job) {
    return QueryValue("SELECT cursor FROM sync_cursors WHERE job = ?", {Value::String(job)}).text();
  }

  // Checks that `failed` is the hub's fault in `job`'s batch, naming the statement on `table`.
  void ExpectHubFault(const sdk::Status& failed, const std::string& job, const std::string& table) {
    EXPECT_EQ(failed.code(), sdk::StatusCode::kInternal) << failed.ToString();
    EXPECT_THAT(failed.message(),
                AllOf(HasSubstr("job " + job + ": a statement of the hub's own failed"),
                      HasSubstr("not the record's fault"), HasSubstr(table), HasSubstr("SQLSTATE 42")));
    EXPECT_THAT(failed.message(), Not(HasSubstr(kPhone))) << "the statement's values stay out of the message";
  }
};

TEST_P(HubFaultTest, AMissingTableForNewRecordsFailsTheBatchAndQuarantinesNothing) {
  Apply({Customer("C1")}, "line 1");
  Break("phones");
  sdk::Result<SyncCounts> applied = sink_->Apply("customers", {Customer("C2"), Customer("C3")}, "line 3");
  ASSERT_FALSE(applied.ok());
  ExpectHubFault(applied.status(), "customers", "phones");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
  EXPECT_EQ(Cursor("customers"), "line 1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1) << "the batch rolled back";
}

TEST_P(HubFaultTest, AMissingTableForAnUpdatedRecordFailsTheBatchAndQuarantinesNothing) {
  Apply({Customer("C1")}, "line 1");
  Break("phones");
  sdk::Result<SyncCounts> applied = sink_->Apply("customers", {Customer("C1", "13923456702")}, "line 2");
  ASSERT_FALSE(applied.ok());
  ExpectHubFault(applied.status(), "customers", "phones");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
  EXPECT_EQ(Cursor("customers"), "line 1");
}

TEST_P(HubFaultTest, AMissingTableOfAnotherEntityFailsTheBatchAndQuarantinesNothing) {
  Apply({Customer("C1")}, "line 1");
  Break("orders");
  sdk::Result<SyncCounts> applied = sink_->Apply("orders", {Order("SO1", "C1")}, "order 1");
  ASSERT_FALSE(applied.ok());
  ExpectHubFault(applied.status(), "orders", "orders");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sync_cursors WHERE job = 'orders'"), 0);
}

TEST_P(HubFaultTest, AMissingTableForAReleasedRecordFailsTheBatchThatReleasesIt) {
  ApplyAs("orders", {Order("SO1", "C404")}, "order 1");
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'"), 1);
  Break("orders");
  sdk::Result<SyncCounts> applied = sink_->Apply("customers", {Customer("C404")}, "line 1");
  ASSERT_FALSE(applied.ok());
  ExpectHubFault(applied.status(), "orders", "orders");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sync_cursors WHERE job = 'customers'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 0) << "the customer's batch rolled back with it";
  std::vector<odbc::Row> entries = QueryRows("SELECT status, occurrences FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(), "pending");
  EXPECT_EQ(entries[0][1].integer(), 1);
}

TEST_P(HubFaultTest, AMissingTableFailsAReplayAndLeavesItsEntriesAsTheyWere) {
  Apply({Record("party", "C1", {{"kind", "company"}, {"name", "华腾"}, {"phone", kPhone}, {"country", "CN"}})},
        "line 1");
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'open'"), 1);
  config::MappingFieldConfig kind;  // the operator fixes the mapping: every record is an organization
  kind.target = "kind";
  kind.constant = "organization";
  jobs_["customers"] = SinkJob{EntityMapping("party", {{"name", "name"}, {"phone", "phone"}}, {kind}), "erp"};
  Break("phones");

  ReplayResult replayed;
  const sdk::Status status = sink_->Replay(QuarantineFilter{}, replayed);
  ASSERT_FALSE(status.ok());
  ExpectHubFault(status, "customers", "phones");
  EXPECT_EQ(replayed.resolved, 0u);
  std::vector<odbc::Row> entries = QueryRows("SELECT status, occurrences, last_replayed_at FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(), "open");
  EXPECT_EQ(entries[0][1].integer(), 1);
  EXPECT_TRUE(entries[0][2].is_null()) << "the replay's transaction rolled back";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 0);
}

TEST_P(HubFaultTest, ALostStoreFailsTheBatchAsUnavailableAndTheNextBatchConnectsAgain) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "only a server ends a session under the sink";
  Apply({Customer("C1")}, "line 1");
  std::int64_t pid = 0;
  {
    auto lease = database_->Acquire();  // the sink's one connection
    ASSERT_TRUE(lease.ok()) << lease.status().ToString();
    pid = (*lease)->Query("SELECT pg_backend_pid()")->rows.at(0).at(0).integer();
  }
  ASSERT_TRUE(connection_->Query("SELECT pg_terminate_backend(?)", {Value::Int64(pid)}).ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (Count("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = " + std::to_string(pid)) != 0) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the backend did not exit";
  }

  sdk::Result<SyncCounts> applied = sink_->Apply("customers", {Customer("C2")}, "line 2");
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), sdk::StatusCode::kUnavailable) << applied.status().ToString();
  EXPECT_THAT(applied.status().message(), HasSubstr("job customers: store unavailable: "));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
  EXPECT_EQ(Cursor("customers"), "line 1");

  Apply({Customer("C2")}, "line 2");
  EXPECT_EQ(Cursor("customers"), "line 2") << "the next batch stores on a new connection";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, HubFaultTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
