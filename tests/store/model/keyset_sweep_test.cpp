// Key-set sweeps on both engines: a sweep marks deleted exactly the live links it did not list (with their
// change events), lists kept across transactions count when it ends, and the fraction cap refuses a sweep
// that would empty the store.
#include "store/model/keyset_sweep.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sync::test::Mapping;
using sync::test::Record;
using ::testing::HasSubstr;

class KeysetSweepTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = Mapping("party", {"kind", "name"});
  }

  // Stores parties C1…C<count> of source system erp through the sink.
  void StoreParties(int count) {
    std::vector<sdk::Record> records;
    for (int i = 1; i <= count; ++i) {
      const std::string id = "C" + std::to_string(i);
      records.push_back(Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}}));
    }
    ASSERT_EQ(Apply(records, "stored").inserted, static_cast<std::uint64_t>(count));
  }

  static SweepKey Key(const std::string& sweep_id = "s1") {
    return SweepKey{"customers", "erp", model::FindEntity("party"), sweep_id};
  }

  // Runs `work` with a KeysetSweep in one transaction on connection_, committed when it succeeds.
  template <typename Work>
  auto InTransaction(Work work) {
    auto transaction = odbc::Transaction::Begin(*connection_);
    EXPECT_TRUE(transaction.ok()) << transaction.status().ToString();
    auto turn = odbc::TakeOutboxWriterTurn(*connection_);
    EXPECT_TRUE(turn.ok()) << turn.status().ToString();
    SourceLinks links(*connection_);
    RecordWriter writer(*connection_, links, *turn);
    KeysetSweep sweep(*connection_, links, writer);
    auto result = work(sweep);
    if (result.ok()) {
      EXPECT_TRUE(transaction->Commit().ok());
    }
    return result;
  }

  sdk::Status Present(const std::vector<std::string>& ids, const SweepKey& key = Key()) {
    return InTransaction([&](KeysetSweep& sweep) { return sweep.Present(key, ids); });
  }

  sdk::Result<SweepResult> End(double fraction = kDefaultMaxDeleteFraction, const SweepKey& key = Key()) {
    return InTransaction([&](KeysetSweep& sweep) { return sweep.End(key, fraction, "parties:sweep end"); });
  }

  std::vector<std::string> Deleted() {
    std::vector<std::string> ids;
    for (const odbc::Row& row :
         QueryRows("SELECT source_id FROM source_links WHERE deleted_at IS NOT NULL ORDER BY source_id")) {
      ids.push_back(row[0].text());
    }
    return ids;
  }
};

TEST_P(KeysetSweepTest, EndMarksDeletedEveryLiveLinkTheSweepDidNotListWithItsEvent) {
  StoreParties(10);
  ASSERT_TRUE(Present({"C1", "C2", "C3", "C4", "C5"}).ok());
  ASSERT_TRUE(Present({"C6", "C7", "C8", "C10", "C99"}).ok()) << "a second transaction adds to the same sweep";
  sdk::Result<SweepResult> ended = End();
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(ended->live, 10u);
  EXPECT_EQ(ended->deleted, 1u);
  EXPECT_EQ(Deleted(), std::vector<std::string>{"C9"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties"), 10) << "the row stays";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 0) << "the sweep is cleared";
}

TEST_P(KeysetSweepTest, ADeletedRecordIsDeletedOnceAndNotAgainByTheNextSweep) {
  StoreParties(10);
  ASSERT_TRUE(Present({"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"}).ok());
  ASSERT_EQ(End()->deleted, 1u);
  ASSERT_TRUE(Present({"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"}, Key("s2")).ok());
  sdk::Result<SweepResult> again = End(kDefaultMaxDeleteFraction, Key("s2"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->live, 9u);
  EXPECT_EQ(again->deleted, 0u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);
}

TEST_P(KeysetSweepTest, AnIdListedTwiceCountsOnce) {
  StoreParties(2);
  ASSERT_TRUE(Present({"C1", "C1"}).ok());
  ASSERT_TRUE(Present({"C1", "C2"}).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 2);
  EXPECT_EQ(End()->deleted, 0u);
}

TEST_P(KeysetSweepTest, AnEmptiedSourceIsRefusedNamingTheCountsAndNothingIsDeleted) {
  StoreParties(10);
  ASSERT_TRUE(Present({"C1"}).ok());
  sdk::Result<SweepResult> refused = End();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(refused.status().message(), HasSubstr("would delete 9 of the 10 live records (90%)"));
  EXPECT_THAT(refused.status().message(), HasSubstr("max_delete_fraction 20%"));
  EXPECT_THAT(refused.status().message(), HasSubstr("party in erp (job customers)"));
  EXPECT_TRUE(Deleted().empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 1) << "what was listed stays for a later end";
  sdk::Result<SweepResult> allowed = End(1.0);
  ASSERT_TRUE(allowed.ok()) << allowed.status().ToString();
  EXPECT_EQ(allowed->deleted, 9u) << "a fraction of 1 lets the operator confirm it";
}

TEST_P(KeysetSweepTest, OnlyTheSweepsOwnIdsAndThoseWithoutASweepIdCountAsSeen) {
  StoreParties(10);
  ASSERT_TRUE(Present({"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"}, Key("old")).ok());
  ASSERT_TRUE(Present({"C1", "C2", "C3", "C4", "C5", "C6", "C7"}, Key("new")).ok());
  ASSERT_TRUE(Present({"C8", "C9"}, Key("")).ok());
  sdk::Result<SweepResult> ended = End(kDefaultMaxDeleteFraction, Key("new"));
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(Deleted(), std::vector<std::string>{"C10"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 0) << "an abandoned sweep is cleared with it";
}

TEST_P(KeysetSweepTest, AFractionOutsideZeroToOneIsRefused) {
  StoreParties(1);
  sdk::Result<SweepResult> refused = End(1.5);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(refused.status().message(), HasSubstr("not between 0 and 1"));
}

TEST_P(KeysetSweepTest, TheGenericWritersEntitiesAreDeletedWithTheirEvents) {
  jobs_["specialities"] = sync::SinkJob{Mapping("speciality", {"code", "name"}), "erp"};
  ApplyAs("specialities",
          {Record("speciality", "S1", {{"code", "a"}, {"name", "A"}}),
           Record("speciality", "S2", {{"code", "b"}, {"name", "B"}})},
          "1");
  const SweepKey key{"specialities", "erp", model::FindEntity("speciality"), ""};
  ASSERT_TRUE(Present({"S1"}, key).ok());
  sdk::Result<SweepResult> ended = End(0.5, key);
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(ended->deleted, 1u);
  EXPECT_EQ(Deleted(), std::vector<std::string>{"S2"});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'speciality.deleted'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, KeysetSweepTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
