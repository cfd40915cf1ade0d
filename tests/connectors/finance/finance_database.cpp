#include "finance_database.hpp"

#include <filesystem>

namespace hub::finance::test {

FinanceDatabase::FinanceDatabase(Backend backend) : SourceDatabase(backend) {
  if (!ok()) return;
  ExecuteFile(std::filesystem::path(HUB_SOURCE_DIR) / "config/demo/finance/odoo17_demo.sql");
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
