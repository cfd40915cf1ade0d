// A job of several mappings, on both engines: each record is stored by the mapping of its entity, a record of
// an entity the job does not map is quarantined saying so, and a record of a key-set sweep is refused (until
// the sink stores sweeps).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sink_fixture.hpp"
#include "sync/mapping/mapping_set.hpp"

namespace hub::sync {
namespace {

using sdk::Value;
using test::EntityMapping;
using test::Record;
using ::testing::HasSubstr;

config::MappingFieldConfig Constant(const std::string& target, const std::string& value) {
  config::MappingFieldConfig field;
  field.target = target;
  field.constant = value;
  return field;
}

class MappingSetSinkTest : public test::SinkTest {
 protected:
  MappingSetSinkTest() {
    auto set = mapping::MappingSet::Of({EntityMapping("party", {{"name", "name"}}, {Constant("kind", "organization")}),
                                        EntityMapping("product", {{"sku", "code"}, {"name", "title"}})});
    EXPECT_TRUE(set.ok()) << set.status().ToString();
    jobs_["ledger"] = SinkJob{*set, "erp"};
  }
};

TEST(MappingSet, OneMappingTakesEveryRecordAndSeveralRouteByEntity) {
  auto party = EntityMapping("party", {{"name", "name"}}, {Constant("kind", "organization")});
  auto product = EntityMapping("product", {{"sku", "code"}, {"name", "title"}});
  mapping::MappingSet single(party);
  EXPECT_EQ(single.For("party"), party.get());
  EXPECT_EQ(single.For("anything"), party.get()) << "as a job of one mapping always did";
  auto both = mapping::MappingSet::Of({party, product});
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->For("product"), product.get());
  EXPECT_EQ(both->For("party"), party.get());
  EXPECT_EQ(both->For("note"), nullptr);
  EXPECT_EQ(both->EntityNames(), "party, product");
  EXPECT_TRUE(mapping::MappingSet(nullptr).empty());
  auto twice = mapping::MappingSet::Of({party, party});
  EXPECT_THAT(twice.status().message(), HasSubstr("two mappings for entity 'party'"));
}

TEST_P(MappingSetSinkTest, EachRecordIsStoredByTheMappingOfItsEntity) {
  SyncCounts counts = ApplyAs(
      "ledger",
      {Record("party", "C1", {{"name", "Acme"}}), Record("product", "P1", {{"code", "SKU-1"}, {"title", "Bolt"}}),
       Record("party", "C2", {{"name", "Globex"}})},
      "3");
  EXPECT_EQ(counts.inserted, 3u);
  EXPECT_EQ(counts.quarantined, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM products WHERE sku = 'SKU-1' AND name = 'Bolt'"), 1);
}

TEST_P(MappingSetSinkTest, ARecordOfAnEntityTheJobDoesNotMapIsQuarantinedSayingSo) {
  SyncCounts counts = ApplyAs(
      "ledger", {Record("note", "N1", {{"text", "call back"}}), Record("party", "C1", {{"name", "Acme"}})}, "2");
  EXPECT_EQ(counts.inserted, 1u);
  EXPECT_EQ(counts.quarantined, 1u);
  auto rows = connection_->Query("SELECT reason, entity, source_id FROM quarantine", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_THAT(rows->rows[0][0].text(), HasSubstr("no <mapping> for entity 'note' in job 'ledger'"));
  EXPECT_EQ(rows->rows[0][1].text(), "note");
  EXPECT_EQ(rows->rows[0][2].text(), "N1");
  EXPECT_EQ(*sink_->LoadCursor("ledger"), "2") << "the rest of the batch goes on";
}

INSTANTIATE_TEST_SUITE_P(Engines, MappingSetSinkTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
