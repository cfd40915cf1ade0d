// Reading the outbox for delivery: the store's identity and the events in id order.
#ifndef HUB_DELIVERY_OUTBOX_READER_HPP_
#define HUB_DELIVERY_OUTBOX_READER_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "delivery/outbox_event.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::delivery {

// The columns of an event, for SELECTs that read one through ReadEvent: `o` is outbox_events' alias.
inline constexpr const char* kEventColumns = "o.id, o.aggregate, o.aggregate_id, o.kind, o.payload, o.created_at";

// The store's identity (store_identity, made by migration 11). Errors: NotFound when the row is missing
// (a store not migrated); driver errors.
sdk::Result<std::string> StoreIdentity(odbc::Connection& connection);

// The outbox events with after < id ≤ up_to, in id order, at most `limit`. Statements are cached on the
// connection. Threads: as the connection. Errors: driver errors.
sdk::Result<std::vector<OutboxEvent>> ReadOutbox(odbc::Connection& connection, std::int64_t after, std::int64_t up_to,
                                                 std::size_t limit);

// The event in kEventColumns order from column `first` of `statement`'s current row.
sdk::Result<OutboxEvent> ReadEvent(odbc::Statement& statement, std::size_t first);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_OUTBOX_READER_HPP_
