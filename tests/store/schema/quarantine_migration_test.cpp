// Migrations 9 and 10 on a store that already has quarantine entries, on both engines: entries that repeat
// one another (the same record and reason, still open, at one line or at several) are folded into the
// newest, which counts them all; and the open entries of a source system are found by an index of their own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/schema/embedded_migrations.hpp"
#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::schema::test {
namespace {

using hub::test::BackendName;
using hub::test::StoreTest;

class QuarantineMigrationTest : public StoreTest {
 protected:
  void Entry(const std::string& source_id, const std::string& position, const std::string& reason) {
    ASSERT_TRUE(
        connection_
            ->ExecuteUpdate("INSERT INTO quarantine (job, source_system, entity, source_id, source_position, "
                            "reason, raw_record) VALUES ('customers', 'crm', 'party', ?, ?, ?, '{}')",
                            {sdk::Value::String(source_id), sdk::Value::String(position), sdk::Value::String(reason)})
            .ok());
  }
};

TEST_P(QuarantineMigrationTest, RepeatedOpenEntriesAreFoldedIntoTheNewestThatCountsThem) {
  ASSERT_TRUE(Migrate(*connection_, EmbeddedMigrations().first(8)).ok());
  for (int run = 0; run < 3; ++run) Entry("C2", "customers.csv:3", "customers.csv:3: field 'name' is empty");
  Entry("", "customers.csv:9", "customers.csv:9: 1 column, header has 3");
  Entry("", "customers.csv:9", "customers.csv:9: 1 column, header has 3");
  Entry("C2", "customers.csv:3", "customers.csv:3: another reason");
  auto migrated = Migrate(*connection_);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();

  std::vector<odbc::Row> open =
      QueryRows("SELECT id, record_key, occurrences, status FROM quarantine WHERE resolved_at IS NULL ORDER BY id");
  ASSERT_EQ(open.size(), 3u);
  EXPECT_EQ(open[0][0].integer(), 3) << "the newest of the three";
  EXPECT_EQ(open[0][1].text(), "C2");
  EXPECT_EQ(open[0][2].integer(), 3);
  EXPECT_EQ(open[0][3].text(), "open");
  EXPECT_EQ(open[1][1].text(), "@customers.csv:9") << "no id: known by its position";
  EXPECT_EQ(open[1][2].integer(), 2);
  EXPECT_EQ(open[2][2].integer(), 1) << "another reason is another entry";
  EXPECT_EQ(QueryRows("SELECT COUNT(*) FROM quarantine WHERE status = 'resolved' AND resolution LIKE 'folded%'")
                .at(0)
                .at(0)
                .integer(),
            3);
}

TEST_P(QuarantineMigrationTest, OpenEntriesOfOneRecordAndReasonAtOtherLinesAreFoldedIntoTheNewest) {
  ASSERT_TRUE(Migrate(*connection_, EmbeddedMigrations().first(8)).ok());
  Entry("C2", "customers.csv:3", "customers.csv:3: field 'name' is empty");
  Entry("C2", "customers.csv:5", "customers.csv:5: field 'name' is empty");
  Entry("C2", "customers.csv:5", "customers.csv:5: field 'name' is empty");
  Entry("C2", "customers.csv:6", "customers.csv:6: another reason");
  Entry("C3", "customers.csv:7", "customers.csv:7: field 'name' is empty");
  auto migrated = Migrate(*connection_);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();

  std::vector<odbc::Row> open =
      QueryRows("SELECT id, record_key, occurrences FROM quarantine WHERE resolved_at IS NULL ORDER BY id");
  ASSERT_EQ(open.size(), 3u);
  EXPECT_EQ(open[0][0].integer(), 3) << "the newest sighting of C2's empty name";
  EXPECT_EQ(open[0][2].integer(), 3) << "it counts the line-3 entry and both line-5 ones";
  EXPECT_EQ(open[1][0].integer(), 4) << "another reason is another entry";
  EXPECT_EQ(open[1][2].integer(), 1);
  EXPECT_EQ(open[2][1].text(), "C3") << "another record is another entry";
  EXPECT_EQ(open[2][2].integer(), 1);
  EXPECT_EQ(QueryRows("SELECT resolution FROM quarantine WHERE id = 1").at(0).at(0).text(),
            "folded into a later entry of the same record and reason (migration 10)");
}

TEST_P(QuarantineMigrationTest, TheOpenEntriesOfASourceSystemAreFoundWithoutReadingItsResolvedOnes) {
  ASSERT_TRUE(Migrate(*connection_).ok());
  if (GetParam() != hub::test::Backend::kSqlite) GTEST_SKIP() << "the plan is asserted on SQLite (see migration 10)";
  std::vector<odbc::Row> plan = QueryRows(
      "EXPLAIN QUERY PLAN SELECT 1 FROM quarantine WHERE source_system = 'crm' AND resolved_at IS NULL LIMIT 1");
  std::string steps;
  for (const odbc::Row& step : plan) steps += step.back().text() + "\n";
  EXPECT_THAT(steps, ::testing::HasSubstr("INDEX ix_quarantine_open_source (source_system=?)"));
  plan = QueryRows(
      "EXPLAIN QUERY PLAN UPDATE quarantine SET status = 'resolved' WHERE source_system = 'crm' AND entity = 'party' "
      "AND resolved_at IS NULL AND source_id IN ('C1', 'C2')");
  steps.clear();
  for (const odbc::Row& step : plan) steps += step.back().text() + "\n";
  EXPECT_THAT(steps,
              ::testing::HasSubstr("INDEX ix_quarantine_open_source (source_system=? AND entity=? AND source_id=?)"));
}

INSTANTIATE_TEST_SUITE_P(Engines, QuarantineMigrationTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::schema::test
