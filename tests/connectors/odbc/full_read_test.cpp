// Reading without cursor columns: the whole result on every run, in batches over one open statement.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odbc/odbc_source.hpp"
#include "source_database.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::ElementsAre;

class FullRead : public DriverTest {
 protected:
  std::string MakeTable() {
    const std::string table = CreatePeople(db(), "full");
    InsertPeople(db(), table,
                 {{1, "2024-01-01 10:00:00", "a"},
                  {2, "2024-01-01 10:00:00", "b"},
                  {3, "2024-01-01 10:00:00", "c"},
                  {4, "2024-01-01 10:00:00", "d"},
                  {5, "2024-01-01 10:00:00", "e"},
                  {6, "2024-01-01 10:00:00", "f"},
                  {7, "2024-01-01 10:00:00", "g"}});
    return table;
  }
};

TEST_P(FullRead, ReadsEveryRowOnEveryRun) {
  const std::string table = MakeTable();
  OdbcSource source(MakeOptions(db(), "SELECT id, name FROM " + table + " ORDER BY id", "", ""));

  RunResult first = ReadRun(source, "", 3);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  EXPECT_THAT(SourceIds(first.records), ElementsAre("1", "2", "3", "4", "5", "6", "7"));
  EXPECT_EQ(first.batch_cursors.size(), 3u);
  EXPECT_EQ(first.final_cursor, "");

  RunResult second = ReadRun(source, first.final_cursor, 3);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_EQ(SourceIds(second.records), SourceIds(first.records));
}

TEST_P(FullRead, ResumesFromACursorByRunningTheQueryAgain) {
  const std::string table = MakeTable();
  const OdbcOptions options = MakeOptions(db(), "SELECT id, name FROM " + table + " ORDER BY id", "", "");
  OdbcSource source(options);
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 3);
  ASSERT_TRUE(first.ok()) << first.status().ToString();

  OdbcSource restarted(options);
  RunResult rest = ReadRun(restarted, first->next_cursor, 3);
  ASSERT_TRUE(rest.ok) << rest.status.ToString();
  EXPECT_THAT(SourceIds(rest.records), ElementsAre("4", "5", "6", "7"));

  // A retry of a batch already read (the hub re-reads after a failed store) gives it again.
  sdk::Result<sdk::Batch> again = source.ReadBatch("", 3);
  sdk::Result<sdk::Batch> second = source.ReadBatch(again->next_cursor, 3);
  sdk::Result<sdk::Batch> retried = source.ReadBatch(again->next_cursor, 3);
  ASSERT_TRUE(second.ok() && retried.ok());
  EXPECT_THAT(SourceIds(retried->records), ElementsAre("4", "5", "6"));
  EXPECT_EQ(second->records, retried->records);
}

TEST_P(FullRead, NamesRowsWithoutAnIdByTheirNumberInTheRun) {
  const std::string table = MakeTable();
  db().Execute("INSERT INTO " + table + " (id, updated_at, name) VALUES (8, NULL, NULL)");
  OdbcOptions options = MakeOptions(db(), "SELECT id, name FROM " + table + " ORDER BY id", "", "");
  options.id_field = "name";
  OdbcSource source(options);
  RunResult run = ReadRun(source, "", 5);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  ASSERT_EQ(run.records.size(), 8u);
  const sdk::Record& last = run.records.back();
  EXPECT_EQ(last.position, "query \"SELECT id, name FROM " + table + " ORDER BY id\" row 8");
  EXPECT_EQ(last.rejection, last.position + ": id_field 'name' is empty");
  EXPECT_TRUE(run.records.front().rejection.empty());
  EXPECT_EQ(run.records.front().source_id, "a");
}

INSTANTIATE_TEST_SUITE_P(Drivers, FullRead, hub::test::kBothBackends, DriverName);

}  // namespace
}  // namespace hub::odbc_source::test
