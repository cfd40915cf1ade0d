#include "source_database.hpp"

#include <gtest/gtest.h>

namespace hub::odbc_source::test {

std::string BackendName(Backend backend) { return backend == Backend::kSqlite ? "SQLite" : "PostgreSQL"; }

SourceDatabase::SourceDatabase(Backend backend) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    folder_ = std::make_unique<hub::test::TempDir>();
    connection_string_ = "Driver=SQLite3;Database=" + (folder_->path() / "source.db").string();
  } else {
    std::optional<std::string> pg = hub::test::PostgresConnectionString();
    if (!pg) {
      ADD_FAILURE() << hub::test::kPostgresMissing;
      return;
    }
    connection_string_ = *pg;
  }
  sdk::Result<std::shared_ptr<odbc::Environment>> environment = odbc::Environment::Create();
  if (!environment.ok()) {
    ADD_FAILURE() << environment.status().ToString();
    return;
  }
  environment_ = *environment;
  sdk::Result<std::unique_ptr<odbc::Connection>> connection = odbc::Connection::Open(environment_, connection_string_);
  if (!connection.ok()) {
    ADD_FAILURE() << connection.status().ToString();
    return;
  }
  connection_ = std::move(connection).value();
}

SourceDatabase::~SourceDatabase() {
  if (connection_ == nullptr) return;
  for (const std::string& table : tables_) Execute("DROP TABLE IF EXISTS " + table);
}

std::string SourceDatabase::Table(std::string_view base) {
  std::string name = hub::test::UniqueName(std::string(base));
  tables_.push_back(name);
  return name;
}

void SourceDatabase::Execute(std::string_view sql) {
  if (connection_ == nullptr) {
    ADD_FAILURE() << "no source database";
    return;
  }
  sdk::Status status = connection_->ExecuteDirect(sql);
  if (!status.ok()) ADD_FAILURE() << status.ToString() << "\n  in: " << sql;
}

RunResult ReadRun(OdbcSource& source, std::string cursor, std::size_t batch_size) {
  RunResult run;
  for (int i = 0; i < 10000; ++i) {
    sdk::Result<sdk::Batch> batch = source.ReadBatch(cursor, batch_size);
    if (!batch.ok()) {
      run.status = batch.status();
      return run;
    }
    for (sdk::Record& record : batch->records) run.records.push_back(std::move(record));
    run.batch_cursors.push_back(batch->next_cursor);
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

std::vector<std::string> SourceIds(const std::vector<sdk::Record>& records) {
  std::vector<std::string> ids;
  for (const sdk::Record& record : records) ids.push_back(record.source_id);
  return ids;
}

std::string CreatePeople(SourceDatabase& database, std::string_view base) {
  std::string table = database.Table(base);
  database.Execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, updated_at TIMESTAMP, name VARCHAR(100))");
  return table;
}

void InsertPeople(SourceDatabase& database, const std::string& table, const std::vector<Person>& people) {
  std::string sql = "INSERT INTO " + table + " (id, updated_at, name) VALUES ";
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i];
    sql += (i == 0 ? "(" : ", (") + std::to_string(person.id) + ", '" + person.updated_at + "', '" + person.name + "')";
  }
  database.Execute(sql);
}

OdbcOptions MakeOptions(const SourceDatabase& database, std::string query, std::string timestamp_column,
                        std::string id_column) {
  OdbcOptions options;
  options.connection = database.connection_string();
  options.query = std::move(query);
  options.timestamp_column = std::move(timestamp_column);
  options.id_column = std::move(id_column);
  options.id_field = options.id_column.empty() ? "id" : options.id_column;
  return options;
}

void DriverTest::SetUp() {
  database_ = std::make_unique<SourceDatabase>(GetParam());
  ASSERT_TRUE(database_->ok());
}

std::string DriverName(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

}  // namespace hub::odbc_source::test
