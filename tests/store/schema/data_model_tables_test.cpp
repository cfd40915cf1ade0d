// docs/DATA_MODEL.md describes every table of the schema and every column of each.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::schema::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

std::string ReadDataModelDoc() {
  std::ifstream in(std::string(HUB_SOURCE_DIR) + "/docs/DATA_MODEL.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text of the "### `table`" section, up to the next heading of level 2 or 3; empty when missing.
std::string TableSection(const std::string& doc, const std::string& table) {
  const std::size_t start = doc.find("\n### `" + table + "`\n");
  if (start == std::string::npos) return {};
  std::size_t end = doc.find("\n## ", start + 1);
  end = std::min(end, doc.find("\n### ", start + 1));
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

class DataModelTablesTest : public StoreTest {};

TEST_P(DataModelTablesTest, EveryTableAndColumnIsDescribed) {
  ASSERT_TRUE(Migrate(*connection_).ok());
  const std::string doc = ReadDataModelDoc();
  ASSERT_FALSE(doc.empty()) << "docs/DATA_MODEL.md is missing";
  sdk::Result<std::vector<std::string>> tables = ListTables(*connection_);
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  for (const std::string& table : *tables) {
    const std::string section = TableSection(doc, table);
    if (section.empty()) {
      ADD_FAILURE() << "docs/DATA_MODEL.md has no section \"### `" << table << "`\"";
      continue;
    }
    sdk::Result<odbc::RowSet> result = connection_->Query("SELECT * FROM " + table + " WHERE 1 = 0");
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    for (const odbc::ColumnInfo& column : result->columns) {
      EXPECT_NE(section.find("`" + column.name + "`"), std::string::npos)
          << "docs/DATA_MODEL.md, section " << table << ": column " << column.name << " is not described";
    }
  }
}

// The schema is the same on both engines, so one is enough here.
INSTANTIATE_TEST_SUITE_P(Backends, DataModelTablesTest, ::testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace hub::schema::test
