#include "finance_database.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "hub/odbc/connection_string.hpp"

namespace hub::finance::test {

std::vector<std::string> DemoStatements() {
  std::ifstream file(std::filesystem::path(HUB_SOURCE_DIR) / "config/demo/finance/odoo17_demo.sql");
  std::vector<std::string> statements;
  std::string line;
  std::string statement;
  while (std::getline(file, line)) {
    if (line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    if (!line.empty() && line.back() == ';') {
      statements.push_back(statement);
      statement.clear();
    }
  }
  return statements;
}

FinanceDatabase::FinanceDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    folder_ = std::make_unique<hub::test::TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (folder_->path() / "odoo.db").string();
  } else {
    std::optional<std::string> pg = hub::test::PostgresConnectionString();
    if (!pg) {
      ADD_FAILURE() << hub::test::kPostgresMissing;
      return;
    }
    schema_ = hub::test::UniqueName("odoo");
    connection_string_ = odbc::SetAttribute(*pg, "ConnSettings", "SET search_path TO " + schema_);
  }
  sdk::Result<std::shared_ptr<odbc::Environment>> environment = odbc::Environment::Create();
  if (!environment.ok()) {
    ADD_FAILURE() << environment.status().ToString();
    return;
  }
  environment_ = *environment;
  if (!schema_.empty()) {
    std::unique_ptr<odbc::Connection> admin = Connect();
    if (admin == nullptr) return;
    sdk::Status created = admin->ExecuteDirect("CREATE SCHEMA " + schema_);
    if (!created.ok()) {
      ADD_FAILURE() << created.ToString();
      return;
    }
  }
  connection_ = Connect();
  if (connection_ == nullptr) return;
  for (const std::string& statement : DemoStatements()) Execute(statement);
}

FinanceDatabase::~FinanceDatabase() {
  if (connection_ == nullptr || schema_.empty()) return;
  Execute("DROP SCHEMA " + schema_ + " CASCADE");
}

void FinanceDatabase::Execute(std::string_view sql) {
  if (connection_ == nullptr) {
    ADD_FAILURE() << "no finance database";
    return;
  }
  sdk::Status status = connection_->ExecuteDirect(sql);
  if (!status.ok()) ADD_FAILURE() << status.ToString() << "\n  in: " << sql;
}

std::unique_ptr<odbc::Connection> FinanceDatabase::Connect() {
  sdk::Result<std::unique_ptr<odbc::Connection>> connection = odbc::Connection::Open(environment_, connection_string_);
  if (!connection.ok()) {
    ADD_FAILURE() << connection.status().ToString();
    return nullptr;
  }
  return std::move(connection).value();
}

RunResult ReadRun(FinanceSource& source, std::string cursor, std::size_t batch_size) {
  RunResult run;
  for (int i = 0; i < 10000; ++i) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, batch_size);
    if (!batch.ok()) {
      run.status = batch.status();
      return run;
    }
    for (sdk::Record& record : batch->records) run.records.push_back(std::move(record));
    cursor = batch->next_cursor;
    if (batch->end_of_data) {
      run.final_cursor = cursor;
      run.ok = true;
      return run;
    }
  }
  run.status = sdk::Status::Internal("no end of data after 10000 batches");
  return run;
}

std::vector<std::string> Keys(const std::vector<sdk::Record>& records) {
  std::vector<std::string> keys;
  for (const sdk::Record& record : records) keys.push_back(record.entity + ":" + record.source_id);
  return keys;
}

std::map<std::string, std::size_t> CountByEntity(const std::vector<sdk::Record>& records) {
  std::map<std::string, std::size_t> counts;
  for (const sdk::Record& record : records) ++counts[record.entity];
  return counts;
}

const sdk::Record* FindRecord(const std::vector<sdk::Record>& records, std::string_view key) {
  for (const sdk::Record& record : records) {
    if (record.entity + ":" + record.source_id == key) return &record;
  }
  return nullptr;
}

FinanceOptions MakeOptions(const FinanceDatabase& database, std::map<std::string, std::string> overrides) {
  std::map<std::string, std::string, std::less<>> values(overrides.begin(), overrides.end());
  values["connection"] = database.connection_string();
  sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(sdk::Options(std::move(values)));
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : FinanceOptions{};
}

void FinanceDriverTest::SetUp() {
  database_ = std::make_unique<FinanceDatabase>(GetParam());
  ASSERT_TRUE(database_->ok());
}

std::string DriverName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

}  // namespace hub::finance::test
