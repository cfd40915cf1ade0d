// Migrating real stores (an SQLite file, a PostgreSQL schema): from empty, again, upgrades, and the
// histories the migrator must refuse.
#include "store/schema/migrator.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "support/store_fixture.hpp"

namespace hub::schema::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

using ::testing::HasSubstr;

// The tables the migrations create, read from their SQL.
std::set<std::string> TablesCreatedByMigrations() {
  std::set<std::string> tables{"schema_migrations"};
  const std::regex create(R"(CREATE TABLE (\w+))");
  for (const MigrationSource& source : EmbeddedMigrations()) {
    const std::string sql(source.sql);
    for (std::sregex_iterator it(sql.begin(), sql.end(), create), end; it != end; ++it) tables.insert((*it)[1]);
  }
  return tables;
}

std::span<const MigrationSource> FirstMigrations(std::size_t count) { return EmbeddedMigrations().first(count); }

class MigratorTest : public StoreTest {};

TEST_P(MigratorTest, MigratesAnEmptyStoreToTheLatestVersion) {
  const int latest = static_cast<int>(EmbeddedMigrations().size());
  sdk::Result<MigrationOutcome> outcome = Migrate(*connection_);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->version_before, 0);
  EXPECT_EQ(outcome->version, latest);
  EXPECT_EQ(outcome->applied.size(), EmbeddedMigrations().size());
  EXPECT_EQ(outcome->applied.front(), "migration 1 (operations)");
  EXPECT_EQ(outcome->Summary(),
            "schema at version " + std::to_string(latest) + " (applied " + std::to_string(latest) + " migrations)");
  sdk::Result<int> version = SchemaVersion(*connection_);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, latest);
}

TEST_P(MigratorTest, EveryTableExistsAfterwards) {
  ASSERT_TRUE(Migrate(*connection_).ok());
  sdk::Result<std::vector<std::string>> tables = ListTables(*connection_);
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  const std::set<std::string> expected = TablesCreatedByMigrations();
  EXPECT_GE(expected.size(), 35u);
  EXPECT_EQ(std::set<std::string>(tables->begin(), tables->end()), expected);
}

TEST_P(MigratorTest, SecondRunAppliesNothing) {
  ASSERT_TRUE(Migrate(*connection_).ok());
  sdk::Result<MigrationOutcome> again = Migrate(*connection_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->version_before, again->version);
  EXPECT_THAT(again->Summary(), HasSubstr("(up to date)"));
  EXPECT_EQ(QueryRows("SELECT COUNT(*) FROM schema_migrations")[0][0].integer(),
            static_cast<std::int64_t>(EmbeddedMigrations().size()));
}

TEST_P(MigratorTest, UpgradesAnOlderSchemaWithTheNewMigrationsOnly) {
  ASSERT_TRUE(Migrate(*connection_, FirstMigrations(2)).ok());
  sdk::Result<MigrationOutcome> upgrade = Migrate(*connection_);
  ASSERT_TRUE(upgrade.ok()) << upgrade.status().ToString();
  EXPECT_EQ(upgrade->version_before, 2);
  EXPECT_EQ(upgrade->applied.front(), "migration 3 (parties)");
  EXPECT_EQ(upgrade->applied.size(), EmbeddedMigrations().size() - 2);
}

TEST_P(MigratorTest, RecordsEachMigrationWithNameChecksumAndTime) {
  ASSERT_TRUE(Migrate(*connection_, FirstMigrations(2)).ok());
  std::vector<odbc::Row> rows =
      QueryRows("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0].integer(), 2);
  EXPECT_EQ(rows[1][1].text(), "organization");
  EXPECT_EQ(rows[1][2].text().size(), 64u);
  EXPECT_FALSE(rows[1][3].is_null());
}

TEST_P(MigratorTest, RefusesAStoreNewerThanTheBinaryKnows) {
  ASSERT_TRUE(Migrate(*connection_, FirstMigrations(3)).ok());
  sdk::Result<MigrationOutcome> older_binary = Migrate(*connection_, FirstMigrations(2));
  ASSERT_FALSE(older_binary.ok());
  EXPECT_EQ(older_binary.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(older_binary.status().message(),
              HasSubstr("the store's schema is at version 3, newer than this hub knows (2)"));
}

TEST_P(MigratorTest, RefusesAnAppliedMigrationWhoseSqlWasEdited) {
  ASSERT_TRUE(Migrate(*connection_, FirstMigrations(1)).ok());
  const std::string edited = std::string(EmbeddedMigrations()[0].sql) + "\nCREATE TABLE sneaky (x INTEGER);\n";
  const MigrationSource sources[] = {{1, "operations", edited}, EmbeddedMigrations()[1]};
  sdk::Result<MigrationOutcome> outcome = Migrate(*connection_, sources);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(outcome.status().message(), HasSubstr("migration 1 (operations) was changed after it was applied"));
  sdk::Result<int> version = SchemaVersion(*connection_);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 1) << "nothing may be applied after a refused history";
}

TEST_P(MigratorTest, RefusesATamperedChecksumInTheStore) {
  ASSERT_TRUE(Migrate(*connection_, FirstMigrations(2)).ok());
  ASSERT_TRUE(connection_->ExecuteDirect("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 2").ok());
  sdk::Result<MigrationOutcome> outcome = Migrate(*connection_);
  ASSERT_FALSE(outcome.ok());
  EXPECT_THAT(outcome.status().message(), HasSubstr("migration 2 (organization) was changed after it was applied: "
                                                    "the store recorded checksum abc"));
}

TEST_P(MigratorTest, AFailingMigrationLeavesThePreviousVersionAndNamesTheStatement) {
  const MigrationSource sources[] = {
      EmbeddedMigrations()[0],
      {2, "broken", "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE broken (x NOSUCHTYPE NOT NULL DEFAULT);"}};
  sdk::Result<MigrationOutcome> outcome = Migrate(*connection_, sources);
  ASSERT_FALSE(outcome.ok());
  EXPECT_THAT(outcome.status().message(), HasSubstr("migration 2 (broken), statement 2 of 2"));
  sdk::Result<int> version = SchemaVersion(*connection_);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 1);
  sdk::Result<std::vector<std::string>> tables = ListTables(*connection_);
  ASSERT_TRUE(tables.ok());
  EXPECT_THAT(*tables, ::testing::Not(::testing::Contains("half_done"))) << "the migration's transaction rolls back";
}

TEST_P(MigratorTest, TwoHubsMigratingAtOnceApplyEachMigrationOnce) {
  std::unique_ptr<odbc::Connection> other = OpenConnection();
  ASSERT_NE(other, nullptr);
  std::optional<sdk::Result<MigrationOutcome>> first;
  std::optional<sdk::Result<MigrationOutcome>> second;
  std::thread racer([&] { second.emplace(Migrate(*other)); });
  first.emplace(Migrate(*connection_));
  racer.join();
  ASSERT_TRUE(first->ok()) << first->status().ToString();
  ASSERT_TRUE(second->ok()) << second->status().ToString();
  EXPECT_EQ((*first)->applied.size() + (*second)->applied.size(), EmbeddedMigrations().size());
  EXPECT_EQ(QueryRows("SELECT COUNT(*) FROM schema_migrations")[0][0].integer(),
            static_cast<std::int64_t>(EmbeddedMigrations().size()));
}

TEST_P(MigratorTest, ReportsVersionZeroForAnEmptyStore) {
  sdk::Result<int> version = SchemaVersion(*connection_);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, 0);
  sdk::Result<std::vector<std::string>> tables = ListTables(*connection_);
  ASSERT_TRUE(tables.ok());
  EXPECT_TRUE(tables->empty());
}

TEST_P(MigratorTest, MigratesThroughADatabaseLease) {
  odbc::DatabaseOptions options;
  options.connection_strings = {connection_string_};
  sdk::Result<std::unique_ptr<odbc::Database>> database = odbc::Database::Open(options);
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  sdk::Result<MigrationOutcome> outcome = Migrate(**database);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->version, static_cast<int>(EmbeddedMigrations().size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::schema::test
