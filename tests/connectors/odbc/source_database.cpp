#include "source_database.hpp"

#include <gtest/gtest.h>

namespace hub::odbc_source::test {

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

}  // namespace hub::odbc_source::test
