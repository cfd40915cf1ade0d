// Failures: bad queries name their SQLSTATE, options that do not fit the query name the option, a lost
// connection is reopened, and no message ever shows the connection string's password.
#include <unistd.h>

#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odbc/odbc_source.hpp"
#include "source_database.hpp"

namespace hub::odbc_source::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPassword[] = "Hub-Secret-Pa55";

class SourceErrors : public DriverTest {
 protected:
  // The test database's connection string with a password added (the test servers do not check it).
  OdbcOptions WithPassword(std::string query, std::string timestamp_column, std::string id_column) {
    OdbcOptions options = MakeOptions(db(), std::move(query), std::move(timestamp_column), std::move(id_column));
    if (!options.connection.empty() && options.connection.back() != ';') options.connection += ';';
    options.connection += std::string("Pwd=") + kPassword + ";";
    return options;
  }
};

TEST_P(SourceErrors, ABadQueryFailsNamingTheSqlstateAndNotThePassword) {
  for (const char* id_column : {"id", ""}) {
    OdbcSource source(WithPassword("SELECT id FROM no_such_table_here", "", id_column));
    sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
    ASSERT_FALSE(batch.ok()) << "id_column '" << id_column << "'";
    EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
    EXPECT_THAT(batch.status().message(), HasSubstr("SQLSTATE 42P01"));
    EXPECT_THAT(batch.status().message(), HasSubstr("reading the source"));
    EXPECT_THAT(batch.status().message(), Not(HasSubstr(kPassword)));
  }
}

TEST_P(SourceErrors, AMissingCursorColumnNamesTheOptionAndTheQueryColumns) {
  const std::string table = CreatePeople(db(), "missing_column");
  OdbcSource source(WithPassword("SELECT * FROM " + table, "changed_at", "id"));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(batch.status().message(),
            "option 'timestamp_column': 'changed_at' is not a column of the query (its columns: id, updated_at, name)");
}

TEST_P(SourceErrors, ACursorColumnOfTheWrongTypeIsRefused) {
  const std::string table = CreatePeople(db(), "wrong_type");
  OdbcSource source(WithPassword("SELECT * FROM " + table, "id", "name"));
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().message(),
            "option 'timestamp_column': column 'id' holds an integer; it must hold a timestamp, a date or ISO "
            "date/time text");
}

TEST_P(SourceErrors, HealthIsOkWhenTheSourceAnswers) {
  OdbcSource source(WithPassword("SELECT 1 AS id", "", ""));
  sdk::Status health = source.CheckHealth();
  EXPECT_TRUE(health.ok()) << health.ToString();
}

TEST_P(SourceErrors, ACursorOfAnotherModeIsRefused) {
  const std::string table = CreatePeople(db(), "other_mode");
  OdbcSource source(WithPassword("SELECT * FROM " + table, "", "id"));
  sdk::Result<sdk::Batch> batch = source.ReadBatch(R"({"v":1,"phase":"start","ts":"2024-01-01","id":3})", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(batch.status().message(), HasSubstr("reset the job's checkpoint"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, SourceErrors, hub::test::kBothBackends, DriverName);

TEST(UnreachableSource, ReadAndHealthFailAsUnavailableWithThePasswordMasked) {
  OdbcOptions options;
  options.connection =
      std::string("Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=x;Uid=hub;Pwd=") + kPassword + ";";
  options.query = "SELECT 1 AS id";
  options.id_field = "id";
  OdbcSource source(options);
  sdk::Result<sdk::Batch> batch = source.ReadBatch("", 10);
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(batch.status().message(), HasSubstr("connecting to the source"));
  EXPECT_THAT(batch.status().message(), HasSubstr("Pwd=***"));
  EXPECT_THAT(batch.status().message(), Not(HasSubstr(kPassword)));
  sdk::Status health = source.CheckHealth();
  EXPECT_EQ(health.code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(health.message(), Not(HasSubstr(kPassword)));
}

// The server drops the connection between two runs (an idle timeout, a restart): the next read reconnects.
TEST(LostConnection, IsReopenedByTheNextRead) {
  SourceDatabase database(Backend::kPostgres);
  ASSERT_TRUE(database.ok());
  const std::string table = CreatePeople(database, "reconnect");
  InsertPeople(database, table, {{1, "2024-01-01 10:00:00", "a"}});
  const std::string application = "hub_odbc_reconnect_" + std::to_string(::getpid());
  OdbcOptions options = MakeOptions(database, "SELECT * FROM " + table, "updated_at", "id");
  options.connection += "pqopt={application_name=" + application + "};";
  std::vector<std::string> log;
  OdbcSource source(options, [&log](sdk::LogLevel, std::string_view line) { log.emplace_back(line); });
  RunResult first = ReadRun(source, "", 10);
  ASSERT_TRUE(first.ok) << first.status.ToString();

  // Waits (up to 10 s) until the backend is gone.
  database.Execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = '" +
                   application + "'");
  InsertPeople(database, table, {{2, "2024-01-01 10:01:00", "b"}});
  RunResult second = ReadRun(source, first.final_cursor, 10);
  ASSERT_TRUE(second.ok) << second.status.ToString();
  EXPECT_THAT(SourceIds(second.records), ::testing::ElementsAre("1", "2"));
  ASSERT_EQ(log.size(), 1u);
  EXPECT_THAT(log[0], ::testing::StartsWith("the source connection was lost ("));
}

}  // namespace
}  // namespace hub::odbc_source::test
