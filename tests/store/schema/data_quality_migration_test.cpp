// Migration 8 on a store that already holds records, on both engines: the links of the entities whose
// phones and identifiers are normalized are marked changed, so their next read stores them again.
#include <gtest/gtest.h>

#include "store/schema/migrator.hpp"
#include "support/store_fixture.hpp"

namespace hub::schema::test {
namespace {

using sdk::Value;

class DataQualityMigrationTest : public hub::test::StoreTest {};

TEST_P(DataQualityMigrationTest, MarksTheLinksOfRecordsWithPhonesOrIdentifiersChanged) {
  ASSERT_TRUE(Migrate(*connection_, EmbeddedMigrations().first(7)).ok());
  for (const char* entity : {"party", "contact", "lead", "employee", "speciality"}) {
    auto inserted = connection_->ExecuteUpdate(
        "INSERT INTO source_links (source_system, entity, source_id, record_id, content_hash) VALUES ('erp', ?, "
        "'1', 1, 'hash')",
        {Value::String(entity)});
    ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  }
  ASSERT_TRUE(Migrate(*connection_).ok());
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM source_links WHERE content_hash = 'before-data-quality:hash'").integer(),
            4);
  EXPECT_EQ(QueryValue("SELECT content_hash FROM source_links WHERE entity = 'speciality'").text(), "hash");
}

INSTANTIATE_TEST_SUITE_P(Engines, DataQualityMigrationTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::schema::test
