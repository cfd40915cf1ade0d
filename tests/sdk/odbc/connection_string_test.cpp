// Connection strings: secrets masked, attributes read and set, SQLite paths resolved against a folder.
#include <gtest/gtest.h>

#include "hub/odbc/connection_string.hpp"

namespace hub::odbc {
namespace {

struct MaskCase {
  std::string input;
  std::string expected;
};

class MaskSecretsTest : public ::testing::TestWithParam<MaskCase> {};

TEST_P(MaskSecretsTest, ReplacesEveryPasswordValue) { EXPECT_EQ(MaskSecrets(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Cases, MaskSecretsTest,
    ::testing::Values(MaskCase{"Driver=X;Uid=hub;Pwd=s3cret;Server=db", "Driver=X;Uid=hub;Pwd=***;Server=db"},
                      MaskCase{"Driver=X;PASSWORD=s3cret", "Driver=X;PASSWORD=***"},
                      MaskCase{"Driver=X;pwd={a;b}}c};Port=1", "Driver=X;pwd=***;Port=1"},
                      MaskCase{"Pwd=one;Driver=X;Password=two;", "Pwd=***;Driver=X;Password=***;"},
                      MaskCase{"Driver=X;Pwd=;", "Driver=X;Pwd=***;"},
                      MaskCase{"Driver=SQLite3;Database=/tmp/a.db", "Driver=SQLite3;Database=/tmp/a.db"}));

TEST(ConnectionString, FindsAttributesCaseInsensitivelyAndUnbraces) {
  const std::string text = "Driver={PostgreSQL Unicode};Server=127.0.0.1; port = 5432 ;Pwd={x;}}y}";
  EXPECT_EQ(FindAttribute(text, "driver"), std::optional<std::string>("PostgreSQL Unicode"));
  EXPECT_EQ(FindAttribute(text, "PORT"), std::optional<std::string>("5432"));
  EXPECT_EQ(FindAttribute(text, "pwd"), std::optional<std::string>("x;}y"));
  EXPECT_EQ(FindAttribute(text, "Database"), std::nullopt);
}

TEST(ConnectionString, SetsAttributesInPlaceOrAppends) {
  EXPECT_EQ(SetAttribute("Driver=SQLite3;Timeout=1;Database=a", "timeout", "5000"),
            "Driver=SQLite3;Timeout=5000;Database=a");
  EXPECT_EQ(SetAttribute("Driver=SQLite3", "Timeout", "5000"), "Driver=SQLite3;Timeout=5000;");
  EXPECT_EQ(SetAttribute("Driver=X;", "Database", "/a;b"), "Driver=X;Database={/a;b};");
}

TEST(ConnectionString, ResolvesRelativeSqlitePathsAgainstTheBaseFolder) {
  EXPECT_EQ(ResolveSqlitePath("Driver=SQLite3;Database=var/hub.db;", "/etc/hub"),
            "Driver=SQLite3;Database=/etc/hub/var/hub.db;");
  EXPECT_EQ(ResolveSqlitePath("Driver=SQLite3;Database=../data/hub.db", "/etc/hub"),
            "Driver=SQLite3;Database=/etc/data/hub.db");
}

TEST(ConnectionString, LeavesAbsoluteMemoryAndOtherDriversAlone) {
  for (const std::string text : {"Driver=SQLite3;Database=/var/hub.db", "Driver=SQLite3;Database=:memory:",
                                 "Driver={PostgreSQL Unicode};Database=hub", "Driver=SQLite3"}) {
    EXPECT_EQ(ResolveSqlitePath(text, "/etc/hub"), text);
  }
}

TEST(ConnectionString, RecognisesSqliteByDriverOrDsn) {
  EXPECT_TRUE(IsSqliteConnectionString("Driver=SQLite3;Database=a"));
  EXPECT_TRUE(IsSqliteConnectionString("DSN=my-sqlite"));
  EXPECT_FALSE(IsSqliteConnectionString("Driver={PostgreSQL Unicode}"));
}

}  // namespace
}  // namespace hub::odbc
