// The model catalog and the schema agree: every entity's table and every place a field is stored exist.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model/catalog.hpp"
#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::schema::test {

using hub::test::Backend;
using hub::test::BackendName;
using hub::test::StoreTest;

namespace {

// The places named by a FieldSpec::stored_in: "phones.raw (kind mobile, the person), parties.country" gives
// {"phones.raw", "parties.country"}; a bare table name ("employee_territories") stands for itself.
std::vector<std::string> StoragePlaces(std::string_view stored_in) {
  std::string without_notes;
  int depth = 0;
  for (char c : stored_in) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth == 0 && c != ')' && c != ' ') without_notes += c;
  }
  std::vector<std::string> places;
  std::size_t start = 0;
  while (start <= without_notes.size()) {
    const std::size_t comma = std::min(without_notes.find(',', start), without_notes.size());
    places.push_back(without_notes.substr(start, comma - start));
    start = comma + 1;
  }
  return places;
}

class CatalogSchemaTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(Migrate(*connection_).ok());
  }

  // The column names of `table`, read once.
  const std::set<std::string>& ColumnsOf(const std::string& table) {
    auto found = columns_.find(table);
    if (found != columns_.end()) return found->second;
    std::set<std::string>& columns = columns_[table];
    sdk::Result<odbc::RowSet> result = connection_->Query("SELECT * FROM " + table + " WHERE 1 = 0");
    EXPECT_TRUE(result.ok()) << table << ": " << result.status().ToString();
    if (result.ok()) {
      for (const odbc::ColumnInfo& column : result->columns) columns.insert(column.name);
    }
    return columns;
  }

  std::map<std::string, std::set<std::string>> columns_;
};

TEST_P(CatalogSchemaTest, EveryEntityTableAndFieldColumnExists) {
  sdk::Result<std::vector<std::string>> tables = ListTables(*connection_);
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  const std::set<std::string> existing(tables->begin(), tables->end());
  for (const model::EntitySpec& entity : model::Entities()) {
    EXPECT_TRUE(existing.contains(std::string(entity.table))) << entity.name << ": no table " << entity.table;
    for (const model::FieldSpec& field : entity.fields) {
      for (const std::string& place : StoragePlaces(field.stored_in)) {
        const std::size_t dot = place.find('.');
        const std::string table = place.substr(0, dot);
        EXPECT_TRUE(existing.contains(table)) << entity.name << "." << field.name << ": no table " << table;
        if (dot == std::string::npos || !existing.contains(table)) continue;
        EXPECT_TRUE(ColumnsOf(table).contains(place.substr(dot + 1)))
            << entity.name << "." << field.name << ": no column " << place;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogSchemaTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::schema::test
