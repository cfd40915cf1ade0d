// Key-set sweeps through the store sink on both engines: PRESENT and SWEEP_END records bypass the mapping, a
// record gone from the source is deleted once (counted, with its event), a sweep killed between batches
// resumes with what it had listed, and the cap refuses a sweep of an emptied source with the checkpoint kept.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::sync {
namespace {

using test::Mapping;
using test::Record;
using ::testing::HasSubstr;

class KeysetSweepSinkTest : public test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    mapping_ = Mapping("party", {"kind", "name"});
  }

  static std::vector<std::string> Ids(int from, int to) {
    std::vector<std::string> ids;
    for (int i = from; i <= to; ++i) ids.push_back("C" + std::to_string(i));
    return ids;
  }

  void StoreParties(const std::vector<std::string>& ids) {
    std::vector<sdk::Record> records;
    for (const std::string& id : ids) {
      records.push_back(Record("party", id, {{"kind", "organization"}, {"name", "客户" + id}}));
    }
    ASSERT_EQ(Apply(records, "stored").inserted, ids.size());
  }

  static sdk::Record Present(const std::string& id, const std::string& sweep_id = "2026-12-02") {
    sdk::Record record;
    record.operation = sdk::Operation::kPresent;
    record.entity = "party";
    record.source_id = id;
    record.position = "sweep:" + id;
    if (!sweep_id.empty()) record.Set("sweep_id", sdk::Value::String(sweep_id));
    return record;
  }

  static std::vector<sdk::Record> Presents(const std::vector<std::string>& ids,
                                           const std::string& sweep_id = "2026-12-02") {
    std::vector<sdk::Record> records;
    for (const std::string& id : ids) records.push_back(Present(id, sweep_id));
    return records;
  }

  static sdk::Record SweepEnd(const std::string& sweep_id = "2026-12-02") {
    sdk::Record record;
    record.operation = sdk::Operation::kSweepEnd;
    record.entity = "party";
    record.position = "sweep:end";
    record.Set("sweep_id", sdk::Value::String(sweep_id));
    return record;
  }

  // Applies `records` as a batch of job customers; the error when it is refused.
  sdk::Status Refused(const std::vector<sdk::Record>& records, const std::string& cursor) {
    sdk::Result<SyncCounts> applied = sink_->Apply("customers", records, cursor);
    EXPECT_FALSE(applied.ok());
    return applied.ok() ? sdk::Status::Ok() : applied.status();
  }

  std::int64_t DeletedLinks() { return Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL"); }
  std::string Checkpoint() { return *sink_->LoadCursor("customers"); }
};

TEST_P(KeysetSweepSinkTest, ARecordGoneFromTheSourceIsDeletedOnceWithItsEvent) {
  StoreParties(Ids(1, 10));
  const SyncCounts listed = Apply(Presents(Ids(1, 5)), "sweep-1");
  EXPECT_EQ(listed.inserted + listed.updated + listed.unchanged + listed.quarantined, 0u)
      << "PRESENT records are not mapped or stored as records";
  std::vector<sdk::Record> rest = Presents({"C6", "C7", "C8", "C10"});
  rest.push_back(SweepEnd());
  const SyncCounts ended = Apply(rest, "sweep-2");
  EXPECT_EQ(ended.deleted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL AND source_id = 'C9'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);

  std::vector<sdk::Record> again = Presents({"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C10"}, "2026-12-03");
  again.push_back(SweepEnd("2026-12-03"));
  EXPECT_EQ(Apply(again, "sweep-3").deleted, 0u) << "the next sweep deletes nothing more";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE kind = 'party.deleted'"), 1);

  EXPECT_EQ(Apply({Record("party", "C9", {{"kind", "organization"}, {"name", "客户C9"}})}, "back").updated, 1u);
  EXPECT_EQ(DeletedLinks(), 0) << "a record back in the source is live again";
}

TEST_P(KeysetSweepSinkTest, ASweepKilledBetweenBatchesResumesWithWhatItHadListed) {
  StoreParties(Ids(1, 10));
  Apply(Presents(Ids(1, 5)), "sweep-1");
  // The hub is killed here; a new process (a new sink on the same store) resumes from the checkpoint.
  sink_ = std::make_unique<StoreSink>(
      *database_,
      [this](std::string_view) {
        return SinkJob{mapping_, source_system_};
      },
      MakeLogger("resumed"));
  ASSERT_EQ(Checkpoint(), "sweep-1");
  std::vector<sdk::Record> rest = Presents({"C6", "C7", "C8", "C9"});
  rest.push_back(SweepEnd());
  EXPECT_EQ(Apply(rest, "sweep-2").deleted, 1u) << "C1…C5 were listed before the kill: only C10 is gone";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL AND source_id = 'C10'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 0);
}

TEST_P(KeysetSweepSinkTest, TheCapRefusesASweepOfAnEmptiedSourceAndTheCheckpointStays) {
  StoreParties(Ids(1, 10));
  Apply(Presents({"C1"}), "sweep-1");
  const sdk::Status refused = Refused({Present("C2"), SweepEnd()}, "sweep-2");
  EXPECT_EQ(refused.code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(refused.message(), HasSubstr("would delete 8 of the 10 live records (80%)"));
  EXPECT_THAT(refused.message(), HasSubstr("max_delete_fraction 20%"));
  EXPECT_EQ(DeletedLinks(), 0);
  EXPECT_EQ(Checkpoint(), "sweep-1") << "the batch rolled back whole";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM keyset_sweeps"), 1) << "C2 rolled back with it";

  sdk::Record allowed = SweepEnd();
  allowed.Set("max_delete_fraction", sdk::Value::Double(0.9));
  EXPECT_EQ(Apply({Present("C2"), allowed}, "sweep-2").deleted, 8u) << "the connector's fraction decides";
}

TEST_P(KeysetSweepSinkTest, ASweepRecordReadWronglyEndsTheBatch) {
  StoreParties(Ids(1, 2));
  sdk::Record nameless = Present("");
  EXPECT_THAT(Refused({nameless}, "x").message(), HasSubstr("PRESENT record sweep: has no id"));
  sdk::Record unknown = SweepEnd();
  unknown.entity = "parrot";
  EXPECT_THAT(Refused({unknown}, "x").message(),
              HasSubstr("SWEEP_END record sweep:end is of entity 'parrot', which the model does not have"));
  sdk::Record bad_fraction = SweepEnd();
  bad_fraction.Set("max_delete_fraction", sdk::Value::String("lots"));
  EXPECT_THAT(Refused({bad_fraction}, "x").message(), HasSubstr("max_delete_fraction 'lots' is not a number"));
  sdk::Record too_big = SweepEnd();
  too_big.Set("max_delete_fraction", sdk::Value::Decimal("2"));
  EXPECT_THAT(Refused({too_big}, "x").message(), HasSubstr("is not between 0 and 1"));
  EXPECT_EQ(DeletedLinks(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM quarantine"), 0);
}

TEST_P(KeysetSweepSinkTest, ASweepOfAnotherEntityOfTheJobDeletesOnlyThatEntitysRecords) {
  StoreParties(Ids(1, 2));
  jobs_["specialities"] = SinkJob{Mapping("speciality", {"code", "name"}), "erp"};
  ApplyAs("specialities", {Record("speciality", "S1", {{"code", "a"}, {"name", "A"}})}, "1");
  sdk::Record end = SweepEnd("");
  end.entity = "speciality";
  end.Set("max_delete_fraction", sdk::Value::Int64(1));
  EXPECT_EQ(ApplyAs("specialities", {end}, "2").deleted, 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM source_links WHERE deleted_at IS NOT NULL AND entity = 'speciality'"), 1);
  EXPECT_EQ(DeletedLinks(), 1) << "the parties stay";
}

INSTANTIATE_TEST_SUITE_P(Engines, KeysetSweepSinkTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::sync
