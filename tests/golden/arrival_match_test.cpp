// Matching on arrival, on both engines: after a match run has kept its model and filled the blocking index, a
// party synced through the real sink is matched in its batch's transaction — it joins its duplicate's golden
// record without another run, a new process needs no rebuild, a reviewer's reject stays, a key shared by too
// many parties is ignored.
#include "golden/arrival_match.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "golden/golden_fixture.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::golden {
namespace {

using test::kHuaxinCode;

class ArrivalMatchTest : public test::GoldenStoreTest {
 protected:
  void SetUp() override {
    GoldenStoreTest::SetUp();
    if (HasFatalFailure()) return;
    Restart();
  }

  // A new sink with a new arrival matcher, as a restarted hub makes them: nothing is carried over but the store.
  void Restart(const matching::MatcherConfig& config = {}) {
    auto made = ArrivalMatcher::Create(config, MakeLogger("arrival-test"));
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    sink_ = std::make_unique<sync::StoreSink>(
        *database_, [this](std::string_view job) { return jobs_.at(std::string(job)); }, MakeLogger("store-test"),
        store_model::WriteRules{}, std::move(*made));
  }

  std::int64_t Keys() { return Count("SELECT COUNT(*) FROM party_blocking_keys"); }

  // The pairs an arrival matcher whose blocks are capped at `max_block_size` decides for `party`, in a
  // transaction rolled back after.
  std::size_t PairsDecidedFor(std::int64_t party, std::size_t max_block_size) {
    matching::MatcherConfig config;
    config.blocking.max_block_size = max_block_size;
    auto matcher = ArrivalMatcher::Create(config, MakeLogger("arrival-test"));
    EXPECT_TRUE(matcher.ok()) << matcher.status().ToString();
    auto transaction = odbc::Transaction::Begin(*connection_);
    EXPECT_TRUE(transaction.ok()) << transaction.status().ToString();
    auto turn = odbc::TakeOutboxWriterTurn(*connection_);
    EXPECT_TRUE(turn.ok()) << turn.status().ToString();
    auto counts = (*matcher)->Arrived(*connection_, *turn, {party});
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    EXPECT_TRUE(transaction->Rollback().ok());
    return counts.ok() ? counts->pairs : 0;
  }
};

TEST_P(ArrivalMatchTest, APartySyncedAfterAMatchRunJoinsItsDuplicatesGoldenRecordWithoutAnotherRun) {
  Sync("erp", {Company("E1", "北京华信科技有限公司", kHuaxinCode), Company("E2", "上海腾飞机械有限公司")});
  const StoreMatchCounts run = Run();
  EXPECT_TRUE(run.model_saved);
  EXPECT_EQ(run.blocking_keys, 2u) << "the first run indexes every party";
  const std::int64_t outbox = Count("SELECT COUNT(*) FROM outbox_events");
  const sync::SyncCounts synced = Sync("crm", {Company("C1", "华信科技(北京)有限公司", kHuaxinCode, "", "software")});
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  EXPECT_EQ(synced.matched_on_arrival, 1u);
  EXPECT_EQ(synced.linked_on_arrival, 1u);
  EXPECT_EQ(PairOf(erp, crm), "link/matcher");
  EXPECT_EQ(GoldenOf(crm), erp) << "the oldest member is the golden record";
  EXPECT_EQ(Count("SELECT from_party_id FROM golden_lineage WHERE field = 'industry'"), crm);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.golden_changed' AND aggregate_id = '" +
                  std::to_string(erp) + "'"),
            1);
  EXPECT_GT(Count("SELECT COUNT(*) FROM outbox_events"), outbox);
  EXPECT_GT(Count("SELECT COUNT(*) FROM party_blocking_keys WHERE party_id = " + std::to_string(crm)), 0);
  const StoreMatchCounts again = Run();
  EXPECT_EQ(again.events, 0u) << "the next run finds what arrival decided";
  EXPECT_EQ(again.repointed, 0u);
  EXPECT_EQ(again.pairs_inserted, 0u);
  EXPECT_EQ(again.blocking_keys, 0u);
}

TEST_P(ArrivalMatchTest, WithoutAKeptModelNothingIsMatchedOrIndexed) {
  const sync::SyncCounts synced = Sync("erp", {Company("E1", "北京华信科技有限公司", kHuaxinCode)});
  EXPECT_EQ(synced.inserted, 1u);
  EXPECT_EQ(synced.matched_on_arrival, 0u);
  EXPECT_EQ(Keys(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_pairs"), 0);
}

TEST_P(ArrivalMatchTest, ARestartedHubMatchesAtOnceWithoutRebuildingTheIndex) {
  SyncHuaxin();
  Run();
  const std::int64_t keys = Keys();
  Restart();
  const sync::SyncCounts synced = Sync("crm", {Company("C2", "北京华信科技有限公司", kHuaxinCode, "010-6275-1234")});
  EXPECT_EQ(synced.matched_on_arrival, 1u);
  const std::int64_t erp = PartyOf("erp", "E1");
  EXPECT_EQ(GoldenOf(PartyOf("crm", "C2")), erp);
  EXPECT_EQ(GoldenOf(PartyOf("crm", "C1")), erp) << "the record it joined keeps its members";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_blocking_keys WHERE party_id <> " + std::to_string(PartyOf("crm", "C2"))),
            keys)
      << "only the new party's keys were written";
}

TEST_P(ArrivalMatchTest, AReviewersRejectIsKeptWhenTheRejectedPartyChanges) {
  SyncHuaxin();
  Run();
  const std::int64_t erp = PartyOf("erp", "E1");
  const std::int64_t crm = PartyOf("crm", "C1");
  Review(PairId(erp, crm), false);
  Run();
  ASSERT_EQ(GoldenOf(crm), 0);
  const sync::SyncCounts synced = Sync("crm", {Company("C1", "华信科技(北京)有限公司", kHuaxinCode, "", "hardware")});
  EXPECT_EQ(synced.updated, 1u);
  EXPECT_EQ(synced.matched_on_arrival, 1u);
  EXPECT_EQ(PairOf(erp, crm), "no_link/reviewer");
  EXPECT_EQ(GoldenOf(crm), 0) << "the reviewer said they are two";
}

TEST_P(ArrivalMatchTest, AChangedMemberChangesItsGoldenRecordAtOnce) {
  SyncHuaxin();
  Run();
  const std::int64_t crm = PartyOf("crm", "C1");
  const std::int64_t events = GoldenEvents();
  Sync("crm", {Company("C1", "华信科技(北京)有限公司", kHuaxinCode, "", "hardware")});
  EXPECT_EQ(std::string(QueryValue("SELECT value FROM golden_lineage WHERE field = 'industry'").text()), "hardware");
  EXPECT_EQ(Count("SELECT from_party_id FROM golden_lineage WHERE field = 'industry'"), crm);
  EXPECT_EQ(GoldenEvents(), events + 1);
}

TEST_P(ArrivalMatchTest, AKeyHeldByMorePartiesThanTheBlockSizeCapIsIgnored) {
  Sync("erp", {Company("E1", "甲公司", "", "021-5080-0001"), Company("E2", "乙公司", "", "021-5080-0001"),
               Company("E3", "丙公司", "", "021-5080-0001")});
  Run();
  Sync("crm", {Company("C1", "丁公司", "", "021-5080-0001")});
  const std::int64_t arrived = PartyOf("crm", "C1");
  EXPECT_EQ(PairsDecidedFor(arrived, 50), 3u) << "the phone pairs it with the three";
  EXPECT_EQ(PairsDecidedFor(arrived, 3), 0u) << "four parties hold the phone, more than the cap of 3";
}

TEST_P(ArrivalMatchTest, AJobWithoutMatchingOnArrivalKeepsNoModel) {
  SyncHuaxin();
  Run();
  StoreMatchOptions options = MatchOptions();
  options.on_arrival = false;
  auto off = StoreMatcher::Create(options);
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  ASSERT_TRUE((*off)->Run(*database_).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM match_models"), 0);
  const sync::SyncCounts synced = Sync("crm", {Company("C2", "北京华信科技有限公司", kHuaxinCode)});
  EXPECT_EQ(synced.matched_on_arrival, 0u);
  EXPECT_EQ(GoldenOf(PartyOf("crm", "C2")), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ArrivalMatchTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::golden
