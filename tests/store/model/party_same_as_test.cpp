// One customer in two systems, on both engines: a party record whose same_as_source_id names the party record
// of another system joins that party (counted merged), whichever of the two is stored first, through the bulk
// path and the per-record path alike; the party then answers both systems' references, and a later update
// of one source leaves what only the other gave.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;
using sync::test::EntityMapping;
using sync::test::Mapping;
using sync::test::Record;

class PartySameAsTest : public sync::test::SinkTest {
 protected:
  // SAP's customer master: job "sap", system supply_chain.
  sync::SyncCounts SyncSap(const std::vector<sdk::Record>& records) {
    jobs_["sap"] = sync::SinkJob{Mapping("party", {"kind", "name", "industry", "city"}), "supply_chain"};
    return ApplyAs("sap", records, "sap" + std::to_string(++batches_));
  }

  // Odoo's partners: job "odoo", system finance, `ref` naming SAP's KUNNR (system="supply_chain").
  sync::SyncCounts SyncOdoo(const std::vector<sdk::Record>& records) {
    config::MappingFieldConfig same_as;
    same_as.target = "same_as_source_id";
    same_as.sources = {"ref"};
    same_as.system = "supply_chain";
    jobs_["odoo"] = sync::SinkJob{
        EntityMapping("party", {{"kind", "kind"}, {"name", "name"}, {"vat", "vat"}}, {same_as}), "finance"};
    return ApplyAs("odoo", records, "odoo" + std::to_string(++batches_));
  }

  static sdk::Record SapCustomer(const std::string& kunnr, const std::string& name) {
    return Record("party", kunnr, {{"kind", "organization"}, {"name", name}, {"industry", "machinery"}});
  }

  static sdk::Record OdooPartner(const std::string& id, const std::string& ref, const std::string& name) {
    return Record("party", id, {{"kind", "organization"}, {"name", name}, {"ref", ref}, {"vat", "CN123456789"}});
  }

  // The party ids the links of (system, id) point at, joined by ",".
  std::string PartyOf(const std::string& system, const std::string& id) {
    std::vector<odbc::Row> rows =
        QueryRows("SELECT record_id FROM source_links WHERE source_system = ? AND entity = 'party' AND source_id = ?",
                  {Value::String(system), Value::String(id)});
    return rows.size() == 1 ? std::to_string(rows[0][0].integer()) : "<" + std::to_string(rows.size()) + " links>";
  }

  int batches_ = 0;
};

TEST_P(PartySameAsTest, APartnerNamingAStoredCustomerJoinsItsParty) {
  ASSERT_EQ(SyncSap({SapCustomer("0000004711", "Huateng Trading"), SapCustomer("0000004712", "Jinggong")}).inserted,
            2u);
  sync::SyncCounts odoo =
      SyncOdoo({OdooPartner("7", "0000004711", "上海华腾贸易有限公司"), OdooPartner("8", "", "苏州精工机械有限公司")});
  EXPECT_EQ(odoo.merged, 1u);
  EXPECT_EQ(odoo.inserted, 1u) << "a partner naming no other record is a party of its own";
  EXPECT_EQ(PartyOf("finance", "7"), PartyOf("supply_chain", "0000004711"));
  EXPECT_NE(PartyOf("finance", "8"), PartyOf("supply_chain", "0000004712"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 3);
  std::vector<odbc::Row> party = QueryRows("SELECT name, industry FROM parties WHERE id = " + PartyOf("finance", "7"));
  ASSERT_EQ(party.size(), 1u);
  EXPECT_EQ(party[0][0].text(), "上海华腾贸易有限公司") << "the joining record's values are taken";
  EXPECT_EQ(party[0][1].text(), "machinery") << "what it does not give stays";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers WHERE value_normalized = 'CN123456789' AND party_id = " +
                  PartyOf("finance", "7")),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.updated' AND aggregate_id = '" +
                  PartyOf("finance", "7") + "'"),
            1);
}

TEST_P(PartySameAsTest, ACustomerNamedByAStoredPartnerJoinsThePartnersParty) {
  ASSERT_EQ(SyncOdoo({OdooPartner("7", "0000004711", "上海华腾贸易有限公司")}).inserted, 1u);
  sync::SyncCounts sap = SyncSap({SapCustomer("0000004711", "Huateng Trading"), SapCustomer("0000004712", "Jinggong")});
  EXPECT_EQ(sap.merged, 1u);
  EXPECT_EQ(sap.inserted, 1u);
  EXPECT_EQ(PartyOf("supply_chain", "0000004711"), PartyOf("finance", "7"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
}

TEST_P(PartySameAsTest, TheJoinedPartyAnswersReferencesOfBothSystems) {
  SyncOdoo({OdooPartner("7", "0000004711", "上海华腾贸易有限公司")});
  SyncSap({SapCustomer("0000004711", "Huateng Trading")});
  jobs_["sap_orders"] = sync::SinkJob{
      Mapping("order", {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"}), "supply_chain"};
  ASSERT_EQ(ApplyAs("sap_orders",
                    {Record("order", "4500001",
                            {{"order_number", "4500001"},
                             {"party_source_id", "0000004711"},
                             {"currency", "CNY"},
                             {"total_amount", "100.00"},
                             {"ordered_on", "2026-11-30"}})},
                    "o1")
                .inserted,
            1u);
  EXPECT_EQ(Count("SELECT party_id FROM orders"), std::stoll(PartyOf("finance", "7")));
}

TEST_P(PartySameAsTest, AnUpdateOfOneSourceLeavesWhatOnlyTheOtherGave) {
  SyncSap({SapCustomer("0000004711", "Huateng Trading")});
  SyncOdoo({OdooPartner("7", "0000004711", "上海华腾贸易有限公司")});
  sdk::Record renamed = OdooPartner("7", "0000004711", "上海华腾贸易股份有限公司");
  ASSERT_EQ(SyncOdoo({renamed}).updated, 1u);
  std::vector<odbc::Row> party = QueryRows("SELECT name, industry FROM parties WHERE id = " + PartyOf("finance", "7"));
  ASSERT_EQ(party.size(), 1u);
  EXPECT_EQ(party[0][0].text(), "上海华腾贸易股份有限公司");
  EXPECT_EQ(party[0][1].text(), "machinery") << "Odoo gives no industry: SAP's stays";
}

INSTANTIATE_TEST_SUITE_P(Engines, PartySameAsTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
