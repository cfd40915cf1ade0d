#include "schema_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "store/odbc/connection_string.hpp"

namespace hub::schema::test {
namespace {

std::string UniqueSchemaName() {
  static std::atomic<int> counter{0};
  return "hub_schema_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void SchemaTest::SetUp() {
  auto environment = odbc::Environment::Create();
  ASSERT_TRUE(environment.ok()) << environment.status().ToString();
  environment_ = *environment;
  if (GetParam() == Backend::kSqlite) {
    temp_dir_ = std::make_unique<hub::test::TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (temp_dir_->path() / "store.db").string() + ";";
  } else {
    const char* postgres = std::getenv("HUB_TEST_PG_ODBC");
    ASSERT_TRUE(postgres != nullptr && *postgres != '\0')
        << "HUB_TEST_PG_ODBC is not set: run scripts/test.sh, or `source scripts/lib/test_servers.sh && "
           "start_postgres` before ctest";
    postgres_base_ = postgres;
    connection_string_ = postgres_base_;
    std::unique_ptr<odbc::Connection> admin = OpenConnection();
    ASSERT_NE(admin, nullptr);
    postgres_schema_ = UniqueSchemaName();
    const sdk::Status created = admin->ExecuteDirect("CREATE SCHEMA " + postgres_schema_);
    ASSERT_TRUE(created.ok()) << created.ToString();
    connection_string_ = odbc::SetAttribute(postgres_base_, "ConnSettings", "SET search_path TO " + postgres_schema_);
  }
  connection_ = OpenConnection();
  ASSERT_NE(connection_, nullptr);
}

void SchemaTest::TearDown() {
  connection_.reset();
  if (postgres_schema_.empty()) return;
  connection_string_ = postgres_base_;
  std::unique_ptr<odbc::Connection> admin = OpenConnection();
  if (admin == nullptr) return;
  const sdk::Status dropped = admin->ExecuteDirect("DROP SCHEMA " + postgres_schema_ + " CASCADE");
  EXPECT_TRUE(dropped.ok()) << dropped.ToString();
}

std::unique_ptr<odbc::Connection> SchemaTest::OpenConnection() {
  auto connection = odbc::Connection::Open(environment_, connection_string_);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  if (!connection.ok()) return nullptr;
  return std::move(*connection);
}

std::vector<odbc::Row> SchemaTest::QueryRows(const std::string& sql, const std::vector<sdk::Value>& params) {
  auto result = connection_->Query(sql, params);
  EXPECT_TRUE(result.ok()) << sql << ": " << result.status().ToString();
  if (!result.ok()) return {};
  return std::move(result->rows);
}

}  // namespace hub::schema::test
