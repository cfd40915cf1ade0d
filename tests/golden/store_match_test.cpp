// The matcher on the store, on both engines: parties synced from two systems through the real sink, matched
// with weights the tests can reason about, their pairs kept, reviewed, and their clusters made golden records.
#include "golden/store_match.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "golden/golden_fixture.hpp"

namespace hub::golden {
namespace {

using sdk::Value;
using test::kHuaxinCode;
using test::kJinggongCode;
using test::kOtherJinggongCode;

class StoreMatchTest : public test::GoldenStoreTest {};

TEST_P(StoreMatchTest, OneCreditCodeUnderTwoSpellingsIsLinkedAndTheOldestPartyIsTheGoldenRecord) {
  SyncHuaxin();
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  const StoreMatchCounts counts = Run();
  EXPECT_EQ(counts.parties, 2u);
  EXPECT_EQ(counts.golden_records, 1u);
  EXPECT_EQ(PairOf(erp, crm), "link/matcher");
  EXPECT_EQ(GoldenOf(erp), 0) << "the oldest member is the golden record";
  EXPECT_EQ(GoldenOf(crm), erp);
  std::vector<odbc::Row> name = QueryRows(
      "SELECT value, from_party_id, source_system, rule FROM golden_lineage WHERE golden_party_id = ? AND field = "
      "'name'",
      {Value::Int64(erp)});
  ASSERT_EQ(name.size(), 1u);
  EXPECT_EQ(name[0][0].text(), "北京华信科技有限公司") << "erp comes first in the source priority";
  EXPECT_EQ(name[0][1].integer(), erp);
  EXPECT_EQ(name[0][2].text(), "erp");
  EXPECT_EQ(name[0][3].text(), "source_priority");
  EXPECT_EQ(Count("SELECT from_party_id FROM golden_lineage WHERE field = 'industry'"), crm)
      << "what only the crm gave is the golden record's too";
  EXPECT_EQ(std::string(QueryValue("SELECT name FROM parties WHERE id = ?", {Value::Int64(crm)}).text()),
            "华信科技(北京)有限公司")
      << "a member's own row keeps what its source wrote";
  std::vector<odbc::Row> events =
      QueryRows("SELECT aggregate_id, payload FROM outbox_events WHERE kind = 'party.golden_changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0][0].text(), std::to_string(erp));
  boost::json::object payload = boost::json::parse(events[0][1].text()).as_object();
  EXPECT_EQ(payload.at("golden_party_id").as_int64(), erp);
  ASSERT_EQ(payload.at("members").as_array().size(), 2u);
  EXPECT_EQ(payload.at("members").as_array()[1].at("source_id").as_string(), "C1");
  EXPECT_EQ(payload.at("previous_members").as_array().size(), 1u);
}

TEST_P(StoreMatchTest, ARerunWithNothingNewChangesNothingAndEmitsNothing) {
  SyncHuaxin();
  Run();
  const std::int64_t outbox = Count("SELECT COUNT(*) FROM outbox_events");
  const StoreMatchCounts again = Run();
  EXPECT_EQ(again.golden_records, 1u);
  EXPECT_EQ(again.pairs_inserted, 0u);
  EXPECT_EQ(again.pairs_updated, 0u);
  EXPECT_EQ(again.repointed, 0u);
  EXPECT_EQ(again.events, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), outbox);
  EXPECT_EQ(GoldenEvents(), 1) << "the event was appended once";
}

TEST_P(StoreMatchTest, ABranchOfficeIsRelatedToItsParentNotMerged) {
  Sync("erp", {Company("E1", "上海腾飞机械有限公司", "", "021-5080-1234")});
  Sync("crm", {Company("C1", "上海腾飞机械有限公司苏州分公司", "", "021-5080-1234")});
  Run();
  const std::int64_t parent = PartyOf("erp", "E1");
  const std::int64_t branch = PartyOf("crm", "C1");
  EXPECT_EQ(PairOf(parent, branch), "related/matcher");
  EXPECT_EQ(GoldenOf(branch), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM golden_lineage"), 0);
  EXPECT_EQ(GoldenEvents(), 0);
}

TEST_P(StoreMatchTest, TwoValidDifferentCreditCodesAreDistinctWhateverTheName) {
  Sync("erp", {Company("E1", "深圳精工电子有限公司", kJinggongCode, "0755-2660-3321")});
  Sync("crm", {Company("C1", "深圳精工电子有限公司", kOtherJinggongCode, "0755-2660-3321")});
  Run();
  EXPECT_EQ(PairOf(PartyOf("erp", "E1"), PartyOf("crm", "C1")), "distinct/matcher");
  EXPECT_EQ(GoldenOf(PartyOf("crm", "C1")), 0);
}

TEST_P(StoreMatchTest, AnUncertainPairWaitsForReviewAndAnAcceptLinksItOnTheNextRun) {
  Sync("erp", {Company("E1", "杭州远景科技有限公司", "", "0571-8888-1234")});
  Sync("crm", {Company("C1", "Yuanjing Technology Co., Ltd.", "", "0571-8888-1234")});
  const StoreMatchCounts first = Run();
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  ASSERT_EQ(PairOf(erp, crm), "review/matcher");
  EXPECT_EQ(first.reviews, 1u);
  EXPECT_EQ(GoldenOf(crm), 0) << "a pair under review is not merged";
  Review(PairId(erp, crm), true);
  const StoreMatchCounts second = Run();
  EXPECT_EQ(PairOf(erp, crm), "link/reviewer") << "the reviewer's decision stays over the score";
  EXPECT_EQ(second.reviews, 0u);
  EXPECT_EQ(GoldenOf(crm), erp);
  EXPECT_EQ(GoldenEvents(), 1);
}

TEST_P(StoreMatchTest, ARejectedLinkSplitsItsClusterRestoresEachPartyAndIsNeverAskedAgain) {
  SyncHuaxin();
  Run();
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  ASSERT_EQ(GoldenOf(crm), erp);
  Review(PairId(erp, crm), false);
  const StoreMatchCounts split = Run();
  EXPECT_EQ(PairOf(erp, crm), "no_link/reviewer");
  EXPECT_EQ(split.golden_records, 0u);
  EXPECT_EQ(split.repointed, 1u);
  EXPECT_EQ(GoldenOf(crm), 0) << "the split-off party is its own record again";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM golden_lineage"), 0);
  EXPECT_EQ(GoldenEvents(), 2) << "the split is a golden-record change too";
  const StoreMatchCounts again = Run();
  EXPECT_EQ(again.events, 0u);
  EXPECT_EQ(again.reviews, 0u);
  EXPECT_EQ(PairOf(erp, crm), "no_link/reviewer");
  EXPECT_EQ(GoldenOf(crm), 0);
}

TEST_P(StoreMatchTest, AReviewerDecisionCommittedWhileARunWasMatchingIsKept) {
  SyncHuaxin();
  Run();
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  auto stale = store_model::ReadMatchPairs(*connection_);
  ASSERT_TRUE(stale.ok()) << stale.status().ToString();
  Review(PairId(erp, crm), false);
  auto written = store_model::WriteMatchPairs(*connection_, *stale, {{erp, crm, 0.5, "review", "{}"}});
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(PairOf(erp, crm), "no_link/reviewer");
}

TEST_P(StoreMatchTest, WithoutAFixedModelTheWeightsAreLearnedFromTheStore) {
  SyncHuaxin();
  Sync("erp", {Company("E2", "上海腾飞机械有限公司", "", "021-5080-1234"),
               Company("E3", "深圳精工电子有限公司", kJinggongCode)});
  StoreMatchOptions options;
  auto learning = StoreMatcher::Create(options);
  ASSERT_TRUE(learning.ok()) << learning.status().ToString();
  auto counts = (*learning)->Run(*database_);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->parties, 4u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreMatchTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::golden
