#include "finance_database.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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

FinanceDatabase::FinanceDatabase(Backend backend) : SourceDatabase(backend) {
  if (!ok()) return;
  for (const std::string& statement : DemoStatements()) Execute(statement);
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

}  // namespace hub::finance::test
