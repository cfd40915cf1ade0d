// The model catalog and the schema agree: every entity's table and every place a field is stored exist,
// and an entity has updated_at exactly where its main table has the column.
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

// The "table.column" places a field's storage names: its column, the text kept beside a reference, the
// normal form kept beside it and the copy elsewhere; a field spread over rows names its table alone.
std::vector<std::string> StoragePlaces(const model::FieldStorage& storage) {
  const std::string table(storage.table);
  std::vector<std::string> places;
  for (std::string_view column : {storage.column, storage.text_column, storage.derived_column}) {
    if (!column.empty()) places.push_back(table + "." + std::string(column));
  }
  if (!storage.also_in.empty()) places.emplace_back(storage.also_in);
  if (places.empty()) places.push_back(table);
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
      for (const std::string& place : StoragePlaces(field.storage)) {
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

// The writers set updated_at where the catalog says the main table has it, without asking the store.
TEST_P(CatalogSchemaTest, AnEntityHasUpdatedAtExactlyWhereItsMainTableHasTheColumn) {
  for (const model::EntitySpec& entity : model::Entities()) {
    EXPECT_EQ(entity.has_updated_at, ColumnsOf(std::string(entity.table)).contains("updated_at")) << entity.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogSchemaTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::schema::test
