// The store sink on both engines: new, unchanged, changed and deleted parties, quarantine, change events,
// and the checkpoint committed with the data or not at all.
#include "sync/store_sink.hpp"

#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "hub/odbc/transaction.hpp"
#include "model/identifier.hpp"
#include "sink_fixture.hpp"
#include "store/model/party_writer.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "store/schema/migrator.hpp"

namespace hub::sync {

using store_model::PartyWriter;
using store_model::SourceLinks;
using store_model::WriteOutcome;
namespace {

using hub::test::Backend;
using sdk::Value;
using test::EntityMapping;
using ::testing::HasSubstr;

// An organization (party) mapping whose targets each take the source field named in `targets`.
std::shared_ptr<const mapping::CompiledMapping> OrganizationMapping(
    const std::vector<std::pair<std::string, std::string>>& targets) {
  config::MappingFieldConfig kind;
  kind.target = "kind";
  kind.constant = "organization";
  return EntityMapping("party", targets, {kind});
}

std::shared_ptr<const mapping::CompiledMapping> PartyMapping() {
  return OrganizationMapping(
      {{"name", "name"}, {"phone", "phone"}, {"email", "email"}, {"uscc", "uscc"}, {"country", "country"}});
}

// A unified social credit code of its own for each id's last character, with its check character.
std::string UsccOf(const std::string& id) {
  const std::string first17 = "91310115MA4CL12T" + id.substr(id.size() - 1);
  return first17 + model::UsccCheckCharacter(first17).value_or('?');
}

sdk::Record Customer(const std::string& id, const std::string& name, const std::string& phone) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "customers.csv:" + id;
  record.Set("name", Value::String(name))
      .Set("phone", Value::String(phone))
      .Set("email", Value::String("Sales@" + id + ".example.cn"))
      .Set("uscc", Value::String(UsccOf(id)))
      .Set("country", Value::String("CN"));
  return record;
}

// A mapping that fills every kind of row a party writes: identifiers, phones, e-mail, web site, address.
std::shared_ptr<const mapping::CompiledMapping> RichPartyMapping() {
  return OrganizationMapping({{"name", "name"},
                              {"phone", "phone"},
                              {"mobile", "mobile"},
                              {"email", "email"},
                              {"website", "website"},
                              {"uscc", "uscc"},
                              {"tax_id", "tax_id"},
                              {"address_line", "address"},
                              {"city", "city"},
                              {"country", "country"}});
}

// Customer number `i` for RichPartyMapping, with some channels left out depending on `i`.
sdk::Record RichCustomer(int i) {
  const std::string id = "R" + std::to_string(i);
  sdk::Record record = Customer(id, i % 2 == 0 ? "Northwind Traders " + id + " Ltd" : "上海华腾贸易有限公司" + id,
                                "+86 21 " + std::to_string(5550000 + i));
  record.Set("mobile", Value::String(i % 3 == 0 ? "" : "139 " + std::to_string(10000000 + i)))
      .Set("website", Value::String(i % 4 == 0 ? "" : "https://www." + id + ".example.cn/about"))
      .Set("tax_id", Value::String(i % 5 == 0 ? "" : "9131-0115-" + std::to_string(i)))
      .Set("address", Value::String(i % 6 == 0 ? "" : std::to_string(i) + " Nanjing Road"))
      .Set("city", Value::String(i % 7 == 0 ? "" : "上海"));
  return record;
}

std::vector<sdk::Record> RichCustomers(int count) {
  std::vector<sdk::Record> records;
  for (int i = 0; i < count; ++i) records.push_back(RichCustomer(i));
  return records;
}

constexpr const char* kPartyTables[] = {"parties",  "source_links", "party_identifiers", "phones",       "emails",
                                        "websites", "addresses",    "data_quality",      "outbox_events"};

class StoreSinkTest : public test::SinkTest {
 protected:
  StoreSinkTest() { mapping_ = PartyMapping(); }

  // Writes `records` as new parties with the per-record PartyWriter alone, in one transaction.
  void WriteOneByOne(const std::vector<sdk::Record>& records) {
    auto transaction = odbc::Transaction::Begin(*connection_);
    ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
    auto turn = odbc::TakeOutboxWriterTurn(*connection_);
    ASSERT_TRUE(turn.ok()) << turn.status().ToString();
    SourceLinks links(*connection_);
    PartyWriter writer(*connection_, links, *turn);
    for (const sdk::Record& record : records) {
      mapping::MappingOutcome outcome = mapping_->Apply(record);
      ASSERT_TRUE(outcome.ok()) << outcome.rejection().ToString();
      outcome.record().source_system = "erp";
      auto written = writer.Write(outcome.record());
      ASSERT_TRUE(written.ok()) << written.status().ToString();
      ASSERT_EQ(*written, WriteOutcome::kInserted);
    }
    ASSERT_TRUE(transaction->Commit().ok());
  }

  // Every row of the party tables in id order, with ids made relative to each table's first id and the
  // timestamps left out: equal for two writes of the same records into emptied tables.
  std::vector<std::vector<Value>> DumpPartyTables() {
    std::map<std::string, std::int64_t> first;
    for (const char* table : kPartyTables) first[table] = Count(std::string("SELECT MIN(id) FROM ") + table);
    const std::map<std::string, std::string> refers_to = {{"id", ""},
                                                          {"party_id", "parties"},
                                                          {"record_id", "parties"},
                                                          {"aggregate_id", "parties"},
                                                          {"source_link_id", "source_links"}};
    std::vector<std::vector<Value>> dump;
    for (const char* table : kPartyTables) {
      auto rows = connection_->Query(std::string("SELECT * FROM ") + table + " ORDER BY id");
      EXPECT_TRUE(rows.ok()) << rows.status().ToString();
      if (!rows.ok()) return dump;
      for (const odbc::Row& row : rows->rows) {
        std::vector<Value> out{Value::String(table)};
        for (std::size_t c = 0; c < row.size(); ++c) {
          const std::string& name = rows->columns[c].name;
          if (name.size() > 3 && name.substr(name.size() - 3) == "_at") continue;
          auto reference = refers_to.find(name);
          if (reference == refers_to.end() || row[c].is_null()) {
            out.push_back(row[c]);
            continue;
          }
          const std::int64_t id =
              row[c].type() == sdk::ValueType::kString ? std::stoll(row[c].text()) : row[c].integer();
          out.push_back(Value::Int64(id - first[reference->second.empty() ? table : reference->second]));
        }
        dump.push_back(std::move(out));
      }
    }
    return dump;
  }

  void EmptyPartyTables() {
    for (auto table = std::rbegin(kPartyTables); table != std::rend(kPartyTables); ++table) {
      ASSERT_TRUE(connection_->ExecuteDirect(std::string("DELETE FROM ") + *table).ok());
    }
  }
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
  // Written within the same second as the insert: on SQLite the two texts must have one format to compare.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE updated_at >= created_at"), 1);
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
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 1);
  EXPECT_EQ(Apply({clash}, "3").inserted, 1u) << "a later, corrected copy is stored";
  std::vector<odbc::Row> entry =
      QueryRows("SELECT entity, source_id, resolution FROM quarantine WHERE resolved_at IS NOT NULL");
  ASSERT_EQ(entry.size(), 1u) << "the quarantine entry is resolved by the later read";
  EXPECT_EQ(entry[0][0].text(), "party");
  EXPECT_EQ(entry[0][1].text(), "C2");
  EXPECT_EQ(entry[0][2].text(), "stored by job customers on a later read");
}

TEST_P(StoreSinkTest, ADeleteMarksTheSourceLinkAndKeepsTheParty) {
  Apply({Customer("C1", "Acme", "138 0013 8001")}, "1");
  sdk::Record gone;
  gone.operation = sdk::Operation::kDelete;
  gone.entity = "party";
  gone.source_id = "C1";
  SyncCounts deleted = Apply({gone}, "2");
  EXPECT_EQ(deleted.deleted, 1u);
  EXPECT_EQ(deleted.updated, 0u);
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

TEST_P(StoreSinkTest, ARecordWithNulAndInvalidUtf8IsQuarantinedNotStuck) {
  sdk::Record garbled;
  garbled.position = std::string("customers.csv:9\xff");
  garbled.rejection = std::string("customers.csv:9: invalid GB18030 byte 0xFF in \"a\0b\xff\"", 48);
  garbled.Set("raw", Value::String(std::string("C9,\0\xfe\xff,\xe4\xb8", 9)));
  SyncCounts counts = Apply({garbled, Customer("C1", "Acme", "138 0013 8001")}, "1");
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(*sink_->LoadCursor("customers"), "1");
  EXPECT_THAT(QueryRows("SELECT raw_record FROM quarantine").at(0).at(0).text(), HasSubstr("\xEF\xBF\xBD"));
}

TEST_P(StoreSinkTest, TwoJobsWritingTheSameSourceAtOnceStoreEachRecordOnce) {
  odbc::DatabaseOptions options;
  options.connection_strings = {connection_string_};
  options.pool_size = 2;
  auto shared = odbc::Database::Open(std::move(options));
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  StoreSink sink(
      **shared,
      [this](std::string_view) {
        return SinkJob{mapping_, "erp"};
      },
      MakeLogger("store-test"));
  std::vector<sdk::Record> records;
  for (int i = 0; i < 300; ++i)
    records.push_back(Customer("C" + std::to_string(i), "Acme " + std::to_string(i), "138 0013 8001"));
  sdk::Result<SyncCounts> first = sdk::Status::Internal("not run");
  sdk::Result<SyncCounts> second = sdk::Status::Internal("not run");
  std::thread other([&] { second = sink.Apply("job_b", records, "b"); });
  first = sink.Apply("job_a", records, "a");
  other.join();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(first->quarantined + second->quarantined, 0u);
  EXPECT_EQ(first->inserted + second->inserted, 300u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 300);
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

TEST_P(StoreSinkTest, NewRecordsInBulkAreStoredExactlyAsThePerRecordPathStoresThem) {
  mapping_ = RichPartyMapping();
  const std::vector<sdk::Record> records = RichCustomers(60);
  ASSERT_EQ(Apply(records, "1").inserted, records.size());
  const std::vector<std::vector<Value>> bulk = DumpPartyTables();
  EmptyPartyTables();
  WriteOneByOne(records);
  const std::vector<std::vector<Value>> one_by_one = DumpPartyTables();
  ASSERT_EQ(bulk.size(), one_by_one.size());
  for (std::size_t i = 0; i < bulk.size(); ++i) {
    EXPECT_EQ(bulk[i], one_by_one[i]) << "row " << i << " of " << bulk[i].front().text();
  }
  EXPECT_GT(Count("SELECT COUNT(*) FROM websites"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM addresses"), 0);
}

TEST_P(StoreSinkTest, ABatchOfTwoThousandNewRecordsIsStoredWhole) {
  mapping_ = RichPartyMapping();
  const std::vector<sdk::Record> records = RichCustomers(2000);
  SyncCounts counts = Apply(records, "2000");
  EXPECT_EQ(counts.inserted, 2000u);
  EXPECT_EQ(counts.quarantined, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links"), 2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.created'"), 2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM emails"), 2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones WHERE kind = 'mobile'"), 2000 - 667);  // every third has none
  EXPECT_EQ(Count("SELECT COUNT(*) FROM websites"), 1500);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers WHERE scheme = 'tax_number'"), 1600);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links l JOIN parties p ON p.id = l.party_id "
                  "WHERE l.record_id = l.party_id AND p.name LIKE '%' || l.source_id || '%'"),
            2000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones f JOIN source_links l ON l.id = f.source_link_id "
                  "WHERE l.party_id = f.party_id"),
            Count("SELECT COUNT(*) FROM phones"));
  // The next record without an explicit id continues after the reserved ones.
  ASSERT_EQ(Apply({Customer("C1", "Acme", "138 0013 8001"), Customer("C1", "Acme Trading", "138 0013 8001")}, "2001")
                .inserted,
            1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2001);
}

TEST_P(StoreSinkTest, ABatchMixingNewChangedUnchangedAndBadRecordsStoresEachAsAlone) {
  Apply({Customer("C1", "Acme", "138 0013 8001"), Customer("C2", "Globex", "138 0013 8002")}, "1");
  sdk::Record deleted;
  deleted.operation = sdk::Operation::kDelete;
  deleted.entity = "party";
  deleted.source_id = "C9";
  SyncCounts counts =
      Apply({Customer("C1", "Acme", "138 0013 8001"), Customer("C3", "Initech", "138 0013 8003"),
             Customer("C2", "Globex Corp", "138 0013 8002"), Customer("C4", "", "138 0013 8004"),
             Customer("C5", "Umbrella", "138 0013 8005"), deleted, Customer("C3", "Initech Group", "138 0013 8006")},
            "2");
  EXPECT_EQ(counts.unchanged, 2u);  // C1, and the delete of a record never stored
  EXPECT_EQ(counts.inserted, 2u);   // C3, C5
  EXPECT_EQ(counts.updated, 2u);    // C2, then C3's second version
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 4);
  EXPECT_EQ(QueryRows("SELECT p.name FROM parties p JOIN source_links l ON l.party_id = p.id "
                      "WHERE l.source_id = 'C3'")
                .at(0)
                .at(0)
                .text(),
            "Initech Group");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones p JOIN source_links l ON l.id = p.source_link_id "
                  "WHERE l.source_id = 'C3' AND p.e164 = '+8613800138006'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones"), 4) << "C3's first phone was replaced";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.created'"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.updated'"), 2);
  EXPECT_EQ(QueryRows("SELECT source_position FROM quarantine").at(0).at(0).text(), "customers.csv:C4");
}

TEST_P(StoreSinkTest, ANewRecordTheDatabaseRefusesInBulkIsQuarantinedAloneAndTheOthersAreStored) {
  ASSERT_TRUE(connection_->ExecuteDirect("CREATE UNIQUE INDEX ux_test_one_email ON emails (address_normalized)").ok());
  mapping_ = RichPartyMapping();
  ASSERT_EQ(Apply({RichCustomer(0)}, "1").inserted, 1u);
  std::vector<sdk::Record> records = RichCustomers(1200);
  records.erase(records.begin());
  sdk::Record& clash = records[700];
  clash.fields[2].value = Value::String("Sales@R0.example.cn");  // the e-mail R0 already has
  SyncCounts counts = Apply(records, "2");
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(counts.inserted, 1198u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1199);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_id = '" + clash.source_id + "'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 1199);
  std::vector<odbc::Row> quarantined = QueryRows("SELECT source_position, reason FROM quarantine");
  ASSERT_EQ(quarantined.size(), 1u);
  EXPECT_EQ(quarantined[0][0].text(), clash.position);
  EXPECT_THAT(quarantined[0][1].text(), HasSubstr("the store refused it"));
}

TEST_P(StoreSinkTest, NewPartiesNeverTakeTheIdOfADeletedOne) {
  Apply({Customer("C1", "Acme", "138 0013 8001"), Customer("C2", "Globex", "138 0013 8002")}, "1");
  const std::int64_t last = Count("SELECT MAX(id) FROM parties");
  EmptyPartyTables();
  Apply({Customer("C3", "Initech", "138 0013 8003")}, "2");
  EXPECT_GT(Count("SELECT MIN(id) FROM parties"), last);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreSinkTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
