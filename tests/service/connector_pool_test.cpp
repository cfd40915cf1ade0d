// One connector instance per configured connector, shared by the jobs on it, whose calls never overlap.
#include "service/connector_pool.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "service/service_store_fixture.hpp"
#include "service/sync_jobs.hpp"

namespace hub::service {
namespace {

constexpr char kLoop[] = R"(<connector name="loop" plugin="test_loop"/>)";
constexpr char kFromLoop[] = R"(<job name="from_loop" connector="loop">
  <mapping entity="party"><field target="kind" value="organization"/><field target="name" source="name"/></mapping>
</job>)";

sdk::OutboundEvent Event(const std::string& id) {
  return sdk::OutboundEvent{"party.created", "party", "1", "{}", id, 0};
}

class ConnectorPoolTest : public test::ServiceStoreTest {
 protected:
  SystemClock clock_;
  MetricsRegistry metrics_;
};

TEST_P(ConnectorPoolTest, ASyncJobReadsFromTheInstanceItsConnectorHandedEventsTo) {
  auto setup = LoadSetup(kLoop, kFromLoop);
  ASSERT_NE(setup, nullptr);
  auto pool = std::make_shared<ConnectorPool>(setup, clock_);
  sdk::Result<PooledConnector*> loop = pool->Find("loop");
  ASSERT_TRUE(loop.ok()) << loop.status().ToString();
  sdk::Result<std::size_t> taken = (*loop)->WriteEvents({Event("e-1"), Event("e-2")}, CancellationToken());
  ASSERT_TRUE(taken.ok()) << taken.status().ToString();
  ASSERT_EQ(*taken, 2u);

  auto jobs = std::make_shared<SyncJobs>(setup, pool, store(), metrics_, clock_, "hub-a");
  sync::SyncRunResult result = jobs->Run("from_loop", false, CancellationToken());
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.inserted, 2u) << "the sync job read the instance the events were handed to";
}

TEST_P(ConnectorPoolTest, CallsOnOneConnectorFromSeveralThreadsNeverOverlap) {
  auto setup = LoadSetup(kLoop, kFromLoop);
  ASSERT_NE(setup, nullptr);
  ConnectorPool pool(setup, clock_);
  sdk::Result<PooledConnector*> loop = pool.Find("loop");
  ASSERT_TRUE(loop.ok()) << loop.status().ToString();
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const bool ok = t % 2 == 0
                            ? (*loop)->ReadBatch("", 10, CancellationToken()).ok()
                            : (*loop)->WriteEvents({Event(std::to_string(t * 100 + i))}, CancellationToken()).ok();
        if (!ok) ++failed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failed.load(), 0) << "calls on the instance overlapped";
}

TEST_P(ConnectorPoolTest, AnUnknownConnectorIsNotFoundNamingTheConfiguredOnes) {
  auto setup = LoadSetup(kLoop, kFromLoop);
  ASSERT_NE(setup, nullptr);
  ConnectorPool pool(setup, clock_);
  sdk::Result<PooledConnector*> missing = pool.Find("crm");
  EXPECT_EQ(missing.status().code(), sdk::StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "no connector named 'crm' (connectors: loop)");
}

INSTANTIATE_TEST_SUITE_P(Engines, ConnectorPoolTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::service
