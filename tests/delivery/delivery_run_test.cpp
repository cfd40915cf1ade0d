// RunDelivery on both engines, from events the real sink wrote to subscribers behind the real test plugin.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery/delivery_queries.hpp"
#include "delivery_fixture.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::BackendName;
using ::testing::HasSubstr;

class DeliveryRunTest : public DeliveryTest {
 protected:
  // Four organizations, then two updates of each: 12 events, 3 per aggregate.
  void SyncTwelveEvents() {
    for (const std::string version : {"", " v2", " v3"}) {
      SyncParties({{"C1", "Acme" + version, "CN"},
                   {"C2", "Beta" + version, "US"},
                   {"C3", "Gamma" + version, "CN"},
                   {"C4", "Delta" + version, "HK"}});
    }
    ASSERT_EQ(OutboxEventIds().size(), 12u);
  }
};

TEST_P(DeliveryRunTest, DeliversEveryEventOnceInOutboxOrderWithItsEventId) {
  SyncTwelveEvents();
  auto erp = Connector("erp");
  DeliveryRunResult result = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.delivered, 12u);
  std::vector<Taken> taken = Recorded("erp");
  ASSERT_EQ(taken.size(), 12u);
  ExpectOnceInOrder(taken, OutboxEventIds());
  EXPECT_EQ(taken[0].kind, "party.created");
  EXPECT_EQ(taken[0].entity, "party");
  EXPECT_THAT(taken[0].payload, HasSubstr("Acme"));

  DeliveryRunResult again = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(again.counts.delivered, 0u);
  EXPECT_EQ(Recorded("erp").size(), 12u);
}

TEST_P(DeliveryRunTest, AnEventFailingNTimesThenRecoveringArrivesOnceInOrderPerAggregate) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"fail_first", "3"}});
  DeliveryCounts counts = RunUntilQuiet(Subscriber("erp"), *erp);
  EXPECT_EQ(counts.failed_attempts, 3u);
  EXPECT_EQ(counts.dead_lettered, 0u);
  EXPECT_EQ(counts.delivered, 12u);
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
}

TEST_P(DeliveryRunTest, AFailingLaneWaitsForItsBackoffWhileTheOthersFlow) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"fail_first", "1"}});
  DeliveryRunResult first = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(first.counts.failed_attempts, 1u);
  EXPECT_GT(first.counts.delivered, 0u);
  EXPECT_LT(first.counts.delivered, 12u);
  sdk::Result<std::vector<SubscriberState>> states = DeliveryStates(*database_, {"erp"});
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  ASSERT_EQ(states->at(0).retrying.size(), 1u);
  const RetryingLane& retrying = states->at(0).retrying[0];
  EXPECT_EQ(retrying.head_event_id, OutboxEventIds().front()) << "the first event failed";
  EXPECT_EQ(retrying.attempts, 1);
  // backoff 1s · (0.5 + 0.5 · 0.5)
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()).count();
  EXPECT_EQ(retrying.next_attempt_at_ms, now + 750);
  EXPECT_THAT(retrying.last_error, HasSubstr("the test system is down"));

  DeliveryRunResult early = Run(Subscriber("erp"), *erp);
  EXPECT_EQ(early.counts.delivered, 0u) << "the lane waits for its backoff";
  clock_.Advance(std::chrono::milliseconds(750));
  DeliveryRunResult due = Run(Subscriber("erp"), *erp);
  EXPECT_EQ(first.counts.delivered + due.counts.delivered, 12u);
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
}

TEST_P(DeliveryRunTest, ALanePassingAHeadEventItNoLongerMatchesIsNoLongerRetrying) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"fail_first", "1"}});
  ASSERT_EQ(Run(Subscriber("erp"), *erp).counts.failed_attempts, 1u);
  Subscription updates_only = Subscriber("erp");
  updates_only.events = {{"party", {"party.updated"}}};
  clock_.Advance(std::chrono::seconds(1));
  DeliveryRunResult result = Run(updates_only, *erp);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.skipped, 1u) << "the failed party.created";
  sdk::Result<std::vector<SubscriberState>> states = DeliveryStates(*database_, {"erp"});
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  EXPECT_TRUE(states->at(0).retrying.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes WHERE attempts > 0 OR last_error IS NOT NULL"), 0);
}

TEST_P(DeliveryRunTest, AnEventFailingAfterItsLanesSkippedHeadEventIsAtItsFirstAttempt) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"fail_first", "1"}});
  ASSERT_EQ(Run(Subscriber("erp"), *erp).counts.failed_attempts, 1u);  // C1's party.created
  Subscription updates_only = Subscriber("erp");
  updates_only.events = {{"party", {"party.updated"}}};
  clock_.Advance(std::chrono::seconds(1));
  auto down = Connector("down", {{"fail_first", "1"}});
  DeliveryRunResult result = Run(updates_only, *down);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.failed_attempts, 1u) << "C1's first update";
  sdk::Result<std::vector<SubscriberState>> states = DeliveryStates(*database_, {"erp"});
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  ASSERT_EQ(states->at(0).retrying.size(), 1u);
  EXPECT_EQ(states->at(0).retrying[0].attempts, 1) << "the skipped party.created's attempt is not this event's";
}

TEST_P(DeliveryRunTest, AConnectorTakingAPrefixIsOfferedTheRestAtOnce) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"accept_per_call", "2"}});
  DeliveryRunResult result = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.delivered, 12u);
  EXPECT_EQ(result.counts.failed_attempts, 0u);
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
}

TEST_P(DeliveryRunTest, AConnectorTakingOneAtATimeIsOfferedABoundedWindowNotTheWholeRestEachTime) {
  SyncTwelveEvents();
  auto erp = Connector("erp", {{"accept_per_call", "1"}});
  std::size_t offered = 0;
  DeliveryRunOptions options;
  options.owner = "hub-a@test:1:0000000a";
  DeliveryRunResult result = RunDelivery(
      *database_, Subscriber("erp"),
      [&](const std::vector<sdk::OutboundEvent>& events) {
        offered += events.size();
        return erp->WriteEvents(events);
      },
      options, clock_, cancel_);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.delivered, 12u);
  ExpectOnceInOrder(Recorded("erp"), OutboxEventIds());
  EXPECT_LE(offered, 3u * 12u) << "each event offered a few times, not once per event before it (78)";
}

TEST_P(DeliveryRunTest, ASubscriberThatKeepsFailingDeadLettersAfterMaxAttemptsWhileAnotherKeepsFlowing) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}, {"C3", "Gamma", "CN"}});
  Subscription down = Subscriber("down");
  down.max_attempts = 3;
  auto down_connector = Connector("down", {{"fail_first", "1000000"}});
  auto up_connector = Connector("up");
  DeliveryCounts down_counts;
  for (int run = 0; run < 12; ++run) {
    DeliveryRunResult up = Run(Subscriber("up"), *up_connector);
    ASSERT_TRUE(up.status.ok()) << up.status.ToString();
    DeliveryRunResult failing = Run(down, *down_connector);
    ASSERT_TRUE(failing.status.ok()) << failing.status.ToString();
    down_counts.dead_lettered += failing.counts.dead_lettered;
    down_counts.failed_attempts += failing.counts.failed_attempts;
    clock_.Advance(std::chrono::minutes(11));
  }
  EXPECT_EQ(down_counts.dead_lettered, 3u);
  EXPECT_EQ(down_counts.failed_attempts, 9u);
  ExpectOnceInOrder(Recorded("up"), OutboxEventIds());
  EXPECT_TRUE(Recorded("down").empty());
  sdk::Result<std::vector<DeadLetter>> dead = ListDeadLetters(*database_, "down", 10);
  ASSERT_TRUE(dead.ok()) << dead.status().ToString();
  ASSERT_EQ(dead->size(), 3u);
  EXPECT_EQ(dead->at(0).event_id, OutboxEventIds().front());
  EXPECT_EQ(dead->at(0).attempts, 3);
  EXPECT_EQ(dead->at(0).kind, "party.created");
  EXPECT_THAT(dead->at(0).last_error, HasSubstr("the test system is down"));
  sdk::Result<std::vector<SubscriberState>> states = DeliveryStates(*database_, {"down", "up", "never_run"});
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  EXPECT_EQ(states->at(0).dead_letters, 3);
  EXPECT_TRUE(states->at(0).retrying.empty());
  EXPECT_EQ(states->at(1).delivered, 3);
  EXPECT_EQ(states->at(1).lanes, 4);
  EXPECT_TRUE(states->at(1).started);
  EXPECT_FALSE(states->at(2).started);
  EXPECT_EQ(states->at(2).pending, 3) << "a subscriber that never ran is behind by every event";
  EXPECT_EQ(states->at(1).pending, 0);
}

TEST_P(DeliveryRunTest, ARefusedEventDeadLettersAtOnceAndTheLaterEventsOfItsAggregateStillFlow) {
  SyncParties({{"C1", "Refuse me", "CN"}, {"C2", "Beta", "US"}});
  SyncParties({{"C1", "Acme", "CN"}});
  auto erp = Connector("erp", {{"refuse_containing", "Refuse me"}});
  DeliveryRunResult result = Run(Subscriber("erp"), *erp);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.dead_lettered, 1u);
  EXPECT_EQ(result.counts.delivered, 2u);
  const std::vector<std::string> ids = OutboxEventIds();
  ExpectOnceInOrder(Recorded("erp"), {ids[1], ids[2]});
  sdk::Result<std::vector<DeadLetter>> dead = ListDeadLetters(*database_, "erp", 10);
  ASSERT_TRUE(dead.ok()) << dead.status().ToString();
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ(dead->at(0).event_id, ids[0]);
  EXPECT_EQ(dead->at(0).attempts, 1);
  EXPECT_THAT(dead->at(0).last_error, HasSubstr("refuses event " + ids[0]));
}

TEST_P(DeliveryRunTest, AReplayDeliversTheDeadLettersOnce) {
  SyncParties({{"C1", "Refuse me", "CN"}, {"C2", "Refuse me too", "US"}, {"C3", "Gamma", "CN"}});
  {
    auto refusing = Connector("refusing", {{"refuse_containing", "Refuse me"}});
    ASSERT_EQ(Run(Subscriber("erp"), *refusing).counts.dead_lettered, 2u);
  }
  auto fixed = Connector("fixed");
  sdk::Result<std::size_t> requested = RequestReplay(*database_, "erp", {}, clock_);
  ASSERT_TRUE(requested.ok()) << requested.status().ToString();
  EXPECT_EQ(*requested, 2u);
  sdk::Result<std::vector<DeadLetter>> dead = ListDeadLetters(*database_, "erp", 10);
  ASSERT_TRUE(dead.ok());
  EXPECT_EQ(dead->at(0).replay_requested_at_ms,
            std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()).count())
      << "stamped with the hub's clock";

  DeliveryRunResult replay = Run(Subscriber("erp"), *fixed);
  ASSERT_TRUE(replay.status.ok()) << replay.status.ToString();
  EXPECT_EQ(replay.counts.replayed, 2u);
  EXPECT_EQ(replay.counts.delivered, 0u);
  DeliveryRunResult again = Run(Subscriber("erp"), *fixed);
  EXPECT_EQ(again.counts.replayed, 0u);
  const std::vector<std::string> ids = OutboxEventIds();
  ExpectOnceInOrder(Recorded("fixed"), {ids[0], ids[1]});
  dead = ListDeadLetters(*database_, "erp", 10);
  ASSERT_TRUE(dead.ok());
  EXPECT_TRUE(dead->empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_dead_letters WHERE replayed_at IS NOT NULL"), 2);
}

TEST_P(DeliveryRunTest, AReplayOfChosenEventsWhileTheSystemIsDownStaysRequested) {
  SyncParties({{"C1", "Refuse me", "CN"}, {"C2", "Refuse me too", "US"}});
  {
    auto refusing = Connector("refusing", {{"refuse_containing", "Refuse"}});
    ASSERT_EQ(Run(Subscriber("erp"), *refusing).counts.dead_lettered, 2u);
  }
  const std::vector<std::string> ids = OutboxEventIds();
  sdk::Result<std::vector<std::int64_t>> outbox_ids = OutboxIdsOfEvents(*database_, {ids[1]});
  ASSERT_TRUE(outbox_ids.ok()) << outbox_ids.status().ToString();
  ASSERT_EQ(*RequestReplay(*database_, "erp", *outbox_ids, clock_), 1u);
  auto down = Connector("down", {{"fail_first", "1"}});
  DeliveryRunResult failed = Run(Subscriber("erp"), *down);
  EXPECT_EQ(failed.counts.replayed, 0u);
  EXPECT_EQ(failed.counts.failed_attempts, 1u);
  DeliveryRunResult early = Run(Subscriber("erp"), *down);
  EXPECT_EQ(early.counts.replayed + early.counts.failed_attempts, 0u) << "the replay waits for its backoff";
  clock_.Advance(std::chrono::milliseconds(1500));  // the 2nd attempt's: 2s · (0.5 + 0.5 · 0.5)
  DeliveryRunResult replayed = Run(Subscriber("erp"), *down);
  EXPECT_EQ(replayed.counts.replayed, 1u);
  ExpectOnceInOrder(Recorded("down"), {ids[1]});
  sdk::Result<std::vector<DeadLetter>> dead = ListDeadLetters(*database_, "erp", 10);
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ(dead->at(0).event_id, ids[0]);
  EXPECT_FALSE(dead->at(0).replay_requested_at_ms.has_value());
}

TEST_P(DeliveryRunTest, ALostLeaseStopsTheRunWithoutMovingTheLanes) {
  SyncTwelveEvents();
  auto erp = Connector("erp");
  DeliveryRunOptions options;
  options.owner = "hub-a@test:1:0000000a";
  options.batch_size = 5;
  bool stolen = false;
  DeliveryRunResult result = RunDelivery(
      *database_, Subscriber("erp"),
      [&](const std::vector<sdk::OutboundEvent>& events) {
        if (!stolen) {
          // Another hub took the lanes over (this one was paused past its lease, say).
          EXPECT_TRUE(
              connection_->ExecuteUpdate("UPDATE delivery_lanes SET lease_owner = 'hub-b@test:2:0000000b'").ok());
          stolen = true;
        }
        return erp->WriteEvents(events);
      },
      options, clock_, cancel_);
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kUnavailable) << result.status.ToString();
  EXPECT_THAT(result.status.message(), HasSubstr("was taken over by another hub"));
  EXPECT_EQ(Recorded("erp").size(), 5u) << "the first batch only";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes WHERE position <> 0 OR lease_owner <> 'hub-b@test:2:0000000b'"),
            0);
}

TEST_P(DeliveryRunTest, ACancelledRunStopsBetweenBatches) {
  SyncTwelveEvents();
  auto erp = Connector("erp");
  cancel_.Cancel();
  DeliveryRunResult result = Run(Subscriber("erp"), *erp);
  EXPECT_EQ(result.status.code(), sdk::StatusCode::kCancelled);
  EXPECT_TRUE(Recorded("erp").empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes WHERE lease_owner IS NOT NULL"), 0) << "leases released";
}

TEST_P(DeliveryRunTest, KindsEntitiesAndFiltersChooseTheEvents) {
  SyncTwelveEvents();
  Subscription created_in_china = Subscriber("china");
  created_in_china.events = {{"party", {"party.created"}}};
  created_in_china.filters = {{"country", {"CN", "HK"}}};
  auto china = Connector("china");
  DeliveryRunResult result = Run(created_in_china, *china);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.counts.delivered, 3u);
  EXPECT_EQ(result.counts.skipped, 9u);
  std::vector<std::string> names;
  for (const Taken& taken : Recorded("china")) {
    EXPECT_EQ(taken.kind, "party.created");
    names.push_back(taken.id);
  }
  EXPECT_EQ(names.size(), 3u);

  Subscription by_source = Subscriber("by_source");
  by_source.filters = {{"source_system", {"erp"}}, {"name", {"Beta v3"}}};
  auto source = Connector("by_source");
  EXPECT_EQ(Run(by_source, *source).counts.delivered, 1u);

  Subscription orders = Subscriber("orders");
  orders.events = {{"order", {}}};
  auto none = Connector("orders");
  DeliveryRunResult nothing = Run(orders, *none);
  EXPECT_EQ(nothing.counts.delivered, 0u);
  EXPECT_EQ(nothing.counts.skipped, 12u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes WHERE subscriber = 'orders' AND position < 12"), 0)
      << "events that do not match are passed";
}

TEST_P(DeliveryRunTest, StartLatestDeliversOnlyEventsCommittedAfterTheFirstRun) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}});
  Subscription latest = Subscriber("latest");
  latest.start = Subscription::Start::kLatest;
  auto connector = Connector("latest");
  EXPECT_EQ(Run(latest, *connector).counts.delivered, 0u);
  SyncParties({{"C3", "Gamma", "CN"}});
  EXPECT_EQ(Run(latest, *connector).counts.delivered, 1u);
  ExpectOnceInOrder(Recorded("latest"), {OutboxEventIds().back()});
}

TEST_P(DeliveryRunTest, OutboxRowsEverySubscriberPassedArePublishedAndDeletedAWeekLater) {
  SyncParties({{"C1", "Refuse me", "CN"}, {"C2", "Beta", "US"}, {"C3", "Gamma", "CN"}});
  auto a = Connector("a", {{"refuse_containing", "Refuse me"}});
  auto b = Connector("b");
  DeliveryRunOptions options;
  options.owner = "hub-a@test:1:0000000a";
  options.all_subscribers = {"a", "b"};
  auto run = [&](const std::string& name, plugin_host::ConnectorInstance& connector) {
    DeliveryRunResult result = RunDelivery(
        *database_, Subscriber(name),
        [&](const std::vector<sdk::OutboundEvent>& events) { return connector.WriteEvents(events); }, options, clock_,
        cancel_);
    EXPECT_TRUE(result.status.ok()) << result.status.ToString();
  };
  run("a", *a);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NOT NULL"), 0) << "b has not run yet";
  run("b", *b);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NOT NULL"), 3);
  clock_.Advance(std::chrono::hours(24 * 7 + 1));
  SyncParties({{"C4", "Delta", "CN"}});
  run("a", *a);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 2) << "the dead letter's event and the new one are kept";
  sdk::Result<std::vector<DeadLetter>> dead = ListDeadLetters(*database_, "a", 10);
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ(dead->at(0).kind, "party.created");
}

TEST_P(DeliveryRunTest, ARunWithoutOwnerOrBatchSizeIsRefusedBeforeAnythingMoves) {
  SyncTwelveEvents();
  auto erp = Connector("erp");
  const Deliver deliver = [&](const std::vector<sdk::OutboundEvent>& events) { return erp->WriteEvents(events); };
  DeliveryRunOptions no_batch;
  no_batch.owner = "hub-a@test:1:0000000a";
  no_batch.batch_size = 0;
  EXPECT_EQ(RunDelivery(*database_, Subscriber("erp"), deliver, no_batch, clock_, cancel_).status.code(),
            sdk::StatusCode::kInvalidArgument);
  DeliveryRunOptions no_owner;
  EXPECT_EQ(RunDelivery(*database_, Subscriber("erp"), deliver, no_owner, clock_, cancel_).status.code(),
            sdk::StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM delivery_lanes"), 0);
  EXPECT_TRUE(Recorded("erp").empty());
}

TEST_P(DeliveryRunTest, AnEventIdOfAnotherStoreIsRefusedForReplay) {
  sdk::Result<std::vector<std::int64_t>> ids = OutboxIdsOfEvents(*database_, {"0123abcd-7"});
  EXPECT_EQ(ids.status().code(), sdk::StatusCode::kInvalidArgument);
  EXPECT_THAT(ids.status().message(), HasSubstr("is not an event id of this store"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DeliveryRunTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::delivery::test
