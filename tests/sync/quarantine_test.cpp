// The quarantine through the store sink, on both engines: one open entry per record and reason however
// often it is read again, raw content kept capped with its length, and records that wait (pending) for
// what they refer to and are stored by the batch that brings it.
#include "store/model/quarantine_book.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "hub/odbc/connection_string.hpp"
#include "hub/odbc/transaction.hpp"
#include "sink_fixture.hpp"
#include "store/model/quarantine_query.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/batch_applier.hpp"

namespace hub::sync {

using store_model::kQuarantineRawCap;
using store_model::QuarantineFilter;
namespace {

using hub::test::Backend;
using sdk::Value;
using test::EntityMapping;
using test::Record;
using ::testing::HasSubstr;

// A line the source could not read: no id, only its position and content.
sdk::Record Unreadable(const std::string& position, const std::string& line) {
  sdk::Record record;
  record.position = position;
  record.rejection = position + ": 1 column, header has 3";
  record.Set("line", Value::String(line));
  return record;
}

sdk::Record Order(const std::string& id, const std::string& customer) {
  return Record("order", id,
                {{"order_number", "SO-" + id},
                 {"party_source_id", customer},
                 {"currency", "CNY"},
                 {"total_amount", "100.00"},
                 {"ordered_on", "2026-11-20"}});
}

sdk::Record Customer(const std::string& id) {
  return Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}});
}

class QuarantineTest : public test::SinkTest {
 protected:
  // Declares job `job` reading `entity` from `system`, each of `fields` from the source field of its name.
  void Job(const std::string& job, const std::string& system, const std::string& entity,
           const std::vector<std::string>& fields) {
    std::vector<std::pair<std::string, std::string>> targets;
    for (const std::string& field : fields) targets.emplace_back(field, field);
    jobs_[job] = SinkJob{EntityMapping(entity, targets), system};
  }

  SyncCounts Sync(const std::string& job, const std::vector<sdk::Record>& records) {
    return ApplyAs(job, records, job + std::to_string(++batches_));
  }

  void OrdersAndCustomers() {
    Job("orders", "erp", "order", {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"});
    Job("customers", "erp", "party", {"kind", "name"});
  }

  // Jobs `customers` and `tickets` of erp, customer C1 stored, and C1's ticket T2 synced once: its
  // satisfaction 9 breaks the column's CHECK, so the store refuses it. Answers the ticket.
  sdk::Record SyncTicketTheStoreRefuses() {
    Job("customers", "erp", "party", {"kind", "name"});
    Job("tickets", "erp", "service_request",
        {"ticket_number", "party_source_id", "subject", "opened_at", "satisfaction"});
    Sync("customers", {Customer("C1")});
    const sdk::Record ticket = Record("service_request", "T2",
                                      {{"ticket_number", "T2"},
                                       {"party_source_id", "C1"},
                                       {"subject", "读数漂移"},
                                       {"opened_at", "2026-11-23T01:00:00Z"},
                                       {"satisfaction", "9"}});
    Sync("tickets", {ticket});
    return ticket;
  }

  int batches_ = 0;
};

TEST_P(QuarantineTest, TheSameBadLineReadThreeTimesIsOneOpenEntryCountedThrice) {
  Job("customers", "erp", "party", {"kind", "name"});
  for (int run = 0; run < 3; ++run) {
    SyncCounts counts = Sync("customers", {Unreadable("grow.csv:4", "2222"), Customer("C1")});
    EXPECT_EQ(counts.quarantined, 1u);
  }
  std::vector<odbc::Row> entries =
      QueryRows("SELECT occurrences, status, record_key, source_position FROM quarantine WHERE resolved_at IS NULL");
  ASSERT_EQ(entries.size(), 1u) << "one open entry, not one a run";
  EXPECT_EQ(entries[0][0].integer(), 3);
  EXPECT_EQ(entries[0][1].text(), "open");
  EXPECT_EQ(entries[0][2].text(), "@grow.csv:4") << "a record without an id is known by its position";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE last_seen_at >= created_at"), 1);
}

TEST_P(QuarantineTest, ARecordWithAnIdRefusedAgainAtAnotherLineIsStillOneEntry) {
  Job("customers", "erp", "party", {"kind", "name"});
  sdk::Record nameless = Record("party", "C8", {{"kind", "organization"}, {"name", ""}});
  Sync("customers", {nameless});
  nameless.position = "party.csv:9";  // a line was added above it
  Sync("customers", {nameless});
  std::vector<odbc::Row> entries = QueryRows("SELECT occurrences, source_position, reason FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].integer(), 2);
  EXPECT_EQ(entries[0][1].text(), "party.csv:9") << "where it was seen last";
  EXPECT_THAT(entries[0][2].text(), HasSubstr("party.csv:9: field 'name'"));
}

TEST_P(QuarantineTest, ARereadAfterTheUpgradeCountsTheEntryWrittenBeforeIt) {
  Job("customers", "erp", "party", {"kind", "name"});
  sdk::Record nameless = Record("party", "C8", {{"kind", "organization"}, {"name", ""}});
  Sync("customers", {nameless, Unreadable("grow.csv:4", "2222")});
  // As migration 9 leaves the entries an older hub wrote: no cause, a reason key of their own.
  ASSERT_TRUE(connection_
                  ->ExecuteUpdate("UPDATE quarantine SET cause = NULL, reason_key = 'migrated:' || "
                                  "CAST(id AS TEXT)")
                  .ok());
  nameless.position = "party.csv:9";  // a line was added above it
  SyncCounts counts = Sync("customers", {nameless, Unreadable("grow.csv:4", "2222")});
  EXPECT_EQ(counts.quarantined, 2u);
  std::vector<odbc::Row> entries =
      QueryRows("SELECT record_key, occurrences, cause, reason_key FROM quarantine ORDER BY record_key");
  ASSERT_EQ(entries.size(), 2u) << "the old entries, not new ones beside them";
  EXPECT_EQ(entries[0][0].text(), "@grow.csv:4");
  EXPECT_EQ(entries[1][0].text(), "C8");
  for (const odbc::Row& entry : entries) {
    EXPECT_EQ(entry[1].integer(), 2);
    EXPECT_EQ(entry[2].text(), entry[0].text() == "C8" ? "mapping" : "source");
    EXPECT_FALSE(entry[3].text().starts_with("migrated:")) << "it now has the writer's key";
  }
  Sync("customers", {nameless});
  EXPECT_EQ(Count("SELECT occurrences FROM quarantine WHERE record_key = 'C8'"), 3);
}

TEST_P(QuarantineTest, AnEntryWrittenBeforeTheUpgradeForAnotherReasonIsNotTakenOver) {
  Job("customers", "erp", "party", {"kind", "name"});
  Sync("customers", {Record("party", "C8", {{"kind", "organization"}, {"name", ""}})});
  ASSERT_TRUE(connection_->ExecuteUpdate("UPDATE quarantine SET reason_key = 'migrated:' || CAST(id AS TEXT)").ok());
  Sync("customers", {Record("party", "C8", {{"kind", "nobody"}, {"name", "x"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE reason_key LIKE 'migrated:%'"), 1);
}

TEST_P(QuarantineTest, ADifferentReasonForTheSameRecordIsAnotherEntry) {
  Job("customers", "erp", "party", {"kind", "name"});
  Sync("customers", {Record("party", "C8", {{"kind", "organization"}, {"name", ""}})});
  Sync("customers", {Record("party", "C8", {{"kind", "company"}, {"name", "华腾"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 2);
  EXPECT_EQ(Sync("customers", {Customer("C8")}).inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0) << "storing it resolves both";
}

TEST_P(QuarantineTest, AHugeLineIsKeptCappedWithItsFullLength) {
  Job("customers", "erp", "party", {"kind", "name"});
  const std::string line(20 * 1024 * 1024, 'x');
  for (int run = 0; run < 2; ++run) Sync("customers", {Unreadable("big.csv:2", line)});
  std::vector<odbc::Row> entries = QueryRows("SELECT raw_record, raw_length, occurrences FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  const std::string& kept = entries[0][0].text();
  EXPECT_LE(kept.size(), kQuarantineRawCap + 1024);
  EXPECT_GT(entries[0][1].integer(), static_cast<std::int64_t>(line.size())) << "the raw JSON's full length";
  // Not EXPECT_THAT: a failure would print 64 KiB. PostgreSQL's jsonb spaces the text out.
  EXPECT_NE(kept.find("\"truncated\""), std::string::npos);
  EXPECT_NE(kept.find("big.csv:2"), std::string::npos);
  EXPECT_EQ(entries[0][2].integer(), 2);
}

TEST_P(QuarantineTest, AnOrderBeforeItsCustomerWaitsAndIsStoredByTheCustomersBatch) {
  OrdersAndCustomers();
  SyncCounts orders = Sync("orders", {Order("SO1", "C404")});
  EXPECT_EQ(orders.quarantined, 1u);
  std::vector<odbc::Row> pending =
      QueryRows("SELECT status, cause, awaits_entity, awaits_system, awaits_key, reason FROM quarantine");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0][0].text(), "pending");
  EXPECT_EQ(pending[0][1].text(), "reference");
  EXPECT_EQ(pending[0][2].text(), "party");
  EXPECT_EQ(pending[0][3].text(), "erp");
  EXPECT_EQ(pending[0][4].text(), "C404");
  EXPECT_THAT(pending[0][5].text(), HasSubstr("order.csv:SO1: refers to party 'C404' (party_source_id)"));

  SyncCounts customers = Sync("customers", {Customer("C404")});
  EXPECT_EQ(customers.inserted, 1u);
  EXPECT_EQ(customers.released, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders o JOIN parties p ON p.id = o.party_id WHERE p.name = '客户C404'"), 1);
  std::vector<odbc::Row> entry = QueryRows("SELECT status, resolution FROM quarantine");
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0][0].text(), "resolved");
  EXPECT_THAT(entry[0][1].text(), HasSubstr("stored when party 'C404' arrived"));

  EXPECT_EQ(Sync("orders", {Order("SO1", "C404")}).unchanged, 1u) << "a re-read finds it stored";
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u) << "released once";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'order'"), 1);
}

TEST_P(QuarantineTest, ARecordReadAgainAsItIsStoredResolvesItsEntriesAndItsStaleCopyIsNeverReleased) {
  OrdersAndCustomers();
  Sync("customers", {Customer("C1")});
  Sync("orders", {Order("SO1", "C1")});
  Sync("orders", {Order("SO1", "C404")});  // changed in the source to a customer not there yet: pending
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'"), 1);
  EXPECT_EQ(Sync("orders", {Order("SO1", "C1")}).unchanged, 1u) << "changed back: exactly what the store holds";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0)
      << "the record as the source has it now is stored: nothing waits";
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders o JOIN parties p ON p.id = o.party_id WHERE p.name = '客户C1'"), 1)
      << "the stale copy that waited for C404 did not overwrite the order";
}

TEST_P(QuarantineTest, ARecordDeletedWhileItWaitsIsNeverStored) {
  OrdersAndCustomers();
  Sync("orders", {Order("SO1", "C404")});
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'"), 1);
  sdk::Record deleted = Order("SO1", "C404");
  deleted.operation = sdk::Operation::kDelete;
  Sync("orders", {deleted});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0) << "the source deleted it";
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0) << "not brought back by its customer's arrival";
}

TEST_P(QuarantineTest, AWaitingCopyOfARecordReadAgainAndRefusedForAnotherReasonIsNeverStored) {
  OrdersAndCustomers();
  Sync("orders", {Order("SO1", "C404")});
  // The source's SO1 changes so that it cannot be mapped: the copy waiting for C404 is out of date.
  Sync("orders", {Record("order", "SO1",
                         {{"order_number", "SO-SO1"},
                          {"party_source_id", "C404"},
                          {"currency", "CNY"},
                          {"total_amount", "一百"},
                          {"ordered_on", "2026-11-20"}})});
  std::vector<odbc::Row> open = QueryRows("SELECT status, cause FROM quarantine WHERE resolved_at IS NULL");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0][0].text(), "open");
  EXPECT_EQ(open[0][1].text(), "mapping");
  EXPECT_THAT(QueryValue("SELECT resolution FROM quarantine WHERE cause = 'reference'").text(),
              HasSubstr("superseded by entry"));
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0) << "the out-of-date copy did not land";
}

TEST_P(QuarantineTest, AnOrderReadAgainWhileItWaitsIsStillOnePendingEntry) {
  OrdersAndCustomers();
  Sync("orders", {Order("SO1", "C404")});
  Sync("orders", {Order("SO1", "C404")});
  EXPECT_EQ(Count("SELECT occurrences FROM quarantine WHERE status = 'pending'"), 2);
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
}

TEST_P(QuarantineTest, AnEmployeeBeforeTheirTeamWaitsForTheTeamFromAnotherSystem) {
  Job("employees", "hr", "employee", {"employee_number", "name", "team_code"});
  Job("teams", "org", "team", {"code", "name"});
  Sync("employees", {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"team_code", "EAST"}})});
  std::vector<odbc::Row> pending = QueryRows("SELECT status, awaits_entity, awaits_system, awaits_key FROM quarantine");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0][0].text(), "pending");
  EXPECT_EQ(pending[0][1].text(), "team");
  EXPECT_TRUE(pending[0][2].is_null()) << "a natural key: a team of any system answers";
  EXPECT_EQ(pending[0][3].text(), "EAST");
  EXPECT_EQ(Sync("teams", {Record("team", "EAST", {{"code", "EAST"}, {"name", "华东"}})}).released, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM team_members m JOIN employees e ON e.id = m.employee_id "
                  "JOIN teams t ON t.id = m.team_id WHERE e.employee_number = 'E1' AND t.code = 'EAST'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0);
}

TEST_P(QuarantineTest, ABatchOfAnotherStoreInTheSameDatabaseDoesNotHoldUpARelease) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "the source-system locks are PostgreSQL's";
  Job("employees", "hr", "employee", {"employee_number", "name", "team_code"});
  Job("teams", "org", "team", {"code", "name"});
  const sdk::Record employee =
      Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"team_code", "EAST"}});
  Sync("employees", {employee});
  // Another hub's store, a schema of the same database, has a batch of its own system `hr` in flight.
  const std::string other = hub::test::UniqueName("hub_other");
  ASSERT_TRUE(connection_->ExecuteDirect("CREATE SCHEMA " + other).ok());
  {
    auto other_store = odbc::Connection::Open(
        environment_, odbc::SetAttribute(connection_string_, "ConnSettings", "SET search_path TO " + other));
    ASSERT_TRUE(other_store.ok()) << other_store.status().ToString();
    auto transaction = odbc::Transaction::Begin(**other_store);
    ASSERT_TRUE(transaction.ok());
    const StoreSink::JobLookup lookup = [this](std::string_view job) { return jobs_.at(std::string(job)); };
    const Logger log = MakeLogger("other-store");
    auto turn = odbc::TakeOutboxWriterTurn(**other_store);
    ASSERT_TRUE(turn.ok()) << turn.status().ToString();
    BatchApplier in_flight(**other_store, *turn, JobContext{"employees", jobs_.at("employees")},
                           "a batch of job employees", "stored", lookup, log, store_model::DefaultWriteRules());
    ASSERT_TRUE(in_flight.LockSourceSystems({employee}).ok());
    EXPECT_EQ(Sync("teams", {Record("team", "EAST", {{"code", "EAST"}, {"name", "华东"}})}).released, 1u)
        << "the other store's batch holds only its own store's locks";
  }
  EXPECT_TRUE(connection_->ExecuteDirect("DROP SCHEMA " + other + " CASCADE").ok());
}

TEST_P(QuarantineTest, AReleasedRecordReleasesTheRecordsWaitingForIt) {
  Job("employees", "hr", "employee", {"employee_number", "name", "manager_employee_number", "team_code"});
  Job("teams", "org", "team", {"code", "name"});
  // B waits for team EAST; A waits for B (another batch, so not retried within one).
  Sync("employees", {Record("employee", "B", {{"employee_number", "B"}, {"name", "乙"}, {"team_code", "EAST"}})});
  Sync("employees",
       {Record("employee", "A", {{"employee_number", "A"}, {"name", "甲"}, {"manager_employee_number", "B"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'"), 2);
  EXPECT_EQ(Sync("teams", {Record("team", "EAST", {{"code", "EAST"}, {"name", "华东"}})}).released, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employees e JOIN employees m ON m.id = e.manager_employee_id "
                  "WHERE e.employee_number = 'A' AND m.employee_number = 'B'"),
            1);
}

TEST_P(QuarantineTest, AReplayStoresWhatTheFixedMappingAcceptsAndLeavesTheRestAsTheyAre) {
  Job("customers", "erp", "party", {"kind", "name"});
  Sync("customers", {Record("party", "C1", {{"kind", "company"}, {"name", "华腾"}}),
                     Record("party", "C2", {{"kind", "organization"}, {"name", ""}}), Unreadable("party.csv:9", "x")});
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'open'"), 3);
  // The operator fixes the mapping: every record of this source is an organization.
  config::MappingFieldConfig kind;
  kind.target = "kind";
  kind.constant = "organization";
  jobs_["customers"] = SinkJob{EntityMapping("party", {{"name", "name"}}, {kind}), "erp"};

  ReplayResult replayed;
  ASSERT_TRUE(sink_->Replay(QuarantineFilter{"customers", "", "", "'kind'", std::nullopt}, replayed).ok());
  EXPECT_EQ(replayed.counts.read, 1u);
  EXPECT_EQ(replayed.counts.inserted, 1u);
  EXPECT_EQ(replayed.resolved, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(QueryValue("SELECT resolution FROM quarantine WHERE source_id = 'C1'").text(),
            "stored by hub quarantine replay");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE last_replayed_at IS NOT NULL"), 1)
      << "only what the filter chose";

  ReplayResult all;
  ASSERT_TRUE(sink_->Replay(QuarantineFilter{}, all).ok());
  EXPECT_EQ(all.counts.read, 1u) << "the unreadable line cannot be replayed";
  EXPECT_EQ(all.counts.quarantined, 1u) << "C2 still has no name";
  ASSERT_EQ(all.skipped.size(), 1u);
  EXPECT_THAT(all.skipped[0], HasSubstr("the source could not read the record"));
  EXPECT_EQ(Count("SELECT occurrences FROM quarantine WHERE source_id = 'C2'"), 2) << "counted on its own entry";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 2);
}

TEST_P(QuarantineTest, AReplayedCustomerReleasesTheOrdersWaitingForIt) {
  OrdersAndCustomers();
  Sync("customers", {Record("party", "C404", {{"kind", "company"}, {"name", "华腾"}})});
  Sync("orders", {Order("SO1", "C404")});
  ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE status = 'pending'"), 1);
  config::MappingFieldConfig kind;
  kind.target = "kind";
  kind.constant = "organization";
  jobs_["customers"] = SinkJob{EntityMapping("party", {{"name", "name"}}, {kind}), "erp"};
  ReplayResult replayed;
  QuarantineFilter filter;
  filter.entity = "party";
  ASSERT_TRUE(sink_->Replay(filter, replayed).ok());
  EXPECT_EQ(replayed.counts.inserted, 1u);
  EXPECT_EQ(replayed.counts.released, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0);
}

TEST_P(QuarantineTest, AReplayedRecordStillWaitingStaysPendingOnItsEntry) {
  OrdersAndCustomers();
  Sync("orders", {Order("SO1", "C404")});
  ReplayResult replayed;
  QuarantineFilter filter;
  filter.status = "pending";
  ASSERT_TRUE(sink_->Replay(filter, replayed).ok());
  EXPECT_EQ(replayed.counts.quarantined, 1u);
  EXPECT_EQ(replayed.resolved, 0u);
  std::vector<odbc::Row> entries = QueryRows("SELECT status, occurrences FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].text(), "pending");
  EXPECT_EQ(entries[0][1].integer(), 2);
}

TEST_P(QuarantineTest, ARecordTooLargeToKeepWholeIsOpenNotPending) {
  OrdersAndCustomers();
  sdk::Record order = Order("SO1", "C404");
  order.Set("notes", Value::String(std::string(kQuarantineRawCap, 'n')));
  Sync("orders", {order});
  EXPECT_EQ(QueryValue("SELECT status FROM quarantine").text(), "open") << "it could not be stored from its entry";
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u);
}

TEST_P(QuarantineTest, APendingRecordItsReferentsBatchDidNotSeeIsStoredByItsJobsNextBatch) {
  OrdersAndCustomers();
  Sync("orders", {Order("SO1", "C404")});
  // As when the customer's batch ran beside the order's, before that one committed: it cannot see the entry.
  ASSERT_TRUE(connection_->ExecuteDirect("UPDATE quarantine SET status = 'open'").ok());
  EXPECT_EQ(Sync("customers", {Customer("C404")}).released, 0u);
  ASSERT_TRUE(connection_->ExecuteDirect("UPDATE quarantine SET status = 'pending'").ok());
  EXPECT_EQ(Sync("orders", {}).released, 1u) << "the job's next batch, even an empty one, stores it";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(QueryValue("SELECT status FROM quarantine").text(), "resolved");
}

TEST_P(QuarantineTest, ARecordTheDatabaseRefusesAgainIsOneEntryWhateverTheDriverQuotes) {
  const sdk::Record ticket = SyncTicketTheStoreRefuses();
  Sync("tickets", {ticket});
  std::vector<odbc::Row> entries = QueryRows("SELECT occurrences, cause, reason FROM quarantine");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0][0].integer(), 2);
  EXPECT_EQ(entries[0][1].text(), "store");
  EXPECT_THAT(entries[0][2].text(), HasSubstr("the store refused it"));
}

TEST_P(QuarantineTest, ARecordTheDatabaseRefusesAgainAfterTheUpgradeCountsTheEntryWrittenBeforeIt) {
  const sdk::Record ticket = SyncTicketTheStoreRefuses();
  // As an older hub wrote it and migration 9 left it: the driver's message at the end of its reason.
  ASSERT_TRUE(connection_
                  ->ExecuteUpdate("UPDATE quarantine SET cause = NULL, reason_key = 'migrated:' || CAST(id AS TEXT), "
                                  "reason = reason || ' (row 1, 2026-11-30 08:00:00)'")
                  .ok());
  Sync("tickets", {ticket});
  std::vector<odbc::Row> entries = QueryRows("SELECT occurrences, cause FROM quarantine");
  ASSERT_EQ(entries.size(), 1u) << "the old entry, whatever the driver quoted then";
  EXPECT_EQ(entries[0][0].integer(), 2);
  EXPECT_EQ(entries[0][1].text(), "store");
}

INSTANTIATE_TEST_SUITE_P(Engines, QuarantineTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
