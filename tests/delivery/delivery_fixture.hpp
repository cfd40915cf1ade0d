// Delivery tests on both engines: a migrated store whose outbox is filled through the real sink, and
// subscribers behind real instances of the test_outbound plugin (tests/plugins/outbound_connector.cpp)
// that record what they take to a file.
#ifndef HUB_TESTS_DELIVERY_DELIVERY_FIXTURE_HPP_
#define HUB_TESTS_DELIVERY_DELIVERY_FIXTURE_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "delivery/delivery_run.hpp"
#include "hub/sdk/options.hpp"
#include "plugin_host/connector_instance.hpp"
#include "support/temp_dir.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::delivery::test {

// One event as the plugin recorded it.
struct Taken {
  std::string event_id;
  std::string entity;
  std::string id;
  std::string kind;
  std::string payload;
};

// The outbox id at the end of an event id ("<identity>-<outbox id>").
std::int64_t OutboxIdOf(const std::string& event_id);

class DeliveryTest : public sync::test::SinkTest {
 protected:
  DeliveryTest();
  void SetUp() override;

  // Stores organizations (source id, name, country) through the sink as one batch: an outbox event each.
  void SyncParties(const std::vector<std::vector<std::string>>& parties);
  // A configured instance of the test_outbound plugin with `options`, recording to Recording(`name`).
  std::unique_ptr<plugin_host::ConnectorInstance> Connector(
      const std::string& name, std::vector<std::pair<std::string, std::string>> options = {});
  // A subscription named `name` to every event, with no jitter-dependent surprises: backoff 1s, max 10m.
  static Subscription Subscriber(const std::string& name);
  // One run of `subscription` into `connector` as hub `owner` (fixed jitter 0.5, the test's clock).
  DeliveryRunResult Run(const Subscription& subscription, plugin_host::ConnectorInstance& connector,
                        const std::string& owner = "hub-a@test:1:0000000a");
  // Runs until a run delivers, replays and retries nothing more, moving the clock past every backoff in
  // between; at most `runs` runs. The summed counts.
  DeliveryCounts RunUntilQuiet(const Subscription& subscription, plugin_host::ConnectorInstance& connector,
                               int runs = 40);
  // The test clock's time in Unix milliseconds, as leases and backoff keep it.
  std::int64_t NowMs() const;
  // What the instance `name` recorded, in order.
  std::vector<Taken> Recorded(const std::string& name) const;
  std::string Recording(const std::string& name) const;
  // Every event id of the outbox, in id order.
  std::vector<std::string> OutboxEventIds();
  // Fails the test unless `taken` holds each of `expected` once and each aggregate's events in id order.
  static void ExpectOnceInOrder(const std::vector<Taken>& taken, const std::vector<std::string>& expected);

  ManualClock clock_;
  CancellationToken cancel_;
  hub::test::TempDir dir_;
};

}  // namespace hub::delivery::test

#endif  // HUB_TESTS_DELIVERY_DELIVERY_FIXTURE_HPP_
