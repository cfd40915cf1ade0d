// Which events a subscription matches, the lane and id of an event, and the backoff.
#include <gtest/gtest.h>

#include <set>

#include "delivery/backoff.hpp"
#include "delivery/outbox_event.hpp"
#include "delivery/subscription.hpp"

namespace hub::delivery {
namespace {

OutboxEvent Event(const std::string& aggregate, const std::string& kind, const std::string& payload) {
  return {7, aggregate, "42", kind, payload, 0};
}

TEST(Subscription, WithoutSubscribeOrFilterMatchesEveryEvent) {
  Subscription all;
  EXPECT_TRUE(all.Matches(Event("party", "party.created", "{}")));
  EXPECT_TRUE(all.Matches(Event("order", "order.updated", "not json")));
}

TEST(Subscription, MatchesAnEventOfOneOfItsEntitiesAndKinds) {
  Subscription subscription;
  subscription.events = {{"party", {"party.created", "party.updated"}}, {"order", {}}};
  EXPECT_TRUE(subscription.Matches(Event("party", "party.updated", "{}")));
  EXPECT_FALSE(subscription.Matches(Event("party", "party.deleted", "{}")));
  EXPECT_TRUE(subscription.Matches(Event("order", "order.deleted", "{}")));
  EXPECT_FALSE(subscription.Matches(Event("invoice", "invoice.created", "{}")));
  subscription.events = {{"", {"invoice.created"}}};
  EXPECT_TRUE(subscription.Matches(Event("invoice", "invoice.created", "{}")));
}

TEST(Subscription, FiltersReadTopLevelFieldsOrTheModelsFieldsAndMustAllHold) {
  Subscription subscription;
  subscription.filters = {{"country", {"CN", "HK"}}, {"source_system", {"erp"}}};
  EXPECT_TRUE(
      subscription.Matches(Event("party", "party.created", R"({"source_system":"erp","fields":{"country":"HK"}})")));
  EXPECT_TRUE(subscription.Matches(Event("party", "party.created", R"({"source_system":"erp","country":"CN"})")));
  EXPECT_FALSE(
      subscription.Matches(Event("party", "party.created", R"({"source_system":"crm","fields":{"country":"CN"}})")));
  EXPECT_FALSE(
      subscription.Matches(Event("party", "party.created", R"({"source_system":"erp","fields":{"country":"US"}})")));
  EXPECT_FALSE(subscription.Matches(Event("party", "party.created", R"({"source_system":"erp","fields":{}})")))
      << "a missing field does not match";
  EXPECT_FALSE(subscription.Matches(Event("party", "party.created", R"({"source_system":"erp","country":null})")));
  EXPECT_FALSE(subscription.Matches(Event("party", "party.created", "not json")));
}

TEST(Subscription, AFilterOnANumberOrBooleanComparesItsJsonText) {
  Subscription subscription;
  subscription.filters = {{"priority", {"1"}}, {"vip", {"true"}}};
  EXPECT_TRUE(subscription.Matches(Event("lead", "lead.created", R"({"fields":{"priority":1,"vip":true}})")));
  EXPECT_FALSE(subscription.Matches(Event("lead", "lead.created", R"({"fields":{"priority":2,"vip":true}})")));
}

TEST(Subscription, ANotInFilterMatchesWhatTheFieldDoesNotHoldAndAnEventWithoutIt) {
  Subscription subscription;
  subscription.filters = {{"source_system", {"supply_chain", "edi"}, true}, {"status", {"confirmed"}}};
  EXPECT_TRUE(subscription.Matches(
      Event("order", "order.created", R"({"source_system":"crm","fields":{"status":"confirmed"}})")));
  EXPECT_FALSE(subscription.Matches(
      Event("order", "order.created", R"({"source_system":"supply_chain","fields":{"status":"confirmed"}})")))
      << "an order that came from the supply chain is not sent back to it";
  EXPECT_FALSE(subscription.Matches(
      Event("order", "order.created", R"({"source_system":"edi","fields":{"status":"confirmed"}})")));
  EXPECT_TRUE(subscription.Matches(Event("order", "order.created", R"({"fields":{"status":"confirmed"}})")))
      << "a missing field holds none of the values";
  EXPECT_TRUE(subscription.Matches(
      Event("order", "order.created", R"({"source_system":null,"fields":{"status":"confirmed"}})")));
  EXPECT_FALSE(
      subscription.Matches(Event("order", "order.created", R"({"source_system":"crm","fields":{"status":"open"}})")))
      << "and every other filter must still hold";
}

TEST(Subscription, WantsTheDocumentOfAnEventOnlyWhereASubscribeItMatchesAsksForIt) {
  Subscription subscription;
  subscription.events = {{"order", {"order.created"}, true}, {"order", {}}, {"delivery", {}, true}};
  EXPECT_TRUE(subscription.WantsDocument(Event("order", "order.created", "{}")));
  EXPECT_FALSE(subscription.WantsDocument(Event("order", "order.updated", "{}")));
  EXPECT_TRUE(subscription.WantsDocument(Event("delivery", "delivery.updated", "{}")));
  EXPECT_FALSE(subscription.WantsDocument(Event("party", "party.updated", "{}")));
  EXPECT_FALSE(Subscription{}.WantsDocument(Event("order", "order.created", "{}")));
}

TEST(OutboxEvent, EveryEventOfAnAggregateIsInOneLaneAndTheLanesSpread) {
  std::set<int> lanes;
  for (int id = 0; id < 200; ++id) {
    const int lane = LaneOf("party", std::to_string(id), 8);
    EXPECT_EQ(lane, LaneOf("party", std::to_string(id), 8));
    EXPECT_GE(lane, 0);
    EXPECT_LT(lane, 8);
    lanes.insert(lane);
  }
  EXPECT_EQ(lanes.size(), 8u);
  EXPECT_EQ(LaneOf("party", "1", 1), 0);
  // Fixed by the design (FNV-1a-64 of "party\x1f1" modulo 4), so that hubs of two versions agree.
  EXPECT_EQ(LaneOf("party", "1", 4), 3);
  EXPECT_EQ(LaneOf("party", "4", 4), 0);
}

TEST(OutboxEvent, TheEventIdIsTheStoreIdentityAndTheOutboxId) {
  EXPECT_EQ(EventId("5f0c9a", 123), "5f0c9a-123");
  const sdk::OutboundEvent outbound = ToOutbound({123, "party", "42", "party.updated", "{}", 1700000000000}, "5f0c9a");
  EXPECT_EQ(outbound.event_id, "5f0c9a-123");
  EXPECT_EQ(outbound.entity, "party");
  EXPECT_EQ(outbound.id, "42");
  EXPECT_EQ(outbound.kind, "party.updated");
  EXPECT_EQ(outbound.occurred_at_unix_ms, 1700000000000);
}

TEST(RetryDelay, DoublesFromTheBackoffUpToTheMaximumWithJitterOfUpToHalf) {
  using std::chrono::milliseconds;
  const RandomSource none = [] { return 1.0; };
  const RandomSource half = [] { return 0.0; };
  EXPECT_EQ(RetryDelay(1, milliseconds(1000), milliseconds(600000), none), milliseconds(1000));
  EXPECT_EQ(RetryDelay(2, milliseconds(1000), milliseconds(600000), none), milliseconds(2000));
  EXPECT_EQ(RetryDelay(4, milliseconds(1000), milliseconds(600000), none), milliseconds(8000));
  EXPECT_EQ(RetryDelay(4, milliseconds(1000), milliseconds(600000), half), milliseconds(4000));
  EXPECT_EQ(RetryDelay(30, milliseconds(1000), milliseconds(600000), none), milliseconds(600000));
  EXPECT_EQ(RetryDelay(1000000, milliseconds(1000), milliseconds(600000), half), milliseconds(300000));
}

}  // namespace
}  // namespace hub::delivery
