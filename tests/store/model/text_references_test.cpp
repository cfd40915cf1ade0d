// References kept as text until their referent arrives, on both engines: an order partner or a delivery's
// ship-to naming a party the store does not have yet is stored at once with its text and no party id (never
// held back), and gets the id when a party of its own system with that source id is stored, whether the
// party comes through the bulk path or joins a stored party; a party of another system with the same id does
// not answer it.
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

class TextReferencesTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ(SyncParties("supply_chain", {Customer("C1")}).inserted, 1u);
    ASSERT_EQ(Sync("order", {"order_number", "party_source_id", "currency", "total_amount", "ordered_on"},
                   {Record("order", "SO1",
                           {{"order_number", "SO1"},
                            {"party_source_id", "C1"},
                            {"currency", "CNY"},
                            {"total_amount", "10.00"},
                            {"ordered_on", "2026-11-30"}})})
                  .inserted,
              1u);
  }

  sync::SyncCounts Sync(const std::string& entity, const std::vector<std::string>& fields,
                        const std::vector<sdk::Record>& records) {
    jobs_[entity] = sync::SinkJob{Mapping(entity, fields), "supply_chain"};
    return ApplyAs(entity, records, entity + std::to_string(++batches_));
  }

  sync::SyncCounts SyncParties(const std::string& system, const std::vector<sdk::Record>& records) {
    jobs_[system] = sync::SinkJob{Mapping("party", {"kind", "name"}), system};
    return ApplyAs(system, records, system + std::to_string(++batches_));
  }

  sync::SyncCounts SyncShipTo(const std::string& party_source_id) {
    return Sync("order_partner", {"order_source_id", "role", "party_source_id", "name"},
                {Record("order_partner", "SO1/WE",
                        {{"order_source_id", "SO1"},
                         {"role", "ship_to"},
                         {"party_source_id", party_source_id},
                         {"name", "仓库"}})});
  }

  static sdk::Record Customer(const std::string& id) {
    return Record("party", id, {{"kind", "organization"}, {"name", "客户 " + id}});
  }

  // The party id of the ship-to partner, or -1 when it is null.
  std::int64_t ShipToParty() {
    std::vector<odbc::Row> rows = QueryRows("SELECT party_id, party_source_id FROM order_partners");
    EXPECT_EQ(rows.size(), 1u);
    if (rows.empty() || rows[0][0].is_null()) return -1;
    return rows[0][0].integer();
  }

  std::int64_t PartyOf(const std::string& system, const std::string& id) {
    return Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_system = '" + system +
                 "' AND source_id = '" + id + "'");
  }

  int batches_ = 0;
};

TEST_P(TextReferencesTest, APartnerNamingAStoredPartyPointsAtItAtOnce) {
  EXPECT_EQ(SyncShipTo("C1").inserted, 1u);
  EXPECT_EQ(ShipToParty(), PartyOf("supply_chain", "C1"));
}

TEST_P(TextReferencesTest, APartnerNamingAMissingPartyIsStoredAndLinkedWhenThePartyArrives) {
  sync::SyncCounts partner = SyncShipTo("C9");
  EXPECT_EQ(partner.inserted, 1u);
  EXPECT_EQ(partner.quarantined, 0u) << "a text reference never holds its record back";
  EXPECT_EQ(ShipToParty(), -1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM order_partners WHERE party_source_id = 'C9'"), 1);

  ASSERT_EQ(SyncParties("finance", {Customer("C9")}).inserted, 1u);
  EXPECT_EQ(ShipToParty(), -1) << "another system's C9 is another record";

  ASSERT_EQ(SyncParties("supply_chain", {Customer("C9"), Customer("C10")}).inserted, 2u);
  EXPECT_EQ(ShipToParty(), PartyOf("supply_chain", "C9"));
}

TEST_P(TextReferencesTest, ADeliveryShipToIsLinkedWhenAPartyJoiningAStoredOneArrives) {
  ASSERT_EQ(Sync("delivery", {"delivery_number", "order_source_id", "party_source_id"},
                 {Record("delivery", "DN1",
                         {{"delivery_number", "DN1"}, {"order_source_id", "SO1"}, {"party_source_id", "C7"}})})
                .inserted,
            1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM deliveries WHERE party_id IS NULL AND party_source_id = 'C7'"), 1);
  // C7 arrives as the same customer as C1 (a same_as join through the per-record path).
  config::MappingFieldConfig same_as;
  same_as.target = "same_as_source_id";
  same_as.sources = {"ref"};
  jobs_["joined"] =
      sync::SinkJob{EntityMapping("party", {{"kind", "kind"}, {"name", "name"}}, {same_as}), "supply_chain"};
  ASSERT_EQ(
      ApplyAs("joined", {Record("party", "C7", {{"kind", "organization"}, {"name", "客户 C7"}, {"ref", "C1"}})}, "j1")
          .merged,
      1u);
  EXPECT_EQ(Count("SELECT party_id FROM deliveries"), PartyOf("supply_chain", "C1"));
}

INSTANTIATE_TEST_SUITE_P(Engines, TextReferencesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
