// What the store sink takes from its job, on both engines: the mapping every batch needs (records never go
// nowhere), and the source system each record belongs to.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sink_fixture.hpp"

namespace hub::sync {
namespace {

using hub::test::Backend;
using sdk::Value;
using test::EntityMapping;
using ::testing::HasSubstr;

config::MappingFieldConfig Constant(const std::string& target, const std::string& value) {
  config::MappingFieldConfig field;
  field.target = target;
  field.constant = value;
  return field;
}

sdk::Record Customer(const std::string& id, const std::string& name) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "customers.csv:" + id;
  record.Set("name", Value::String(name));
  return record;
}

// <field target="source_system" source="source"/>, first in the mapping.
config::MappingFieldConfig SystemFromSource() {
  config::MappingFieldConfig field;
  field.target = "source_system";
  field.sources = {"source"};
  return field;
}

// A row of a consolidated export: the system it belongs to in column `source`.
sdk::Record ExportRow(const std::string& source, const std::string& id, const std::string& name) {
  sdk::Record record = Customer(id, name);
  record.position = "consolidated.csv:" + source + "/" + id;
  record.Set("source", Value::String(source));
  return record;
}

sdk::Record Order(const std::string& source, const std::string& number, const std::string& customer) {
  sdk::Record record;
  record.entity = "order";
  record.source_id = number;
  record.position = "orders.csv:" + number;
  record.Set("source", Value::String(source))
      .Set("number", Value::String(number))
      .Set("customer", Value::String(customer))
      .Set("currency", Value::String("CNY"))
      .Set("total", Value::String("10.00"))
      .Set("date", Value::String("2026-11-23"));
  return record;
}

class SinkJobTest : public test::SinkTest {
 protected:
  SinkJobTest() { mapping_ = EntityMapping("party", {{"name", "name"}}, {Constant("kind", "organization")}); }

  // Parties whose source system each row names in its `source` column.
  void MapSystemsFromTheSourceColumn() {
    mapping_ = EntityMapping("party", {{"name", "name"}}, {SystemFromSource(), Constant("kind", "organization")});
  }

  // Orders of the systems their `source` column names; their customer in `reference_system` (empty: the
  // order's own).
  void MapOrders(const std::string& reference_system) {
    config::MappingFieldConfig customer;
    customer.target = "party_source_id";
    customer.sources = {"customer"};
    customer.system = reference_system;
    mapping_ = EntityMapping(
        "order",
        {{"order_number", "number"}, {"currency", "currency"}, {"total_amount", "total"}, {"ordered_on", "date"}},
        {SystemFromSource(), customer});
  }

  // The name of the party order `number` was linked to.
  std::string CustomerOf(const std::string& number) {
    return QueryValue("SELECT p.name FROM orders o JOIN parties p ON p.id = o.party_id WHERE o.order_number = ?",
                      {Value::String(number)})
        .text();
  }
};

TEST_P(SinkJobTest, ABatchOfAJobWithoutAMappingIsRefusedAndItsCheckpointStays) {
  Apply({Customer("C1", "Acme")}, "1");
  mapping_ = nullptr;
  auto refused = sink_->Apply("customers", {Customer("C2", "Globex")}, "2");
  ASSERT_FALSE(refused.ok()) << "the records would have been read and stored nowhere";
  EXPECT_THAT(refused.status().message(), HasSubstr("has no mapping"));
  EXPECT_EQ(*sink_->LoadCursor("customers"), "1") << "the cursor must not pass records that went nowhere";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
}

TEST_P(SinkJobTest, TwoRowsWithOneSourceIdFromTwoSystemsAreTwoRecordsWithTwoSourceLinks) {
  MapSystemsFromTheSourceColumn();
  SyncCounts counts = Apply({ExportRow("finance", "1001", "Acme F"), ExportRow("call_center", "1001", "Acme C")}, "1");
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
  std::vector<odbc::Row> links = QueryRows(
      "SELECT l.source_system, l.source_id, p.name FROM source_links l JOIN parties p ON p.id = l.record_id "
      "ORDER BY l.source_system");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0][0].text(), "call_center");
  EXPECT_EQ(links[0][1].text(), "1001");
  EXPECT_EQ(links[0][2].text(), "Acme C");
  EXPECT_EQ(links[1][0].text(), "finance");
  EXPECT_EQ(links[1][2].text(), "Acme F");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'erp'"), 0) << "not the connector's name";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE CAST(payload AS TEXT) LIKE '%\"finance\"%'"), 1);

  SyncCounts again =
      Apply({ExportRow("call_center", "1001", "Acme C"), ExportRow("finance", "1001", "Acme Trading F")}, "2");
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(again.updated, 1u) << "each row finds its own system's record";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
}

TEST_P(SinkJobTest, ARowWithoutItsSourceSystemIsQuarantinedNamingTheFieldNotGivenTheConnectorsName) {
  MapSystemsFromTheSourceColumn();
  SyncCounts counts = Apply({ExportRow("", "1001", "Acme"), ExportRow("finance", "1002", "Globex")}, "1");
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'erp'"), 0);
  std::vector<odbc::Row> entry = QueryRows("SELECT source_id, reason FROM quarantine");
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0][0].text(), "1001");
  EXPECT_THAT(entry[0][1].text(), HasSubstr("consolidated.csv:/1001: field 'source_system' from 'source': is empty"));
  EXPECT_EQ(*sink_->LoadCursor("customers"), "1");
}

TEST_P(SinkJobTest, ARowWhoseSourceSystemCodeTranslatesToNothingIsQuarantinedNamingTheField) {
  config::CodeTableConfig systems;
  systems.name = "systems";
  systems.entries = {{"FIN", "finance", {}}, {"OLD", "", {}}};
  config::MappingFieldConfig system = SystemFromSource();
  system.lookup = "systems";
  mapping_ = EntityMapping("party", {{"name", "name"}}, {system, Constant("kind", "organization")}, {systems});
  SyncCounts counts = Apply({ExportRow("OLD", "1001", "Acme"), ExportRow("FIN", "1002", "Globex")}, "1");
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'erp'"), 0) << "not the connector's name";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_system = 'finance'"), 1);
  EXPECT_THAT(QueryValue("SELECT reason FROM quarantine").text(),
              HasSubstr("field 'source_system' from 'source': is empty, and the field is required"));
}

TEST_P(SinkJobTest, ARecordQuarantinedUnderItsOwnSystemIsResolvedWhenItsSystemStoresIt) {
  MapSystemsFromTheSourceColumn();
  EXPECT_EQ(Apply({ExportRow("finance", "1001", "")}, "1").quarantined, 1u);
  EXPECT_EQ(QueryValue("SELECT source_system FROM quarantine").text(), "finance");
  EXPECT_EQ(Apply({ExportRow("call_center", "1001", "Acme")}, "2").inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 1) << "another system's record";
  EXPECT_EQ(Apply({ExportRow("finance", "1001", "Acme")}, "3").inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0);
}

TEST_P(SinkJobTest, AReferenceResolvesInTheRecordsOwnSystemOrInTheOneItsFieldNames) {
  MapSystemsFromTheSourceColumn();
  Apply({ExportRow("finance", "C1", "Acme (finance)"), ExportRow("call_center", "C1", "Acme (call center)")}, "1");
  MapOrders("");
  SyncCounts own = Apply({Order("finance", "SO-1", "C1"), Order("call_center", "SO-2", "C1")}, "2");
  EXPECT_EQ(own.inserted, 2u);
  EXPECT_EQ(CustomerOf("SO-1"), "Acme (finance)");
  EXPECT_EQ(CustomerOf("SO-2"), "Acme (call center)");
  MapOrders("finance");
  EXPECT_EQ(Apply({Order("call_center", "SO-3", "C1")}, "3").inserted, 1u);
  EXPECT_EQ(CustomerOf("SO-3"), "Acme (finance)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'order' AND source_system = 'call_center'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, SinkJobTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
