#include "support/store_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "hub/odbc/connection_string.hpp"

namespace hub::sdk {

void PrintTo(const Value& value, std::ostream* out) {
  switch (value.type()) {
    case ValueType::kNull:
      *out << "Null";
      return;
    case ValueType::kInt64:
      *out << "Int64(" << value.integer() << ")";
      return;
    case ValueType::kTimestamp:
      *out << "Timestamp(" << value.integer() << ")";
      return;
    case ValueType::kDouble:
      *out << "Double(" << value.real() << ")";
      return;
    case ValueType::kBool:
      *out << "Bool(" << (value.boolean() ? "true" : "false") << ")";
      return;
    default:
      *out << "Value(type " << static_cast<int>(value.type()) << ", \"" << value.text() << "\")";
  }
}

}  // namespace hub::sdk

namespace hub::test {

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) { *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql"); }

std::optional<std::string> PostgresConnectionString() {
  const char* value = std::getenv("HUB_TEST_PG_ODBC");
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string UniqueName(const std::string& stem) {
  static std::atomic<int> counter{0};
  return stem + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
}

void StoreTest::SetUp() {
  auto environment = odbc::Environment::Create();
  ASSERT_TRUE(environment.ok()) << environment.status().ToString();
  environment_ = *environment;
  if (GetParam() == Backend::kSqlite) {
    temp_dir_ = std::make_unique<TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (temp_dir_->path() / "store.db").string() + ";";
  } else {
    std::optional<std::string> postgres = PostgresConnectionString();
    ASSERT_TRUE(postgres.has_value()) << kPostgresMissing;
    postgres_base_ = *postgres;
    connection_string_ = postgres_base_;
    std::unique_ptr<odbc::Connection> admin = OpenConnection();
    ASSERT_NE(admin, nullptr);
    postgres_schema_ = UniqueName("hub_test");
    const sdk::Status created = admin->ExecuteDirect("CREATE SCHEMA " + postgres_schema_);
    ASSERT_TRUE(created.ok()) << created.ToString();
    connection_string_ = odbc::SetAttribute(postgres_base_, "ConnSettings", "SET search_path TO " + postgres_schema_);
  }
  connection_ = OpenConnection();
  ASSERT_NE(connection_, nullptr);
}

void StoreTest::TearDown() {
  connection_.reset();  // an open transaction rolls back
  if (postgres_schema_.empty()) return;
  connection_string_ = postgres_base_;
  std::unique_ptr<odbc::Connection> admin = OpenConnection();
  if (admin == nullptr) return;
  const sdk::Status dropped = admin->ExecuteDirect("DROP SCHEMA " + postgres_schema_ + " CASCADE");
  EXPECT_TRUE(dropped.ok()) << dropped.ToString();
}

std::unique_ptr<odbc::Connection> StoreTest::OpenConnection() {
  auto connection = odbc::Connection::Open(environment_, connection_string_);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  if (!connection.ok()) return nullptr;
  return std::move(*connection);
}

std::vector<odbc::Row> StoreTest::QueryRows(const std::string& sql, const std::vector<sdk::Value>& params) {
  auto result = connection_->Query(sql, params);
  EXPECT_TRUE(result.ok()) << sql << ": " << result.status().ToString();
  if (!result.ok()) return {};
  return std::move(result->rows);
}

sdk::Value StoreTest::QueryValue(const std::string& sql, const std::vector<sdk::Value>& params) {
  std::vector<odbc::Row> rows = QueryRows(sql, params);
  if (rows.size() != 1 || rows[0].size() != 1) {
    ADD_FAILURE() << "expected one value from " << sql;
    return sdk::Value::Null();
  }
  return rows[0][0];
}

std::string StoreTest::CreateTable(const std::string& stem, const std::string& columns_sql) {
  std::string name = UniqueName(stem);
  const sdk::Status status = connection_->ExecuteDirect("CREATE TABLE " + name + " (" + columns_sql + ")");
  EXPECT_TRUE(status.ok()) << status.ToString();
  return name;
}

}  // namespace hub::test
