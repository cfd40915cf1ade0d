// Incremental reads against real drivers: by id, by (timestamp, id) keyset, the overlap window, resuming.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odbc/odbc_source.hpp"
#include "source_database.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class IncrementalRead : public DriverTest {};

std::vector<std::string> Range(int from, int to) {
  std::vector<std::string> ids;
  for (int id = from; id <= to; ++id) ids.push_back(std::to_string(id));
  return ids;
}

TEST_P(IncrementalRead, ByIdReadsOnlyRowsAfterTheHighestIdRead) {
  const std::string table = CreatePeople(db(), "by_id");
  InsertPeople(db(), table,
               {{1, "2024-01-01 10:00:00", "a"},
                {2, "2024-01-01 10:00:00", "b"},
                {3, "2024-01-01 10:00:00", "c"},
                {4, "2024-01-01 10:00:00", "d"},
                {5, "2024-01-01 10:00:00", "e"}});
  OdbcSource source(MakeOptions(db(), "SELECT id, name FROM " + table, "", "id"));

  RunResult first = ReadRun(source, "", 2);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  EXPECT_THAT(SourceIds(first.records), ElementsAreArray(Range(1, 5)));
  EXPECT_EQ(first.batch_cursors.size(), 3u);

  InsertPeople(db(), table, {{6, "2024-01-01 09:00:00", "f"}, {7, "2024-01-01 09:00:00", "g"}});
  RunResult second = ReadRun(source, first.final_cursor, 2);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(SourceIds(second.records), ElementsAre("6", "7"));

  RunResult idle = ReadRun(source, second.final_cursor, 2);
  ASSERT_TRUE(idle.ok) << idle.status.ToString();
  EXPECT_TRUE(idle.records.empty());
  EXPECT_EQ(idle.final_cursor, second.final_cursor);
}

// Kafka Connect's timestamp mode loses rows that share the last timestamp of a read; paging by the
// (timestamp, id) keyset must not, whatever the page size.
TEST_P(IncrementalRead, KeysetKeepsEveryRowSharingOneTimestampAcrossPageBoundaries) {
  const std::string table = CreatePeople(db(), "shared_ts");
  std::vector<Person> people = {{1, "2024-03-01 11:00:00", "late id 1"},
                                {2, "2024-03-01 11:00:00", "late id 2"},
                                {900, "2024-03-01 09:00:00", "early"}};
  for (int id = 100; id < 120; ++id) people.push_back({id, "2024-03-01 10:00:00", "group"});
  InsertPeople(db(), table, people);
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id"));

  RunResult run = ReadRun(source, "", 7);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  std::vector<std::string> expected = {"900"};
  for (const std::string& id : Range(100, 119)) expected.push_back(id);
  expected.push_back("1");
  expected.push_back("2");
  EXPECT_THAT(SourceIds(run.records), ElementsAreArray(expected));
  EXPECT_EQ(run.batch_cursors.size(), 4u);  // 7 + 7 + 7 + 2
}

TEST_P(IncrementalRead, RowCommittedLateWithAnOlderTimestampInsideTheOverlapIsReadByTheNextRun) {
  const std::string table = CreatePeople(db(), "late");
  InsertPeople(db(), table,
               {{1, "2024-03-01 10:00:00", "a"},
                {2, "2024-03-01 10:02:00", "b"},
                {3, "2024-03-01 10:04:00", "c"},
                {4, "2024-03-01 10:06:00", "d"},
                {5, "2024-03-01 10:08:00", "e"},
                {6, "2024-03-01 10:10:00", "f"}});
  OdbcOptions options = MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id");
  options.overlap = std::chrono::minutes(5);
  OdbcSource source(options);
  RunResult first = ReadRun(source, "", 4);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  ASSERT_THAT(SourceIds(first.records), ElementsAreArray(Range(1, 6)));

  // Committed after the first run, stamped before its watermark (10:10): 50 inside the 5 minutes, 51 not.
  InsertPeople(db(), table, {{50, "2024-03-01 10:07:00", "late"}, {51, "2024-03-01 09:00:00", "too late"}});
  RunResult second = ReadRun(source, first.final_cursor, 4);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  // The window 10:05-10:10 is read again; the hub's upsert by source id and content hash absorbs it.
  EXPECT_THAT(SourceIds(second.records), ElementsAre("4", "50", "5", "6"));
}

TEST_P(IncrementalRead, ResumingFromEveryCursorGivesTheSameRemainingRows) {
  const std::string table = CreatePeople(db(), "resume");
  const char* const times[] = {"2024-03-01 10:00:00", "2024-03-01 10:01:00", "2024-03-01 10:02:00"};
  std::vector<Person> people;
  for (int id = 1; id <= 17; ++id) people.push_back({id, times[id % 3], std::to_string(id)});
  InsertPeople(db(), table, people);
  const OdbcOptions options = MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id");
  OdbcSource source(options);
  RunResult run = ReadRun(source, "", 4);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  const std::vector<std::string> ids = SourceIds(run.records);
  ASSERT_EQ(ids.size(), 17u);
  ASSERT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 17u);

  OdbcSource resumed(options);
  for (std::size_t i = 0; i < run.records.size(); ++i) {
    RunResult rest = ReadRun(resumed, run.records[i].cursor, 3);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    EXPECT_THAT(SourceIds(rest.records), ElementsAreArray(ids.begin() + static_cast<std::ptrdiff_t>(i) + 1, ids.end()))
        << "from the cursor of record " << i;
  }
  for (std::size_t b = 0; b + 1 < run.batch_cursors.size(); ++b) {
    RunResult rest = ReadRun(resumed, run.batch_cursors[b], 4);
    ASSERT_TRUE(rest.ok) << rest.status.ToString();
    EXPECT_THAT(SourceIds(rest.records),
                ElementsAreArray(ids.begin() + static_cast<std::ptrdiff_t>(4 * (b + 1)), ids.end()))
        << "from the cursor of batch " << b;
  }
}

TEST_P(IncrementalRead, ReadingFromTheSameCursorTwiceGivesTheSameBatch) {
  const std::string table = CreatePeople(db(), "idempotent");
  InsertPeople(db(), table,
               {{1, "2024-03-01 10:00:00", "a"}, {2, "2024-03-01 10:00:00", "b"}, {3, "2024-03-01 10:01:00", "c"}});
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id"));
  sdk::Result<sdk::Batch> first = source.ReadBatch("", 2);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  sdk::Result<sdk::Batch> again = source.ReadBatch(first->next_cursor, 2);
  sdk::Result<sdk::Batch> retry = source.ReadBatch(first->next_cursor, 2);
  ASSERT_TRUE(again.ok() && retry.ok());
  EXPECT_EQ(again->records, retry->records);
  EXPECT_EQ(again->next_cursor, retry->next_cursor);
  EXPECT_THAT(SourceIds(again->records), ElementsAre("3"));
  EXPECT_TRUE(again->end_of_data);
}

TEST_P(IncrementalRead, RowsWithoutATimestampAreNotRead) {
  const std::string table = CreatePeople(db(), "null_ts");
  InsertPeople(db(), table, {{1, "2024-03-01 10:00:00", "a"}});
  db().Execute("INSERT INTO " + table + " (id, updated_at, name) VALUES (2, NULL, 'no timestamp')");
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id"));
  RunResult run = ReadRun(source, "", 10);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(SourceIds(run.records), ElementsAre("1"));
}

TEST_P(IncrementalRead, KeepsTheSourcePrecisionOfTimestampsInTheKeyset) {
  // Microseconds beyond the hub's milliseconds: a page boundary inside such a group must still hold.
  const std::string table = CreatePeople(db(), "micros");
  std::vector<Person> people;
  for (int id = 1; id <= 9; ++id) people.push_back({id, "2024-03-01 10:00:00.123456", "p"});
  people.push_back({10, "2024-03-01 10:00:00.123457", "q"});
  InsertPeople(db(), table, people);
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id"));
  RunResult run = ReadRun(source, "", 4);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(SourceIds(run.records), ElementsAreArray(Range(1, 10)));
}

TEST_P(IncrementalRead, ADateColumnServesAsTheTimestamp) {
  const std::string table = db().Table("dates");
  db().Execute("CREATE TABLE " + table + " (id BIGINT, changed DATE)");
  db().Execute("INSERT INTO " + table +
               " VALUES (1, '2024-03-01'), (2, '2024-03-02'), (3, '2024-03-02'), (4, '2024-03-02'), (5, '2024-03-03')");
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "changed", "id"));
  RunResult first = ReadRun(source, "", 2);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  EXPECT_THAT(SourceIds(first.records), ElementsAreArray(Range(1, 5)));
  EXPECT_EQ(*first.records[0].Find("changed"), sdk::Value::Date("2024-03-01"));
  // The overlap (5 minutes) before 2024-03-03 rounds down to the day before.
  RunResult second = ReadRun(source, first.final_cursor, 2);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(SourceIds(second.records), ElementsAre("2", "3", "4", "5"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, IncrementalRead, hub::test::kBothBackends, DriverName);

// timestamptz comes back as text with its zone ("+00" in the UTC session the ODBC layer sets up); the
// keyset sends it back as written and the record holds the instant.
TEST(TimestampWithTimeZone, PagesAndOverlapsOnPostgres) {
  SourceDatabase database(Backend::kPostgres);
  ASSERT_TRUE(database.ok());
  const std::string table = database.Table("tstz");
  database.Execute("CREATE TABLE " + table + " (id BIGINT, changed TIMESTAMPTZ)");
  database.Execute("INSERT INTO " + table +
                   " VALUES (1, '2024-05-01 16:30:00.123+08'), (2, '2024-05-01 08:30:00.123Z'), "
                   "(3, '2024-05-01 08:31:00Z'), (4, '2024-05-01 09:00:00Z')");
  OdbcSource source(MakeOptions(database, "SELECT * FROM " + table, "changed", "id"));
  RunResult first = ReadRun(source, "", 1);
  ASSERT_TRUE(first.ok) << first.status.ToString();
  EXPECT_THAT(SourceIds(first.records), ElementsAre("1", "2", "3", "4"));
  EXPECT_EQ(*first.records[0].Find("changed"), sdk::Value::Timestamp(1714552200123));

  database.Execute("INSERT INTO " + table + " VALUES (5, '2024-05-01 17:57:00+09')");  // 08:57 UTC
  RunResult second = ReadRun(source, first.final_cursor, 1);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(SourceIds(second.records), ElementsAre("5", "4"));
}

}  // namespace
}  // namespace hub::odbc_source::test
