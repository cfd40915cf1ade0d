// What the API and the CLI ask of the delivery: each subscriber's state, its dead letters, and replays.
#ifndef HUB_DELIVERY_DELIVERY_QUERIES_HPP_
#define HUB_DELIVERY_DELIVERY_QUERIES_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::delivery {

// A lane waiting for its next attempt at its head event.
struct RetryingLane {
  int lane = 0;
  std::int64_t head_outbox_id = 0;
  std::string head_event_id;
  int attempts = 0;                     // failed attempts so far
  std::int64_t next_attempt_at_ms = 0;  // Unix ms
  std::string last_error;
};

// Where a subscriber's delivery stands.
struct SubscriberState {
  std::string subscriber;
  bool started = false;       // its lanes exist (it has run once)
  int lanes = 0;              // how many: fixed at its first run, whatever `lanes` the configuration says later
  std::int64_t position = 0;  // the lowest lane position: every event up to it is handled
  // The lag: the highest outbox id minus `position` — at most this many events are still to handle (an
  // estimate: ids the lanes ahead have handled, that the retention deleted or that were never committed
  // count too).
  std::int64_t pending = 0;
  std::vector<RetryingLane> retrying;
  std::int64_t dead_letters = 0;  // open (not replayed)
  std::int64_t delivered = 0;     // events delivered, ever
};

// An event given up on for a subscriber.
struct DeadLetter {
  std::string subscriber;
  std::int64_t outbox_id = 0;
  std::string event_id;  // "<store identity>-<outbox id>"
  std::string kind;      // empty when the outbox row is gone
  std::string aggregate;
  std::string aggregate_id;
  int attempts = 0;
  std::string last_error;
  std::int64_t dead_at_ms = 0;
  std::optional<std::int64_t> replay_requested_at_ms;  // set: the next run delivers it again
};

// The state of each of `subscribers`, in the order given (one never run: not started, position 0).
// Threads: any (a connection of its own). Errors: Unavailable without a connection; driver errors.
sdk::Result<std::vector<SubscriberState>> DeliveryStates(odbc::Database& store,
                                                         const std::vector<std::string>& subscribers);

// The open dead letters of `subscriber` (replay requested or not), in outbox order, at most `limit`.
// Threads and errors: as DeliveryStates.
sdk::Result<std::vector<DeadLetter>> ListDeadLetters(odbc::Database& store, std::string_view subscriber,
                                                     std::size_t limit);

// Asks for the open dead letters `outbox_ids` of `subscriber` (empty: all of them) to be delivered again by
// its next run; answers how many are now requested. Ids that are not open dead letters of the subscriber
// are passed over. The request is stamped with `clock`'s now, and made in one transaction. Threads and
// errors: as DeliveryStates.
sdk::Result<std::size_t> RequestReplay(odbc::Database& store, std::string_view subscriber,
                                       const std::vector<std::int64_t>& outbox_ids, const Clock& clock);

// The outbox ids of `event_ids` of this store. Errors: InvalidArgument naming the first id that is not
// "<this store's identity>-<outbox id>"; as DeliveryStates.
sdk::Result<std::vector<std::int64_t>> OutboxIdsOfEvents(odbc::Database& store,
                                                         const std::vector<std::string>& event_ids);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_DELIVERY_QUERIES_HPP_
