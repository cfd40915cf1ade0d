// Several hubs on one store: a sync job runs on one hub at a time and once per schedule tick, and a lease
// whose holder stopped renewing it is taken over. Two SyncJobs (two hub processes' worth) share one store
// and one injected clock.
#include "service/job_leases.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/lease_owner.hpp"
#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"
#include "support/local_process.hpp"

namespace hub::service {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::HasSubstr;

TimePoint At(int minute, int second = 0) {
  return TimePoint(std::chrono::hours(24 * 20000) + minutes(minute) + seconds(second));
}

std::string Jobs(const std::string& schedule) {
  return R"(<job name="customers" connector="crm" )" + schedule + R"( batch_size="1">
  <mapping entity="party" id="id"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>)";
}

class JobLeasesTest : public test::ServiceStoreTest {
 protected:
  // Two hubs, a and b, with the same configuration (`schedule` on job "customers") on the test's store.
  void StartHubs(const std::string& schedule) {
    const auto csv = files_.Write("customers.csv", "id,name\nC1,One\nC2,Two\nC3,Three\n");
    setup_ = LoadSetup(R"(<connector name="crm" plugin="file"><path>)" + csv.string() + "</path></connector>",
                       Jobs(schedule));
    ASSERT_NE(setup_, nullptr);
    for (const char* owner : {"hub-a", "hub-b"}) {
      auto pool = std::make_shared<ConnectorPool>(setup_, clock_);
      hubs_.push_back(std::make_shared<SyncJobs>(setup_, pool, store(), metrics_, clock_, owner));
    }
  }
  // Hub `hub`'s scheduled run for the tick due at `due`.
  JobOutcome Tick(std::size_t hub, TimePoint due) {
    clock_.Set(std::max(clock_.Now(), due));
    return hubs_.at(hub)->Specs().at(0).run(JobRun{CancellationToken(), due});
  }
  std::int64_t AuditedRuns() {
    return QueryValue("SELECT COUNT(*) FROM audit_log WHERE action = 'sync' AND entity_id = 'customers'").integer();
  }
  JobLeases Leases(const std::string& owner) { return JobLeases(store(), clock_, owner, seconds(30)); }

  ManualClock clock_{At(0)};
  MetricsRegistry metrics_;
  std::shared_ptr<const HubSetup> setup_;
  std::vector<std::shared_ptr<SyncJobs>> hubs_;
};

TEST_P(JobLeasesTest, ACronTickRunsOnOneHubOnlyAndTheNextTickOnWhicheverComesFirst) {
  StartHubs(R"(cron="*/5 * * * *")");
  JobOutcome a = Tick(0, At(5));
  EXPECT_FALSE(a.skipped);
  EXPECT_TRUE(a.status.ok()) << a.status.ToString();
  EXPECT_TRUE(Tick(1, At(5)).skipped) << "hub b's tick of 00:05 came after hub a had run it";
  JobOutcome b = Tick(1, At(10));
  EXPECT_FALSE(b.skipped);
  EXPECT_TRUE(Tick(0, At(10)).skipped);
  EXPECT_EQ(AuditedRuns(), 2);
  EXPECT_EQ(metrics_.RenderPrometheus().find(R"(hub_sync_runs_total{job="customers",result="skipped"} 2)") !=
                std::string::npos,
            true)
      << metrics_.RenderPrometheus();
}

TEST_P(JobLeasesTest, IntervalTicksOfHubsThatFallApartRunTheJobOncePerInterval) {
  StartHubs(R"(every="5m")");
  EXPECT_FALSE(Tick(0, At(0)).skipped);
  EXPECT_TRUE(Tick(1, At(2)).skipped) << "2 minutes after a's run: the same interval";
  EXPECT_FALSE(Tick(1, At(3)).skipped) << "3 minutes after a's run: more than half an interval";
  EXPECT_TRUE(Tick(0, At(5)).skipped) << "2 minutes after b's run";
  EXPECT_FALSE(Tick(1, At(8)).skipped);
  EXPECT_EQ(AuditedRuns(), 3);
}

TEST_P(JobLeasesTest, ARunOnDemandIgnoresTicksButNotAnotherHubsLease) {
  StartHubs(R"(cron="*/5 * * * *")");
  ASSERT_FALSE(Tick(0, At(5)).skipped);
  JobLeases a = Leases("hub-a");
  ASSERT_FALSE(a.Take("customers", std::nullopt)->has_value()) << "hub a runs the job (again)";
  sync::SyncRunResult refused = hubs_[1]->Run("customers", false, CancellationToken());
  EXPECT_EQ(refused.status.code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(refused.status.message(),
              HasSubstr("job 'customers' is running on another hub: hub hub-a holds its lease"));
  ASSERT_TRUE(a.Release("customers").ok());
  sync::SyncRunResult run = hubs_[1]->Run("customers", true, CancellationToken());
  EXPECT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_EQ(run.counts.read, 3u) << "the tick was run, but a run on demand does not care";
}

TEST_P(JobLeasesTest, ALapsedLeaseIsTakenOverAndItsOldHolderLearnsAtItsNextRenewal) {
  StartHubs(R"(cron="*/5 * * * *")");
  JobLeases a = Leases("hub-a");
  JobLeases b = Leases("hub-b");
  ASSERT_FALSE(a.Take("customers", std::nullopt)->has_value());
  clock_.Advance(seconds(29));
  auto held = b.Take("customers", std::nullopt);
  ASSERT_TRUE(held.ok() && held->has_value());
  EXPECT_EQ((*held)->why, LeaseRefusal::Why::kHeld);
  clock_.Advance(seconds(1));  // 30 s after a's claim without renewal: lapsed
  EXPECT_FALSE(b.Take("customers", std::nullopt)->has_value()) << "b took the lapsed lease over";
  sdk::Status renewed = a.Renew("customers");
  EXPECT_EQ(renewed.code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(renewed.message(), HasSubstr("another hub took the job over"));
}

TEST_P(JobLeasesTest, ARunRenewsItsLeaseBetweenBatchesAndReleasesItAtTheEnd) {
  StartHubs(R"(cron="*/5 * * * *")");
  JobLeases b = Leases("hub-b");
  int batches = 0;
  bool b_took_it = false;
  sync::SyncRunResult run = hubs_[0]->Run("customers", false, CancellationToken(), [&](const sync::SyncProgress&) {
    clock_.Advance(seconds(25));  // each batch takes 25 s: only a renewed lease outlives the second one
    ++batches;
    auto taken = b.Take("customers", std::nullopt);
    b_took_it = b_took_it || (taken.ok() && !taken->has_value());
  });
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  EXPECT_GE(batches, 3);
  EXPECT_FALSE(b_took_it);
  EXPECT_TRUE(QueryValue("SELECT lease_owner FROM job_leases WHERE job = 'customers'").is_null());
  EXPECT_FALSE(b.Take("customers", std::nullopt)->has_value()) << "released: free for anyone";
}

TEST_P(JobLeasesTest, AHolderOnThisHostWhoseProcessIsGoneIsTakenOverAtOnce) {
  StartHubs(R"(cron="*/5 * * * *")");
  const pid_t child = hub::test::GonePid();
  ASSERT_GT(child, 0);
  JobLeases gone = Leases(hub::test::LocalOwner("hub", child));
  ASSERT_FALSE(gone.Take("customers", std::nullopt)->has_value());
  JobLeases alive = Leases(MakeLeaseOwner("hub"));  // this very process: alive
  ASSERT_FALSE(alive.Take("customers", std::nullopt)->has_value()) << "the gone process's claim was taken at once";
  auto refused = Leases("hub-b").Take("customers", std::nullopt);
  ASSERT_TRUE(refused.ok() && refused->has_value()) << "a live process's claim holds";
  EXPECT_THAT((*refused)->message, HasSubstr(alive.owner()));
}

INSTANTIATE_TEST_SUITE_P(Engines, JobLeasesTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
