#include "odbc_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

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

namespace hub::odbc::test {

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

void OdbcTest::SetUp() {
  auto environment = Environment::Create();
  ASSERT_TRUE(environment.ok()) << environment.status().ToString();
  environment_ = *environment;
  if (GetParam() == Backend::kSqlite) {
    temp_dir_ = std::make_unique<hub::test::TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (temp_dir_->path() / "store.db").string() + ";";
  } else {
    std::optional<std::string> postgres = PostgresConnectionString();
    ASSERT_TRUE(postgres.has_value())
        << "HUB_TEST_PG_ODBC is not set: run scripts/test.sh, or `source scripts/lib/test_servers.sh && "
           "start_postgres` before ctest";
    connection_string_ = *postgres;
  }
  connection_ = OpenConnection();
  ASSERT_NE(connection_, nullptr);
}

void OdbcTest::TearDown() {
  if (connection_ == nullptr || connection_->broken()) connection_ = OpenConnection();
  if (connection_ == nullptr) return;
  if (connection_->in_transaction()) {
    EXPECT_TRUE(connection_->Rollback().ok());
  }
  for (const std::string& table : tables_) {
    EXPECT_TRUE(connection_->ExecuteDirect("DROP TABLE IF EXISTS " + table).ok()) << table;
  }
}

std::unique_ptr<Connection> OdbcTest::OpenConnection() {
  auto connection = Connection::Open(environment_, connection_string_);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  if (!connection.ok()) return nullptr;
  return std::move(*connection);
}

std::string OdbcTest::CreateTable(const std::string& stem, const std::string& columns_sql) {
  std::string name = UniqueName(stem);
  const sdk::Status status = connection_->ExecuteDirect("CREATE TABLE " + name + " (" + columns_sql + ")");
  EXPECT_TRUE(status.ok()) << status.ToString();
  tables_.push_back(name);
  return name;
}

sdk::Value OdbcTest::QueryValue(const std::string& sql, const std::vector<sdk::Value>& params) {
  auto result = connection_->Query(sql, params);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok() || result->rows.size() != 1 || result->rows[0].size() != 1) {
    ADD_FAILURE() << "expected one value from " << sql;
    return sdk::Value::Null();
  }
  return result->rows[0][0];
}

}  // namespace hub::odbc::test
