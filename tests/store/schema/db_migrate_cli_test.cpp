// `hub db migrate` end to end: the real binary on an SQLite store.
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/schema/embedded_migrations.hpp"
#include "support/temp_dir.hpp"

namespace hub::schema {
namespace {

using ::testing::HasSubstr;

struct CommandResult {
  int exit_status = -1;
  std::string output;  // stdout and stderr, merged
};

// Runs build/bin/hub with `arguments` (already shell-quoted) and collects its output.
CommandResult RunHub(const std::string& arguments) {
  const std::string command =
      (std::filesystem::path(HUB_BINARY_DIR) / "bin" / "hub").string() + " " + arguments + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof(buffer), pipe)) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class DbMigrateCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "plugins");
    config_ = dir_.path() / "hub.xml";
    std::ofstream(config_) << "<hub name=\"migrate-test\">\n"
                              "  <store><connection>Driver=SQLite3;Database=var/store.db</connection></store>\n"
                              "  <plugins dir=\"plugins\"/>\n"
                              "</hub>\n";
  }

  std::string MigrateArguments() const { return "db migrate --config '" + config_.string() + "'"; }

  hub::test::TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(DbMigrateCliTest, CreatesTheSchemaThenFindsItUpToDate) {
  const std::string latest = std::to_string(EmbeddedMigrations().size());
  CommandResult first = RunHub(MigrateArguments());
  EXPECT_EQ(first.exit_status, 0) << first.output;
  EXPECT_EQ(first.output, "schema at version " + latest + " (applied " + latest + " migrations)\n");
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "var" / "store.db"))
      << "a relative SQLite path is relative to the configuration file, its folder created";

  CommandResult second = RunHub(MigrateArguments());
  EXPECT_EQ(second.exit_status, 0) << second.output;
  EXPECT_EQ(second.output, "schema at version " + latest + " (up to date)\n");
}

TEST_F(DbMigrateCliTest, AnInvalidConfigurationIsBadUsageNamingTheFile) {
  std::ofstream(config_) << "<hub><plugins dir=\"plugins\"/></hub>\n";
  CommandResult result = RunHub(MigrateArguments());
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_THAT(result.output, HasSubstr(config_.string() + ":"));
  EXPECT_THAT(result.output, HasSubstr("<store>"));
}

TEST_F(DbMigrateCliTest, AnUnreachableStoreIsARuntimeFailure) {
  std::ofstream(config_) << "<hub><store><connection>Driver=NoSuchDriver;Database=x</connection></store>"
                            "<plugins dir=\"plugins\"/></hub>\n";
  CommandResult result = RunHub(MigrateArguments());
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr("hub db migrate: " + config_.string() + ": store: "));
}

TEST(DbCli, WithoutASubcommandIsBadUsage) { EXPECT_EQ(RunHub("db").exit_status, 2); }

}  // namespace
}  // namespace hub::schema
