// Outbox retention: rows every subscriber has passed are published, and old published rows deleted.
#ifndef HUB_DELIVERY_RETENTION_HPP_
#define HUB_DELIVERY_RETENTION_HPP_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// Sets published_at = `now_ms` on the unpublished outbox rows that every lane of every one of `subscribers`
// has passed (none while one of them has no lanes yet), in id ranges of a bounded size, each range its own
// short transaction; then deletes the rows published more than `retention` before `now_ms` that
// every lane of every one of `subscribers` has passed (none while one has no lanes: a subscriber added later
// with start=beginning gets the rows published before it came) and that no open dead letter refers to, in id
// ranges of a bounded size. Rows are published in id order, so what is
// read to find the old rows is about what is deleted, however many recent rows the outbox keeps. Threads: as the
// connection, which must have no open transaction. Errors: driver errors (what was done before stays done).
sdk::Status ApplyOutboxRetention(odbc::Connection& connection, const std::vector<std::string>& subscribers,
                                 std::int64_t now_ms, std::chrono::milliseconds retention);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_RETENTION_HPP_
