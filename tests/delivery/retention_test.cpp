// The outbox retention on both engines: rows are deleted the configured time (a week by default) after every
// configured subscriber passed them, never before one that was added later has.
#include <gtest/gtest.h>

#include "delivery_fixture.hpp"

namespace hub::delivery::test {
namespace {

using hub::test::BackendName;

class RetentionTest : public DeliveryTest {
 protected:
  DeliveryRunResult RunWithRetention(const std::string& name, plugin_host::ConnectorInstance& connector,
                                     const std::vector<std::string>& all_subscribers,
                                     std::chrono::milliseconds retention = std::chrono::hours(24 * 7)) {
    DeliveryRunOptions options;
    options.owner = "hub-a@test:1:0000000a";
    options.all_subscribers = all_subscribers;
    options.outbox_retention = retention;
    return RunDelivery(
        *database_, Subscriber(name),
        [&](const std::vector<sdk::OutboundEvent>& events) { return connector.WriteEvents(events); }, options, clock_,
        cancel_);
  }
};

TEST_P(RetentionTest, ASubscriberAddedAWeekLaterStillGetsTheEventsPublishedBeforeIt) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}, {"C3", "Gamma", "CN"}});
  const std::vector<std::string> ids = OutboxEventIds();
  auto first = Connector("first");
  ASSERT_TRUE(RunWithRetention("first", *first, {"first"}).status.ok());
  ASSERT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NOT NULL"), 3);

  clock_.Advance(std::chrono::hours(24 * 7 + 1));
  // The configuration now has a second subscriber, which has not run yet.
  ASSERT_TRUE(RunWithRetention("first", *first, {"first", "late"}).status.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 3) << "late has passed none of them";
  auto late = Connector("late");
  ASSERT_TRUE(RunWithRetention("late", *late, {"first", "late"}).status.ok());
  ExpectOnceInOrder(Recorded("late"), ids);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 0) << "now both have passed them, a week after publishing";
}

TEST_P(RetentionTest, PublishedRowsAreKeptForTheConfiguredRetentionAndDeletedAfterIt) {
  SyncParties({{"C1", "Acme", "CN"}, {"C2", "Beta", "US"}});
  auto only = Connector("only");
  const std::chrono::milliseconds retention = std::chrono::hours(2);
  ASSERT_TRUE(RunWithRetention("only", *only, {"only"}, retention).status.ok());
  ASSERT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE published_at IS NOT NULL"), 2);

  clock_.Advance(std::chrono::hours(1));
  ASSERT_TRUE(RunWithRetention("only", *only, {"only"}, retention).status.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 2) << "published an hour ago: kept";
  clock_.Advance(std::chrono::hours(1) + std::chrono::minutes(1));
  ASSERT_TRUE(RunWithRetention("only", *only, {"only"}, retention).status.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 0) << "published over two hours ago: deleted";
}

INSTANTIATE_TEST_SUITE_P(Engines, RetentionTest, hub::test::kBothBackends, BackendName);

}  // namespace
}  // namespace hub::delivery::test
