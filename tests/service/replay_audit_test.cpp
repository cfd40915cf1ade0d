// The audit row of `hub quarantine replay`, on both engines: written inside the replay's transactions, so
// a replay that stops after committing (killed before it could say how it ended) is still audited with
// what it committed.
#include "service/replay_audit.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "sync/sink_fixture.hpp"

namespace hub::service {
namespace {

using sdk::Value;

sdk::Record Customer(const std::string& id, const std::string& kind) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "customers.csv:" + id;
  record.Set("kind", Value::String(kind));
  record.Set("name", Value::String("客户" + id));
  return record;
}

class ReplayAuditTest : public sync::test::SinkTest {
 protected:
  // Quarantines customer C1 (kind "company" is no party kind), then fixes the mapping.
  void QuarantineThenFix() {
    jobs_["customers"] = sync::SinkJob{sync::test::EntityMapping("party", {{"kind", "kind"}, {"name", "name"}}), "erp"};
    Apply({Customer("C1", "company")}, "1");
    ASSERT_EQ(Count("SELECT COUNT(*) FROM quarantine WHERE resolved_at IS NULL"), 1);
    config::MappingFieldConfig kind;
    kind.target = "kind";
    kind.constant = "organization";
    jobs_["customers"] = sync::SinkJob{sync::test::EntityMapping("party", {{"name", "name"}}, {kind}), "erp"};
  }

  sdk::Status Replay(ReplayAudit& audit, sync::ReplayResult& result) {
    return sink_->Replay(filter_, result, [&audit](odbc::Connection& connection, const sync::ReplayResult& so_far) {
      return audit.Journal(connection, so_far);
    });
  }

  // Replays filter_'s entries and finishes the audit: the after_data of its row.
  boost::json::value ReplayToTheEnd() {
    ReplayAudit audit("wang.fang", filter_);
    sync::ReplayResult result;
    const sdk::Status replayed = Replay(audit, result);
    EXPECT_TRUE(replayed.ok()) << replayed.ToString();
    EXPECT_TRUE(audit.Finish(*database_, result, replayed).ok());
    return AuditRow();
  }

  // The after_data of the one replay audit row.
  boost::json::value AuditRow() {
    std::vector<odbc::Row> rows =
        QueryRows("SELECT actor, entity_id, after_data FROM audit_log WHERE action = 'quarantine replay'");
    EXPECT_EQ(rows.size(), 1u);
    if (rows.size() != 1) return {};
    EXPECT_EQ(rows[0][0].text(), "operator:wang.fang");
    EXPECT_EQ(rows[0][1].text(), "job=customers");
    return boost::json::parse(rows[0][2].text());
  }

  store_model::QuarantineFilter filter_{"customers", "", "", "", std::nullopt};
};

TEST_P(ReplayAuditTest, AReplayStoppedAfterItsCommitIsAuditedWithWhatItCommitted) {
  QuarantineThenFix();
  ReplayAudit audit("wang.fang", filter_);
  sync::ReplayResult result;
  ASSERT_TRUE(Replay(audit, result).ok());
  // The process is killed here, before Finish: the committed replay is in the audit log all the same.
  ASSERT_EQ(Count("SELECT COUNT(*) FROM parties"), 1);
  boost::json::value after = AuditRow();
  EXPECT_EQ(after.at("inserted").to_number<std::int64_t>(), 1);
  EXPECT_EQ(after.at("resolved").to_number<std::int64_t>(), 1);
  EXPECT_EQ(after.at("outcome").as_string(), "unfinished");
}

TEST_P(ReplayAuditTest, AFinishedReplayHasOneRowWithItsOutcome) {
  QuarantineThenFix();
  boost::json::value after = ReplayToTheEnd();
  EXPECT_EQ(after.at("inserted").to_number<std::int64_t>(), 1);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
}

TEST_P(ReplayAuditTest, AReplayThatSelectsNothingIsAuditedToo) {
  boost::json::value after = ReplayToTheEnd();
  EXPECT_EQ(after.at("read").to_number<std::int64_t>(), 0);
  EXPECT_EQ(after.at("outcome").as_string(), "ok");
}

INSTANTIATE_TEST_SUITE_P(Engines, ReplayAuditTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
