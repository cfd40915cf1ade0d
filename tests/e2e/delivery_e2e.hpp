// End-to-end event delivery: the configuration of a hub that syncs customers from a CSV file and delivers
// their outbox events to a webhook, and the judgement of what the webhook's recording server received
// against the store's outbox.
#ifndef HUB_TESTS_E2E_DELIVERY_E2E_HPP_
#define HUB_TESTS_E2E_DELIVERY_E2E_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "support/recording_server.hpp"

namespace hub::test {

// What DeliveryConfigXml writes. Durations as the configuration writes them ("1s", "200ms").
struct DeliveryHubSetup {
  std::string store;        // the ODBC connection string
  std::string csv;          // the customers file (columns id,name), read by sync job `customers`
  std::string webhook_url;  // where delivery job `feed` (every event, connector `hook`) POSTs
  std::string lease = "1s";
  std::string sync_every = "1s";
  std::string delivery_every = "100ms";
  int delivery_batch = 50;
  std::string retry_backoff = "10ms";  // with max_backoff 4 times it and 1000 attempts: nothing dead-letters
};

// A hub configuration (instance `e2e`, API on 127.0.0.1 port 0) with sync job `customers` on the file
// connector `crm` (the CSV, lines complete only at their line end) and delivery job `feed` of every event
// to the webhook connector `hook`, as `setup` says.
std::string DeliveryConfigXml(const DeliveryHubSetup& setup);

// The event ids of every row of the store's outbox ("<store identity>-<outbox id>"), in outbox order.
// Errors: the driver's.
sdk::Result<std::vector<std::string>> OutboxEventIds(odbc::Connection& store);

// What the requests an endpoint received say about the delivery of the `expected` events.
struct DeliveryVerdict {
  std::vector<std::string> missing;       // expected, never answered 2xx
  std::vector<std::string> unexpected;    // received, but not an expected event id
  std::vector<std::string> inconsistent;  // sent again with another body, or whose body's event_id is not
                                          // its Idempotency-Key
  std::vector<std::string> out_of_order;  // an aggregate's event first accepted after a later one of it
  std::size_t accepted_again = 0;         // 2xx answers beyond the first of each event

  // True when every expected event was accepted, nothing else came, and every repeat was identical.
  bool Complete() const { return missing.empty() && unexpected.empty() && inconsistent.empty(); }
  // The counts and the first few of each list, for failure messages.
  std::string Describe() const;
};

// Judges `received` (in arrival order) against `expected` (OutboxEventIds). An event's aggregate is its
// body's `entity` and `id`; commit order within an aggregate is outbox id order (the number after the
// event id's last '-').
DeliveryVerdict JudgeDelivery(const std::vector<RecordedRequest>& received, const std::vector<std::string>& expected);

// Calls `condition` every 20 ms until it answers true or `timeout` passes (other processes change what
// it looks at, so nothing can notify us). True when it answered true.
bool PollUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace hub::test

#endif  // HUB_TESTS_E2E_DELIVERY_E2E_HPP_
