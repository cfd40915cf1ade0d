// One delivery run of a subscriber: requested replays first, then the events of the lanes it claims, in
// outbox order per aggregate, at least once.
#ifndef HUB_DELIVERY_DELIVERY_RUN_HPP_
#define HUB_DELIVERY_DELIVERY_RUN_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "common/logging.hpp"
#include "delivery/backoff.hpp"
#include "delivery/subscription.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::delivery {

// Hands events to the subscriber's system, with ConnectorInstance::WriteEvents' contract: OK(n) means the
// first n were taken (the rest are offered again at once); an error is about the first event: Unavailable
// or IoError (or anything else) — retry it later; InvalidArgument or DataError — refused for good. Called on
// the run's thread, one call at a time.
using Deliver = std::function<sdk::Result<std::size_t>(const std::vector<sdk::OutboundEvent>&)>;

struct DeliveryRunOptions {
  // Outbox rows read (and events offered, at most) per batch.
  std::size_t batch_size = 500;
  // This hub's owner id (`<instance_name>@<hostname>:<pid>:<random 8 hex>`): who holds the lane leases.
  std::string owner;
  // How long a claim on a lane lasts without renewal; renewed with every batch's commit. A batch whose
  // delivery takes longer than this may see its lanes taken over by another hub (both may then send it;
  // this run stops at its commit): keep batch_size × the connector's time per event well below it.
  std::chrono::milliseconds lease{30000};
  // Every configured subscriber. When set, the run ends with the outbox retention (ApplyOutboxRetention);
  // empty: no retention in this run.
  std::vector<std::string> all_subscribers;
  // How long the retention keeps a published row before it deletes it.
  std::chrono::milliseconds outbox_retention{std::chrono::hours(24 * 7)};
  // The jitter of the backoff; empty: SystemRandom().
  RandomSource random;
  // Where failed attempts (info) and dead letters (warn) are logged; null: MakeLogger("delivery").
  Logger logger;
};

struct DeliveryCounts {
  std::uint64_t delivered = 0;        // events the subscriber's system took
  std::uint64_t skipped = 0;          // events the subscription does not match
  std::uint64_t failed_attempts = 0;  // events offered that failed (each attempt once)
  std::uint64_t dead_lettered = 0;    // events given up on
  std::uint64_t replayed = 0;         // dead letters delivered on an operator's request
};

// What a run did, and OK; Cancelled (stopped between batches); Unavailable when a lane's lease was taken
// over by another hub (the run stops; what it sent since its last commit may be sent again, with the
// same event ids); or the store's error. The counts are those of the batches committed and the one that
// failed.
struct DeliveryRunResult {
  DeliveryCounts counts;
  sdk::Status status;
};

// One run for `subscription`, blocking (call it on a worker thread):
//  1. makes the subscriber's lanes on its first run (start: beginning → before the first event; latest →
//     after the last committed one) and claims, with a lease for options.owner, every lane that is free,
//     expired or already its own — none when another hub holds them all, and the run ends at once;
//  2. delivers the dead letters an operator asked to replay (RequestReplay) of its lanes, in outbox order
//     (one that fails while the system is down is due again after a backoff);
//  3. batch after batch, reads the outbox up to the last committed id (on PostgreSQL after waiting for the
//     writers that hold a turn, see store/odbc/outbox_turn.hpp — only when an id above every lane's
//     position is visible, so an idle run never waits for a writer), skips what the subscription does not
//     match and offers the rest in id order. An event refused for good is a dead letter at once and its lane goes
//     on; any other failure stops the event's lane (its later events wait: order per aggregate) with a
//     backoff (RetryDelay), and after max_attempts the event is a dead letter and its lane passes it. Such a
//     failure also ends the batch's offer (a system that is down or times out is not asked again at once
//     for the other lanes' events: a batch of timeouts would outlast the lease); the other lanes go on from
//     that event in the next batch. A lane more than a batch behind the others (out of a long backoff)
//     catches up in every other batch, the others go on in the batches between. Each batch commits the
//     lanes' positions and its dead letters, conditioned on the leases (at least once: a hub killed before
//     the commit delivers the batch again, same ids);
//  4. ends when no lane has anything due, or when `cancel` is set (checked between batches), releases its
//     leases and, with options.all_subscribers, applies the outbox retention.
// One run per subscriber and owner at a time. Time is `clock`'s (leases and backoff in Unix ms).
// InvalidArgument, before anything is read, without an owner, with batch_size 0 or a lease that is not
// positive.
DeliveryRunResult RunDelivery(odbc::Database& store, const Subscription& subscription, const Deliver& deliver,
                              const DeliveryRunOptions& options, const Clock& clock, const CancellationToken& cancel);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_DELIVERY_RUN_HPP_
