// A subscriber's dead letters in the store (delivery_dead_letters), as the delivery run writes them and
// replays them.
#ifndef HUB_DELIVERY_DEAD_LETTERS_HPP_
#define HUB_DELIVERY_DEAD_LETTERS_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "delivery/outbox_event.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// An event given up on: after `attempts` attempts, the last failing with `last_error`.
struct DeadLetterWrite {
  std::int64_t outbox_id = 0;
  int attempts = 0;
  std::string last_error;
};

// Writes `letters` of `subscriber` as open dead letters that died at `now_ms`; one already there (the
// same event given up on again) is overwritten and opened again. Errors: driver errors.
sdk::Status PutDeadLetters(odbc::Connection& connection, const std::string& subscriber,
                           const std::vector<DeadLetterWrite>& letters, std::int64_t now_ms);

// An open dead letter an operator asked to replay, with its event.
struct ReplayRequest {
  OutboxEvent event;
  int attempts = 0;
};

// The replay-requested open dead letters of `subscriber` with outbox id > `after` that are due by `now_ms`
// (not waiting for the backoff of a failed replay), in outbox order, at most `limit`. Errors: driver errors.
sdk::Result<std::vector<ReplayRequest>> RequestedReplays(odbc::Connection& connection, const std::string& subscriber,
                                                         std::int64_t after, std::int64_t now_ms, std::size_t limit);

// Closes the dead letters `outbox_ids` of `subscriber`: replayed at `now_ms`. Errors: driver errors.
sdk::Status MarkReplayed(odbc::Connection& connection, const std::string& subscriber,
                         const std::vector<std::int64_t>& outbox_ids, std::int64_t now_ms);

// A replayed dead letter failed again: its attempts and error are updated; refused for good, it is an open
// dead letter again (dead at `now_ms`, no replay requested); otherwise its replay stays requested, due
// again at `retry_at_ms` (its backoff). Errors: driver errors.
sdk::Status ReplayFailed(odbc::Connection& connection, const std::string& subscriber, const DeadLetterWrite& letter,
                         bool refused, std::int64_t now_ms, std::int64_t retry_at_ms);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_DEAD_LETTERS_HPP_
