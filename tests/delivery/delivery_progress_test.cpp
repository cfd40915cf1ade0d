// How a run makes progress when its subscriber's system is slow or down, on both engines: a retry-later
// failure ends the batch (so a batch never outlasts its lease on timeouts), and a lane out of a long
// backoff does not hold back the lanes that are ahead.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "delivery/delivery_queries.hpp"
#include "delivery/lanes.hpp"
#include "delivery/outbox_event.hpp"
#include "delivery_fixture.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::BackendName;

constexpr char kOwner[] = "hub-a@test:1:0000000a";
constexpr char kOtherHub[] = "hub-b@test:2:0000000b";

class DeliveryProgressTest : public DeliveryTest {
 protected:
  DeliveryRunResult RunWith(const Subscription& subscription, const Deliver& deliver, std::size_t batch_size) {
    DeliveryRunOptions options;
    options.owner = kOwner;
    options.batch_size = batch_size;
    options.random = [] { return 0.5; };
    return RunDelivery(*database_, subscription, deliver, options, clock_, cancel_);
  }
};

TEST_P(DeliveryProgressTest, ARetryLaterFailureEndsTheBatchSoTimeoutsNeverOutlastTheLease) {
  SyncParties({{"C1", "Acme", "CN"},
               {"C2", "Beta", "US"},
               {"C3", "Gamma", "CN"},
               {"C4", "Delta", "HK"},
               {"C5", "Epsilon", "CN"},
               {"C6", "Zeta", "US"},
               {"C7", "Eta", "CN"},
               {"C8", "Theta", "HK"}});
  Subscription erp = Subscriber("erp");
  erp.lanes = 8;
  erp.max_attempts = 2;
  erp.backoff = erp.max_backoff = std::chrono::hours(1);  // no lane is due again within the run
  auto down = Connector("erp", {{"fail_first", "1000000"}});
  const std::chrono::milliseconds lease = DeliveryRunOptions{}.lease;
  // Each call times out after longer than the lease; between calls another hub claims what has expired.
  const Deliver slow = [&](const std::vector<sdk::OutboundEvent>& events) {
    auto claimed = ClaimLanes(*connection_, "erp", {kOtherHub, NowMs() + lease.count()}, NowMs());
    EXPECT_TRUE(claimed.ok()) << claimed.status().ToString();
    sdk::Result<std::size_t> taken = down->WriteEvents(events);
    if (!taken.ok()) clock_.Advance(lease + std::chrono::milliseconds(1));
    return taken;
  };
  DeliveryRunResult first = RunWith(erp, slow, 100);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes WHERE lease_owner IS NOT NULL"), 0)
      << "no lane was taken over, and the run let go of its own";
  sdk::Result<std::vector<SubscriberState>> states = DeliveryStates(*database_, {"erp"});
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  const std::vector<RetryingLane>& retrying = states->at(0).retrying;
  ASSERT_GE(retrying.size(), 2u) << "the events span several lanes";
  EXPECT_EQ(first.counts.failed_attempts, retrying.size()) << "one attempt per lane, one per batch";
  for (const RetryingLane& lane : retrying) EXPECT_EQ(lane.attempts, 1);

  clock_.Advance(erp.max_backoff);
  DeliveryRunResult second = RunWith(erp, slow, 100);
  ASSERT_TRUE(second.status.ok()) << second.status.ToString();
  EXPECT_EQ(second.counts.dead_lettered, retrying.size()) << "each lane's head event after its second attempt";
}

TEST_P(DeliveryProgressTest, ALaneOutOfALongBackoffDoesNotHoldBackTheLanesAhead) {
  for (const std::string version : {"", " v2", " v3"}) {
    SyncParties({{"C1", "Acme" + version, "CN"},
                 {"C2", "Beta" + version, "US"},
                 {"C3", "Gamma" + version, "CN"},
                 {"C4", "Delta" + version, "HK"}});
  }
  const Subscription erp = Subscriber("erp");
  const auto lane_of = [&](std::int64_t outbox_id) {
    const odbc::Row row =
        QueryRows("SELECT aggregate, aggregate_id FROM outbox_events WHERE id = " + std::to_string(outbox_id)).at(0);
    return LaneOf(row.at(0).text(), row.at(1).text(), erp.lanes);
  };
  ASSERT_NE(lane_of(1), lane_of(2)) << "C1 and C2 share no lane";
  auto connector = Connector("erp", {{"fail_first", "1"}});
  // C1's first event fails: its lane waits while the others deliver all 12 events' worth.
  DeliveryRunResult first = Run(erp, *connector);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  ASSERT_EQ(first.counts.failed_attempts, 1u);
  clock_.Advance(erp.max_backoff);
  SyncParties({{"C2", "Beta v4", "US"}});
  DeliveryRunResult second = Run(erp, *connector);  // batches of 5
  ASSERT_TRUE(second.status.ok()) << second.status.ToString();
  std::vector<std::int64_t> order;
  for (const Taken& taken : Recorded("erp")) order.push_back(OutboxIdOf(taken.event_id));
  const auto at = [&](std::int64_t id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
  EXPECT_LT(at(13), at(9)) << "C2's new event did not wait for C1's lane to catch up over two batches";
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
}

INSTANTIATE_TEST_SUITE_P(Engines, DeliveryProgressTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::delivery::test
