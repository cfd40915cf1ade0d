// The store sink on both engines: new, unchanged, changed and deleted parties, quarantine, change events,
// and the checkpoint committed with the data or not at all.
#include "sync/store_sink.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "schema_fixture.hpp"
#include "store/schema/migrator.hpp"

namespace hub::sync {
namespace {

using schema::test::Backend;
using sdk::Value;
using ::testing::HasSubstr;

config::MappingFieldConfig Source(std::string target, std::string source) {
  config::MappingFieldConfig field;
  field.target = std::move(target);
  field.sources = {std::move(source)};
  return field;
}

std::shared_ptr<const mapping::CompiledMapping> PartyMapping() {
  config::MappingConfig config;
  config.entity = "party";
  config::MappingFieldConfig kind;
  kind.target = "kind";
  kind.constant = "organization";
  config.fields = {kind,
                   Source("name", "name"),
                   Source("phone", "phone"),
                   Source("email", "email"),
                   Source("uscc", "uscc"),
                   Source("country", "country")};
  auto compiled = mapping::CompiledMapping::Compile(config, {});
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  return std::make_shared<const mapping::CompiledMapping>(std::move(compiled).value());
}

sdk::Record Customer(const std::string& id, const std::string& name, const std::string& phone) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "customers.csv:" + id;
  record.Set("name", Value::String(name))
      .Set("phone", Value::String(phone))
      .Set("email", Value::String("Sales@" + id + ".example.cn"))
      .Set("uscc", Value::String("91310115MA4CL12T2" + id.substr(id.size() - 1)))
      .Set("country", Value::String("CN"));
  return record;
}

class StoreSinkTest : public schema::test::SchemaTest {
 protected:
  void SetUp() override {
    SchemaTest::SetUp();
    if (HasFatalFailure()) return;
    auto migrated = schema::Migrate(*connection_);
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
    odbc::DatabaseOptions options;
    options.connection_strings = {connection_string_};
    options.pool_size = 1;
    auto database = odbc::Database::Open(std::move(options));
    ASSERT_TRUE(database.ok()) << database.status().ToString();
    database_ = std::move(database).value();
    sink_ = std::make_unique<StoreSink>(
        *database_,
        [this](std::string_view) {
          return SinkJob{mapping_, "erp"};
        },
        MakeLogger("store-test"));
  }

  SyncCounts Apply(const std::vector<sdk::Record>& records, const std::string& cursor) {
    auto counts = sink_->Apply("customers", records, cursor);
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : SyncCounts{};
  }

  std::int64_t Count(const std::string& sql) { return QueryRows(sql).at(0).at(0).integer(); }

  std::shared_ptr<const mapping::CompiledMapping> mapping_ = PartyMapping();
  std::unique_ptr<odbc::Database> database_;
  std::unique_ptr<StoreSink> sink_;
};

TEST_P(StoreSinkTest, StoresNewPartiesWithLinksChannelsEventsAndTheCheckpoint) {
  SyncCounts counts = Apply({Customer("C1", "上海华腾贸易有限公司", "138 0013 8001"),
                             Customer("C2", "深圳市鹏程电子科技有限公司", "+86 755 2660 3321")},
                            "after-C2");
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'erp' AND entity = 'party'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones WHERE e164 = '+8613800138001'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM emails WHERE address_normalized = 'sales@c1.example.cn'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers WHERE scheme = 'uscc'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.created'"), 2);
  EXPECT_EQ(*sink_->LoadCursor("customers"), "after-C2");
  EXPECT_EQ(QueryRows("SELECT name FROM parties ORDER BY id").at(0).at(0).text(), "上海华腾贸易有限公司");
}

TEST_P(StoreSinkTest, AnUnchangedRecordIsSkippedWithoutWriting) {
  Apply({Customer("C1", "Acme", "138 0013 8001")}, "1");
  SyncCounts again = Apply({Customer("C1", "Acme", "138 0013 8001")}, "2");
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(again.inserted + again.updated, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 1);
  EXPECT_EQ(*sink_->LoadCursor("customers"), "2");
}

TEST_P(StoreSinkTest, AChangedRecordUpdatesThePartyAndReplacesItsChannels) {
  Apply({Customer("C1", "Acme", "138 0013 8001")}, "1");
  SyncCounts changed = Apply({Customer("C1", "Acme Trading", "139 2345 6702")}, "2");
  EXPECT_EQ(changed.updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(QueryRows("SELECT name FROM parties").at(0).at(0).text(), "Acme Trading");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones"), 1);
  EXPECT_EQ(QueryRows("SELECT e164 FROM phones").at(0).at(0).text(), "+8613923456702");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.updated'"), 1);
}

TEST_P(StoreSinkTest, TheSameSourceRecordTwiceInOneBatchIsInsertedThenUpdated) {
  SyncCounts counts =
      Apply({Customer("C1", "Acme", "138 0013 8001"), Customer("C1", "Acme Trading", "138 0013 8001")}, "1");
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links"), 1);
  EXPECT_EQ(QueryRows("SELECT name FROM parties").at(0).at(0).text(), "Acme Trading");
}

TEST_P(StoreSinkTest, ARecordTheDatabaseRefusesIsQuarantinedAloneAndCanArriveLater) {
  ASSERT_TRUE(connection_->ExecuteDirect("CREATE UNIQUE INDEX ux_test_one_email ON emails (address_normalized)").ok());
  ASSERT_EQ(Apply({Customer("C1", "Acme", "138 0013 8001")}, "1").inserted, 1u);
  sdk::Record clash = Customer("C2", "Globex", "138 0013 8003");
  clash.fields[2].value = Value::String("Sales@C1.example.cn");  // the e-mail C1 already has
  SyncCounts second = Apply({clash, Customer("C3", "Initech", "138 0013 8004")}, "2");
  EXPECT_EQ(second.quarantined, 1u);
  EXPECT_EQ(second.inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_id = 'C2'"), 0) << "rolled back whole";
  clash.fields[2].value = Value::String("sales@globex.example");
  EXPECT_EQ(Apply({clash}, "3").inserted, 1u) << "a later, corrected copy is stored";
}

TEST_P(StoreSinkTest, ADeleteMarksTheSourceLinkAndKeepsTheParty) {
  Apply({Customer("C1", "Acme", "138 0013 8001")}, "1");
  sdk::Record gone;
  gone.operation = sdk::Operation::kDelete;
  gone.entity = "party";
  gone.source_id = "C1";
  SyncCounts deleted = Apply({gone}, "2");
  EXPECT_EQ(deleted.updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
}

TEST_P(StoreSinkTest, BadRecordsAreQuarantinedWithTheirPositionAndTheBatchGoesOn) {
  sdk::Record unreadable;
  unreadable.position = "customers.csv:7";
  unreadable.rejection = "customers.csv:7: 5 columns, header has 6";
  unreadable.Set("raw", Value::String("C7,broken"));
  sdk::Record nameless = Customer("C8", "", "138 0013 8008");
  SyncCounts counts = Apply({unreadable, nameless, Customer("C9", "Good Ltd", "138 0013 8009")}, "3");
  EXPECT_EQ(counts.quarantined, 2u);
  EXPECT_EQ(counts.inserted, 1u);
  std::vector<odbc::Row> rows = QueryRows("SELECT source_position, reason, raw_record FROM quarantine ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0].text(), "customers.csv:7");
  EXPECT_THAT(rows[0][1].text(), HasSubstr("5 columns"));
  EXPECT_THAT(rows[0][2].text(), HasSubstr("C7,broken"));
  EXPECT_EQ(rows[1][0].text(), "customers.csv:C8");
  EXPECT_THAT(rows[1][1].text(), HasSubstr("name"));
}

TEST_P(StoreSinkTest, ABatchThatCannotSaveItsCheckpointLeavesNoTrace) {
  Apply({Customer("C1", "Acme", "138 0013 8001")}, "1");
  ASSERT_TRUE(connection_->ExecuteDirect("DROP TABLE sync_cursors").ok());
  auto failed = sink_->Apply("customers", {Customer("C2", "Globex", "138 0013 8002")}, "2");
  EXPECT_FALSE(failed.ok());
  EXPECT_THAT(failed.status().message(), HasSubstr("checkpoint"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1) << "the batch's records must roll back with its checkpoint";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreSinkTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         schema::test::BackendName);

}  // namespace
}  // namespace hub::sync
