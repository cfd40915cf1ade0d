// The generic entity writer through the store sink, on both engines: insert, skip when unchanged, update,
// delete; natural keys shared by two sources; references to stored rows, to rows of the same batch and to
// rows not there; declared defaults; and what employees, contacts and opportunities keep beside their row.
#include "store/model/entity_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using hub::test::Backend;
using sdk::Value;
using sync::test::EntityMapping;
using sync::test::Mapping;
using sync::test::Record;
using ::testing::HasSubstr;

sdk::Record Speciality(const std::string& id, const std::string& code, const std::string& name,
                       const std::string& description = "") {
  return Record("speciality", id, {{"code", code}, {"name", name}, {"description", description}});
}

class EntityWriterTest : public sync::test::SinkTest {
 protected:
  // Syncs `records` of `entity` with a mapping of `fields`, as the job named after the entity.
  sync::SyncCounts Sync(const std::string& entity, const std::vector<std::string>& fields,
                        const std::vector<sdk::Record>& records) {
    jobs_[entity] = sync::SinkJob{Mapping(entity, fields), source_system_};
    return ApplyAs(entity, records, entity + std::to_string(++batches_));
  }

  void SyncCustomer(const std::string& id) {
    ASSERT_EQ(Sync("party", {"kind", "name"}, {Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}})})
                  .inserted,
              1u);
  }

  std::string OnlyQuarantineReason() {
    std::vector<odbc::Row> rows = QueryRows("SELECT reason FROM quarantine");
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? "" : rows[0][0].text();
  }

  int batches_ = 0;
};

TEST_P(EntityWriterTest, AnEntityIsInsertedSkippedWhenUnchangedAndUpdated) {
  const std::vector<std::string> fields = {"code", "name", "description"};
  sync::SyncCounts first = Sync(
      "speciality", fields, {Speciality("S1", "erp_finance", "ERP finance"), Speciality("S2", "japanese", "日本語")});
  EXPECT_EQ(first.inserted, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM specialities WHERE description IS NULL"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links l JOIN specialities s ON s.id = l.record_id "
                  "WHERE l.entity = 'speciality' AND l.party_id IS NULL"),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'speciality.created'"), 2);
  EXPECT_EQ(Sync("speciality", fields, {Speciality("S1", "erp_finance", "ERP finance")}).unchanged, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 2) << "nothing written for an unchanged record";
  EXPECT_EQ(
      Sync("speciality", fields, {Speciality("S1", "erp_finance", "ERP finance and controlling", "FI/CO")}).updated,
      1u);
  std::vector<odbc::Row> rows = QueryRows("SELECT name, description FROM specialities WHERE code = 'erp_finance'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "ERP finance and controlling");
  EXPECT_EQ(rows[0][1].text(), "FI/CO");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'speciality.updated'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM specialities"), 2);
}

TEST_P(EntityWriterTest, ADeleteMarksItsLinkAndKeepsTheRow) {
  Sync("speciality", {"code", "name"}, {Speciality("S1", "japanese", "Japanese")});
  sdk::Record gone;
  gone.operation = sdk::Operation::kDelete;
  gone.entity = "speciality";
  gone.source_id = "S1";
  EXPECT_EQ(Sync("speciality", {"code", "name"}, {gone}).deleted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'speciality' AND deleted_at IS NOT NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM specialities"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'speciality.deleted'"), 1);
}

TEST_P(EntityWriterTest, TwoSourceRecordsWithOneNaturalKeyShareOneRow) {
  sync::SyncCounts counts = Sync("speciality", {"code", "name"},
                                 {Speciality("S1", "japanese", "Japanese"), Speciality("S2", "japanese", "日本語")});
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.merged, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM specialities"), 1);
  EXPECT_EQ(QueryRows("SELECT name FROM specialities").at(0).at(0).text(), "日本語") << "the later record updates it";
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT record_id) FROM source_links WHERE entity = 'speciality'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE entity = 'speciality'"), 2);
}

TEST_P(EntityWriterTest, ASecondSourceNeverErasesWhatTheFirstStored) {
  const std::vector<std::string> fields = {"sku", "name", "category", "status"};
  Sync("product", fields,
       {Record("product", "P1",
               {{"sku", "SKU-1"}, {"name", "传感器"}, {"category", "sensors"}, {"status", "discontinued"}})});
  source_system_ = "shop";
  EXPECT_EQ(Sync("product", fields,
                 {Record("product", "p-1", {{"sku", "SKU-1"}, {"name", "Sensor"}, {"category", ""}, {"status", ""}})})
                .merged,
            1u);
  std::vector<odbc::Row> rows = QueryRows("SELECT name, category, status FROM products");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].text(), "Sensor");
  EXPECT_EQ(rows[0][1].text(), "sensors");
  EXPECT_EQ(rows[0][2].text(), "discontinued") << "no declared default replaces a stored value on a merge";
  EXPECT_EQ(
      Sync("product", fields,
           {Record("product", "p-1", {{"sku", "SKU-1"}, {"name", "Sensor v2"}, {"category", ""}, {"status", ""}})})
          .updated,
      1u);
  rows = QueryRows("SELECT name, category, status FROM products");
  EXPECT_EQ(rows[0][0].text(), "Sensor v2");
  EXPECT_EQ(rows[0][1].text(), "sensors") << "nor on the second source's later changes";
  EXPECT_EQ(rows[0][2].text(), "discontinued");
}

TEST_P(EntityWriterTest, ASecondSourceWithoutTerritoriesLeavesAnEmployeesTerritories) {
  Sync("territory", {"code", "name"}, {Record("territory", "N", {{"code", "N"}, {"name", "North"}})});
  const std::vector<std::string> fields = {"employee_number", "name", "territory_codes"};
  Sync("employee", fields,
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"territory_codes", "N"}})});
  source_system_ = "payroll";
  EXPECT_EQ(Sync("employee", fields,
                 {Record("employee", "P-7", {{"employee_number", "E1"}, {"name", "王芳"}, {"territory_codes", ""}})})
                .merged,
            1u);
  EXPECT_EQ(
      Sync("employee", fields,
           {Record("employee", "P-7", {{"employee_number", "E1"}, {"name", "Wang Fang"}, {"territory_codes", ""}})})
          .updated,
      1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories"), 1);
}

TEST_P(EntityWriterTest, ARowTheDatabaseRefusesIsQuarantinedAloneWithTheDriversMessage) {
  SyncCustomer("C1");
  const std::vector<std::string> fields = {"ticket_number", "party_source_id", "subject", "opened_at", "satisfaction"};
  auto ticket = [](const std::string& id, const std::string& satisfaction) {
    return Record("service_request", id,
                  {{"ticket_number", id},
                   {"party_source_id", "C1"},
                   {"subject", "读数漂移"},
                   {"opened_at", "2026-11-23T01:00:00Z"},
                   {"satisfaction", satisfaction}});
  };
  sync::SyncCounts counts = Sync("service_request", fields, {ticket("T1", "4"), ticket("T2", "9"), ticket("T3", "5")});
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_THAT(OnlyQuarantineReason(), HasSubstr("service_request.csv:T2: the store refused it"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE source_id = 'T2'"), 0) << "rolled back whole";
}

TEST_P(EntityWriterTest, ARefusalAfterAStoredCopyInTheSameBatchStaysOpen) {
  SyncCustomer("C1");
  const std::vector<std::string> fields = {"ticket_number", "party_source_id", "subject", "opened_at", "satisfaction"};
  auto ticket = [](const std::string& satisfaction) {
    return Record("service_request", "T1",
                  {{"ticket_number", "T1"},
                   {"party_source_id", "C1"},
                   {"subject", "读数漂移"},
                   {"opened_at", "2026-11-23T01:00:00Z"},
                   {"satisfaction", satisfaction}});
  };
  sync::SyncCounts counts = Sync("service_request", fields, {ticket("4"), ticket("9")});
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 1)
      << "the newest copy was refused: nothing resolved it";
}

TEST_P(EntityWriterTest, ARecordTheMappingRefusedIsResolvedWhenItsFixedCopyIsStored) {
  const std::vector<std::string> fields = {"kind", "name"};
  sdk::Record broken = Record("party", "C1", {{"kind", "organization"}, {"name", ""}});
  broken.entity = "customers";  // the connector's own name for what it reads
  EXPECT_EQ(Sync("party", fields, {broken}).quarantined, 1u);
  sdk::Record fixed = Record("party", "C1", {{"kind", "organization"}, {"name", "华腾"}});
  fixed.entity = "customers";
  EXPECT_EQ(Sync("party", fields, {fixed}).inserted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0);
  EXPECT_EQ(QueryValue("SELECT entity FROM quarantine").text(), "party");
}

TEST_P(EntityWriterTest, AReferenceToARecordNotStoredIsQuarantinedNamingItAndLandsWhenItIs) {
  const std::vector<std::string> fields = {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"};
  const sdk::Record order = Record("order", "SO1",
                                   {{"order_number", "SO-1"},
                                    {"party_source_id", "C404"},
                                    {"currency", "CNY"},
                                    {"total_amount", "100.00"},
                                    {"ordered_on", "2026-11-20"}});
  EXPECT_EQ(Sync("order", fields, {order}).quarantined, 1u);
  EXPECT_THAT(OnlyQuarantineReason(),
              HasSubstr("order.csv:SO1: refers to party 'C404' (party_source_id), which is not in the store"));
  SyncCustomer("C404");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 0) << "the customer's batch stored it";
  EXPECT_EQ(Sync("order", fields, {order}).unchanged, 1u) << "a re-read finds it stored";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders o JOIN parties p ON p.id = o.party_id WHERE p.name = '客户C404'"), 1);
}

TEST_P(EntityWriterTest, AReferenceToAnEarlierRecordOfTheSameBatchResolves) {
  sync::SyncCounts counts =
      Sync("team", {"code", "name", "parent_team_code"},
           {Record("team", "HQ", {{"code", "HQ"}, {"name", "总部"}, {"parent_team_code", ""}}),
            Record("team", "EAST", {{"code", "EAST"}, {"name", "华东"}, {"parent_team_code", "HQ"}})});
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM teams t JOIN teams p ON p.id = t.parent_team_id WHERE t.code = 'EAST' AND "
                  "p.code = 'HQ'"),
            1);
}

TEST_P(EntityWriterTest, AReferenceToALaterRecordOfTheSameBatchResolves) {
  const std::vector<std::string> fields = {"employee_number", "name", "manager_employee_number"};
  auto employee = [](const std::string& number, const std::string& manager) {
    return Record("employee", number,
                  {{"employee_number", number}, {"name", "员工" + number}, {"manager_employee_number", manager}});
  };
  // A reports to B reports to C, listed from the bottom up; D's manager is nobody the store knows.
  sync::SyncCounts counts =
      Sync("employee", fields, {employee("A", "B"), employee("D", "Z9"), employee("B", "C"), employee("C", "")});
  EXPECT_EQ(counts.inserted, 3u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_THAT(OnlyQuarantineReason(), HasSubstr("employee.csv:D: refers to employee 'Z9' (manager_employee_number)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employees e JOIN employees m ON m.id = e.manager_employee_id "
                  "WHERE (e.employee_number = 'A' AND m.employee_number = 'B') OR "
                  "(e.employee_number = 'B' AND m.employee_number = 'C')"),
            2);
}

TEST_P(EntityWriterTest, ADeferredRecordTheBatchHoldsAgainLaterGivesWayToTheLaterCopy) {
  const std::vector<std::string> fields = {"code", "name", "parent_team_code"};
  sync::SyncCounts counts =
      Sync("team", fields,
           {Record("team", "EAST", {{"code", "EAST"}, {"name", "旧名"}, {"parent_team_code", "HQ"}}),
            Record("team", "HQ", {{"code", "HQ"}, {"name", "总部"}, {"parent_team_code", ""}}),
            Record("team", "EAST", {{"code", "EAST"}, {"name", "华东"}, {"parent_team_code", "HQ"}})});
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(counts.unchanged, 1u) << "the first copy is counted: the later one stands for it";
  EXPECT_EQ(counts.quarantined, 0u);
  EXPECT_EQ(QueryValue("SELECT name FROM teams WHERE code = 'EAST'").text(), "华东");
}

TEST_P(EntityWriterTest, ALineWithAnUnknownSkuIsLinkedToItsProductOnTheReadAfterTheProductArrives) {
  SyncCustomer("C1");
  Sync("order", {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"},
       {Record("order", "SO1",
               {{"order_number", "SO-1"},
                {"party_source_id", "C1"},
                {"currency", "CNY"},
                {"total_amount", "10.00"},
                {"ordered_on", "2026-11-20"}})});
  const std::vector<std::string> fields = {"order_source_id", "line_no", "sku", "quantity", "unit_price", "amount"};
  const sdk::Record line = Record("order_line", "SO1-1",
                                  {{"order_source_id", "SO1"},
                                   {"line_no", "1"},
                                   {"sku", "SKU-9"},
                                   {"quantity", "1"},
                                   {"unit_price", "10.00"},
                                   {"amount", "10.00"}});
  EXPECT_EQ(Sync("order_line", fields, {line}).inserted, 1u);
  EXPECT_EQ(Sync("order_line", fields, {line}).unchanged, 1u) << "no product yet: nothing to write";
  Sync("product", {"sku", "name"}, {Record("product", "P9", {{"sku", "SKU-9"}, {"name", "阀门"}})});
  EXPECT_EQ(Sync("order_line", fields, {line}).updated, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = 'SKU-9'"),
            1);
  EXPECT_EQ(Sync("order_line", fields, {line}).unchanged, 1u);
}

TEST_P(EntityWriterTest, RecordsWithAnyMixOfEmptyFieldsShareTheirStatements) {
  auto mapping = Mapping("product", {"sku", "name", "name_latin", "category", "unit", "status"});
  auto transaction = odbc::Transaction::Begin(*connection_);
  ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
  auto turn = odbc::TakeOutboxWriterTurn(*connection_);
  ASSERT_TRUE(turn.ok()) << turn.status().ToString();
  SourceLinks links(*connection_);
  EntityWriter writer(*connection_, links, *turn);
  std::size_t after_first = 0;
  for (int i = 0; i < 32; ++i) {  // every pattern of five optional fields left empty or not
    auto text = [i](int bit, const std::string& value) { return (i >> bit) & 1 ? value : std::string(); };
    sdk::Record record = Record("product", "P" + std::to_string(i),
                                {{"sku", "SKU-" + std::to_string(i)},
                                 {"name", "阀门"},
                                 {"name_latin", text(0, "Valve")},
                                 {"category", text(1, "valves")},
                                 {"unit", text(2, "pcs")},
                                 {"status", text(3, "discontinued")}});
    sync::mapping::MappingOutcome mapped = mapping->Apply(record);
    ASSERT_TRUE(mapped.ok()) << mapped.rejection().ToString();
    mapped.record().source_system = "erp";
    auto written = writer.Write(mapped.record());
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    if (i == 0) after_first = connection_->cached_statements();
  }
  EXPECT_EQ(connection_->cached_statements(), after_first);
  EXPECT_EQ(QueryValue("SELECT COUNT(*) FROM products WHERE status = 'active'").integer(), 16)
      << "an empty status takes its declared default";
  ASSERT_TRUE(transaction->Commit().ok());
}

TEST_P(EntityWriterTest, ANullValueTakesTheDeclaredDefaultOnInsertAndUpdate) {
  const std::vector<std::string> fields = {"code", "name", "status"};
  Sync("team", fields, {Record("team", "T1", {{"code", "T1"}, {"name", "One"}, {"status", "inactive"}})});
  EXPECT_EQ(Sync("team", fields, {Record("team", "T1", {{"code", "T1"}, {"name", "One"}, {"status", ""}})}).updated,
            1u);
  EXPECT_EQ(QueryRows("SELECT status FROM teams").at(0).at(0).text(), "active");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
}

TEST_P(EntityWriterTest, AnEmployeesAssignmentsAreReplacedOnlyWhereTheMappingFillsThem) {
  Sync("territory", {"code", "name"},
       {Record("territory", "N", {{"code", "N"}, {"name", "North"}}),
        Record("territory", "S", {{"code", "S"}, {"name", "South"}})});
  Sync("employee", {"employee_number", "name", "territory_codes"},
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"territory_codes", "N,S"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories"), 2);
  Sync("employee", {"employee_number", "name", "territory_codes"},
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"territory_codes", "S"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories et JOIN territories t ON t.id = et.territory_id "
                  "WHERE t.code = 'S'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories"), 1);
  Sync("employee", {"employee_number", "name"},
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳 (Fang)"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories"), 1) << "a mapping without the field leaves them";
  EXPECT_EQ(
      Sync("employee", {"employee_number", "name", "territory_codes"},
           {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"territory_codes", "S, X9"}})})
          .quarantined,
      1u);
  EXPECT_THAT(OnlyQuarantineReason(), HasSubstr("refers to territory 'X9' (territory_codes)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM employee_territories"), 1) << "the refused record changed nothing";
}

TEST_P(EntityWriterTest, ASpecialityLevelOutOfRangeIsQuarantined) {
  Sync("speciality", {"code", "name"}, {Speciality("S1", "japanese", "Japanese")});
  Sync("employee", {"employee_number", "name", "speciality_codes"},
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}, {"speciality_codes", "japanese:7"}})});
  EXPECT_THAT(OnlyQuarantineReason(),
              HasSubstr("speciality 'japanese:7' (speciality_codes): the level must be 1 to 5"));
}

TEST_P(EntityWriterTest, AStageChangeAddsToTheHistoryAndOtherChangesDoNot) {
  SyncCustomer("C1");
  const std::vector<std::string> fields = {"party_source_id", "name", "stage", "amount"};
  auto opportunity = [](const std::string& stage, const std::string& amount) {
    return Record("opportunity", "O1",
                  {{"party_source_id", "C1"}, {"name", "升级"}, {"stage", stage}, {"amount", amount}});
  };
  Sync("opportunity", fields, {opportunity("qualify", "100")});
  Sync("opportunity", fields, {opportunity("proposal", "100")});
  Sync("opportunity", fields, {opportunity("proposal", "120")});
  std::vector<odbc::Row> history = QueryRows("SELECT from_stage, to_stage FROM opportunity_stage_history ORDER BY id");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0][0].is_null());
  EXPECT_EQ(history[0][1].text(), "qualify");
  EXPECT_EQ(history[1][0].text(), "qualify");
  EXPECT_EQ(history[1][1].text(), "proposal");
}

TEST_P(EntityWriterTest, AContactUpdateMovesThePersonAndReplacesTheirPhones) {
  SyncCustomer("C1");
  const std::vector<std::string> fields = {"organization_source_id", "name", "mobile"};
  Sync("contact", fields,
       {Record("contact", "K1", {{"organization_source_id", "C1"}, {"name", "张伟"}, {"mobile", "139 1234 5678"}})});
  Sync("contact", fields,
       {Record("contact", "K1", {{"organization_source_id", "C1"}, {"name", "张 伟"}, {"mobile", "139 8765 4321"}})});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE kind = 'person'"), 1);
  EXPECT_EQ(QueryRows("SELECT name FROM parties WHERE kind = 'person'").at(0).at(0).text(), "张 伟");
  std::vector<odbc::Row> phones = QueryRows("SELECT e164 FROM phones");
  ASSERT_EQ(phones.size(), 1u);
  EXPECT_EQ(phones[0][0].text(), "+8613987654321");
}

TEST_P(EntityWriterTest, APartysOwnerIsAStoredEmployeeOrTheRecordIsQuarantined) {
  Sync("employee", {"employee_number", "name"},
       {Record("employee", "E1", {{"employee_number", "E1"}, {"name", "王芳"}})});
  const std::vector<std::string> fields = {"kind", "name", "owner_employee_number"};
  auto customer = [](const std::string& id, const std::string& owner) {
    return Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}, {"owner_employee_number", owner}});
  };
  sync::SyncCounts counts = Sync("party", fields, {customer("C1", "E1"), customer("C2", "E404"), customer("C3", "E1")});
  EXPECT_EQ(counts.inserted, 2u);
  EXPECT_EQ(counts.quarantined, 1u);
  EXPECT_THAT(OnlyQuarantineReason(), HasSubstr("party.csv:C2: refers to employee 'E404' (owner_employee_number)"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties p JOIN employees e ON e.id = p.owner_employee_id "
                  "WHERE e.employee_number = 'E1'"),
            2);
  EXPECT_EQ(Sync("party", fields, {customer("C1", "")}).updated, 1u);
  EXPECT_TRUE(QueryValue("SELECT owner_employee_id FROM parties WHERE name = '客户C1'").is_null());
}

INSTANTIATE_TEST_SUITE_P(Engines, EntityWriterTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
