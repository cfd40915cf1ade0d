#include "support/source_database.hpp"

#include <fstream>
#include <optional>
#include <utility>

#include "hub/odbc/connection_string.hpp"

namespace hub::test {

SourceDatabase::SourceDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    folder_ = std::make_unique<TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (folder_->path() / "source.db").string();
  } else {
    std::optional<std::string> pg = PostgresConnectionString();
    if (!pg) {
      ADD_FAILURE() << kPostgresMissing;
      return;
    }
    schema_ = UniqueName("source");
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
}

SourceDatabase::~SourceDatabase() {
  if (connection_ == nullptr || schema_.empty()) return;
  Execute("DROP SCHEMA " + schema_ + " CASCADE");
}

void SourceDatabase::Execute(std::string_view sql) {
  if (connection_ == nullptr) {
    ADD_FAILURE() << "no source database";
    return;
  }
  sdk::Status status = connection_->ExecuteDirect(sql);
  if (!status.ok()) ADD_FAILURE() << status.ToString() << "\n  in: " << sql;
}

void SourceDatabase::ExecuteFile(const std::filesystem::path& path) {
  const std::vector<std::string> statements = SqlFileStatements(path);
  if (statements.empty()) ADD_FAILURE() << "no SQL statement in " << path;
  for (const std::string& statement : statements) Execute(statement);
}

std::unique_ptr<odbc::Connection> SourceDatabase::Connect() {
  sdk::Result<std::unique_ptr<odbc::Connection>> connection = odbc::Connection::Open(environment_, connection_string_);
  if (!connection.ok()) {
    ADD_FAILURE() << connection.status().ToString();
    return nullptr;
  }
  return std::move(connection).value();
}

std::vector<std::string> SqlFileStatements(const std::filesystem::path& path) {
  std::ifstream file(path);
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

void SourceDatabaseTest::SetUp() {
  database_ = std::make_unique<SourceDatabase>(GetParam());
  ASSERT_TRUE(database_->ok());
}

std::string DriverName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

}  // namespace hub::test
