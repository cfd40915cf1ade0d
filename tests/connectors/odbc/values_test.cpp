// Records typed from the column types, and rows that cannot be converted coming back rejected.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odbc/odbc_source.hpp"
#include "source_database.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::HasSubstr;

class TypedValues : public DriverTest {};

TEST_P(TypedValues, FollowTheColumnTypesWithChineseTextDecimalsAndNulls) {
  const std::string table = db().Table("typed");
  db().Execute("CREATE TABLE " + table +
               " (id BIGINT, name VARCHAR(200), amount NUMERIC(12,2), ratio DOUBLE PRECISION, active BOOLEAN, "
               "born DATE, updated_at TIMESTAMP, note VARCHAR(50))");
  db().Execute("INSERT INTO " + table +
               " VALUES (1, '深圳市腾讯计算机系统有限公司', 12345.67, 0.25, TRUE, '1990-05-17', "
               "'2024-05-01 08:30:00.123', NULL)");
  OdbcOptions options = MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "id");
  options.entity = "customer";
  OdbcSource source(options);
  RunResult run = ReadRun(source, "", 10);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  ASSERT_EQ(run.records.size(), 1u);
  const sdk::Record& record = run.records[0];
  EXPECT_EQ(record.entity, "customer");
  EXPECT_EQ(record.source_id, "1");
  EXPECT_TRUE(record.rejection.empty()) << record.rejection;
  ASSERT_EQ(record.fields.size(), 8u);
  EXPECT_EQ(*record.Find("id"), sdk::Value::Int64(1));
  EXPECT_EQ(*record.Find("name"), sdk::Value::String("深圳市腾讯计算机系统有限公司"));
  EXPECT_EQ(*record.Find("amount"), sdk::Value::Decimal("12345.67"));
  EXPECT_EQ(*record.Find("ratio"), sdk::Value::Double(0.25));
  EXPECT_EQ(*record.Find("active"), sdk::Value::Bool(true));
  EXPECT_EQ(*record.Find("born"), sdk::Value::Date("1990-05-17"));
  EXPECT_EQ(*record.Find("updated_at"), sdk::Value::Timestamp(1714552200123));
  EXPECT_TRUE(record.Find("note")->is_null());
}

TEST_P(TypedValues, TextIdsPageInTheSourceOrder) {
  const std::string table = db().Table("text_ids");
  db().Execute("CREATE TABLE " + table + " (code VARCHAR(20), updated_at TIMESTAMP, name VARCHAR(50))");
  db().Execute("INSERT INTO " + table +
               " VALUES ('C-003', '2024-01-01 00:00:00', '华为'), ('C-001', '2024-01-01 00:00:00', 'b'), "
               "('C-002', '2024-01-01 00:00:00', 'c'), ('A-9', '2024-01-02 00:00:00', 'd')");
  OdbcSource source(MakeOptions(db(), "SELECT * FROM " + table, "updated_at", "code"));
  RunResult run = ReadRun(source, "", 2);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  EXPECT_THAT(SourceIds(run.records), ::testing::ElementsAre("C-001", "C-002", "C-003", "A-9"));
  EXPECT_EQ(*run.records[2].Find("name"), sdk::Value::String("华为"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, TypedValues, hub::test::kBothBackends, DriverName);

// SQLite keeps whatever text it is given in a TIMESTAMP column; PostgreSQL refuses it on insert.
TEST(RejectedRows, ATimestampThatIsNotADateTimeRejectsTheRowAndTheReadGoesOn) {
  SourceDatabase database(Backend::kSqlite);
  ASSERT_TRUE(database.ok());
  const std::string table = CreatePeople(database, "bad_ts");
  InsertPeople(database, table,
               {{1, "2024-01-01 10:00:00", "a"}, {2, "yesterday noon", "b"}, {3, "2024-01-01 11:00:00", "c"}});
  OdbcSource source(MakeOptions(database, "SELECT * FROM " + table, "updated_at", "id"));
  RunResult run = ReadRun(source, "", 2);
  ASSERT_TRUE(run.ok) << run.status.ToString();
  ASSERT_THAT(SourceIds(run.records), ::testing::ElementsAre("1", "3", "2"));
  EXPECT_TRUE(run.records[0].rejection.empty());
  const sdk::Record& bad = run.records[2];
  EXPECT_EQ(bad.position, "query \"SELECT * FROM " + table + "\" id=2");
  EXPECT_EQ(bad.rejection, bad.position + ": column 'updated_at': 'yesterday noon' is not a date/time");
}

}  // namespace
}  // namespace hub::odbc_source::test
