// A subscriber's lanes in the store (delivery_lanes): made on its first run, claimed with a lease, and
// saved after each batch only while the lease is still this hub's.
#ifndef HUB_DELIVERY_LANES_HPP_
#define HUB_DELIVERY_LANES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// One lane's delivery state. `position`: every event of the lane with outbox id ≤ position is handled
// (delivered, not matching, or a dead letter). While `next_attempt_at_ms` is set the lane is in backoff:
// its head event (outbox id position + 1) failed `attempts` times, the last with `last_error`.
struct Lane {
  int lane = 0;
  std::int64_t position = 0;
  int attempts = 0;
  std::optional<std::int64_t> next_attempt_at_ms;
  std::string last_error;
  std::int64_t delivered = 0;  // events delivered from this lane, ever

  // True while the lane waits for its next attempt at `now_ms`.
  bool InBackoff(std::int64_t now_ms) const { return next_attempt_at_ms && *next_attempt_at_ms > now_ms; }
};

// The lease a hub holds: who (the owner id) and until when (clock milliseconds).
struct LaneLease {
  std::string owner;
  std::int64_t until_ms = 0;
};

// How many lanes `subscriber` has in the store (0 before its first run). Errors: driver errors.
sdk::Result<int> LaneCount(odbc::Connection& connection, const std::string& subscriber);

// Makes lanes 0..count−1 of `subscriber` at `position` in one transaction, leaving any that exist as they
// are (two hubs may make them at once; the second waits for the first and adds nothing). Errors: driver
// errors.
sdk::Status CreateLanes(odbc::Connection& connection, const std::string& subscriber, int count, std::int64_t position);

// In one transaction: takes the lease `lease` on every lane of `subscriber` that is free, whose lease
// expired by `now_ms`, that is the owner's already, or whose holder is a process of this host that no longer
// exists (`IsGoneLocalProcess`, asked only of holders whose lease still runs: a hub killed and restarted on
// one host gets its lanes back at once), and answers them in lane order. Lanes another hub is claiming at
// this moment are passed over (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer). Errors: driver
// errors.
sdk::Result<std::vector<Lane>> ClaimLanes(odbc::Connection& connection, const std::string& subscriber,
                                          const LaneLease& lease, std::int64_t now_ms);

// The lanes of `subscriber` in lane order: every one when `owner` is empty, else only those `owner` holds.
// Errors: driver errors.
sdk::Result<std::vector<Lane>> ReadLanes(odbc::Connection& connection, const std::string& subscriber,
                                         const std::string& owner);

// Writes `lanes` with the lease renewed to `lease.until_ms`, each only where lease.owner still holds it, in
// one statement (prepared once per lane count and connection); call inside the transaction that commits the
// batch. Errors: Unavailable when a lane's lease was taken over ("the lease on 1 of the lanes of subscriber
// erp_feed was taken over by another hub; this run stops") — roll back and stop; driver errors.
sdk::Status SaveLanes(odbc::Connection& connection, const std::string& subscriber, const LaneLease& lease,
                      const std::vector<Lane>& lanes);

// Lets go of every lane of `subscriber` that `owner` holds. Errors: driver errors.
sdk::Status ReleaseLanes(odbc::Connection& connection, const std::string& subscriber, const std::string& owner);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_LANES_HPP_
