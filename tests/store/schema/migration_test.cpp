// Making migrations ready for an engine: sequence, statements, checksums; and the embedded set.
#include "store/schema/migration.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace hub::schema {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const SchemaDialect& Sqlite() { return *FindSchemaDialect(odbc::Dialect::kSqlite); }
const SchemaDialect& Postgres() { return *FindSchemaDialect(odbc::Dialect::kPostgres); }

TEST(CompileMigrations, ExpandsAndSplitsEachMigration) {
  const MigrationSource sources[] = {
      {1, "first", "-- a table\nCREATE TABLE a (id {{id}});\nCREATE INDEX i ON a (id);"}};
  sdk::Result<std::vector<Migration>> migrations = CompileMigrations(sources, Sqlite());
  ASSERT_TRUE(migrations.ok()) << migrations.status().ToString();
  ASSERT_EQ(migrations->size(), 1u);
  EXPECT_EQ((*migrations)[0].Label(), "migration 1 (first)");
  EXPECT_THAT((*migrations)[0].statements,
              ElementsAre("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)", "CREATE INDEX i ON a (id)"));
  EXPECT_EQ((*migrations)[0].checksum.size(), 64u);
}

TEST(CompileMigrations, RefusesVersionsOutOfSequence) {
  const MigrationSource sources[] = {{1, "first", "SELECT 1;"}, {3, "third", "SELECT 3;"}};
  sdk::Result<std::vector<Migration>> migrations = CompileMigrations(sources, Sqlite());
  ASSERT_FALSE(migrations.ok());
  EXPECT_THAT(migrations.status().message(), HasSubstr("migration 3 (third) is out of sequence: expected version 2"));
}

TEST(CompileMigrations, NamesTheMigrationWithAnUnknownToken) {
  const MigrationSource sources[] = {{1, "first", "CREATE TABLE a (id {{nope}});"}};
  sdk::Result<std::vector<Migration>> migrations = CompileMigrations(sources, Sqlite());
  ASSERT_FALSE(migrations.ok());
  EXPECT_THAT(migrations.status().message(), HasSubstr("migration 1 (first): unknown token {{nope}}"));
}

TEST(CompileMigrations, RefusesAMigrationWithoutStatements) {
  const MigrationSource sources[] = {{1, "empty", "-- nothing\n"}};
  EXPECT_FALSE(CompileMigrations(sources, Sqlite()).ok());
}

TEST(MigrationChecksum, IgnoresCommentsAndLayoutButNotTheSql) {
  auto checksum = [](std::string_view sql) {
    const MigrationSource sources[] = {{1, "m", sql}};
    return CompileMigrations(sources, Sqlite())->front().checksum;
  };
  const std::string original = checksum("CREATE TABLE a (x INT);");
  EXPECT_EQ(checksum("-- explained now\nCREATE TABLE a (x INT);\n\n"), original);
  EXPECT_NE(checksum("CREATE TABLE a (x BIGINT);"), original);
}

TEST(MigrationChecksum, DependsOnTheDialectsExpansion) {
  const MigrationSource sources[] = {{1, "m", "CREATE TABLE a (id {{id}});"}};
  EXPECT_NE(CompileMigrations(sources, Sqlite())->front().checksum,
            CompileMigrations(sources, Postgres())->front().checksum);
}

TEST(EmbeddedMigrations, AreNumberedFromOneAndCompileOnEveryDialect) {
  std::span<const MigrationSource> sources = EmbeddedMigrations();
  ASSERT_GE(sources.size(), 6u);
  EXPECT_EQ(sources[0].name, "operations");
  EXPECT_EQ(sources[2].name, "parties");
  for (const SchemaDialect* dialect : {&Sqlite(), &Postgres()}) {
    sdk::Result<std::vector<Migration>> migrations = CompileMigrations(sources, *dialect);
    ASSERT_TRUE(migrations.ok()) << migrations.status().ToString();
    EXPECT_EQ(migrations->size(), sources.size());
  }
}

TEST(EmbeddedMigrations, AreExactlyTheFilesOfTheMigrationsFolder) {
  const std::filesystem::path folder = std::filesystem::path(HUB_SOURCE_DIR) / "hub/store/schema/migrations";
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) on_disk.insert(entry.path().filename());
  std::set<std::string> embedded;
  for (const MigrationSource& source : EmbeddedMigrations()) {
    char prefix[8];
    std::snprintf(prefix, sizeof(prefix), "%04d_", source.version);
    const std::string file_name = prefix + std::string(source.name) + ".sql";
    embedded.insert(file_name);
    std::ifstream in(folder / file_name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), source.sql) << file_name << " differs from its embedded copy";
  }
  EXPECT_EQ(embedded, on_disk) << "list every migration file in hub/store/schema/CMakeLists.txt";
}

}  // namespace
}  // namespace hub::schema
