// Appending one change event to outbox_events: the one statement every writer of the model layer appends
// its events with.
#ifndef HUB_STORE_MODEL_OUTBOX_EVENT_HPP_
#define HUB_STORE_MODEL_OUTBOX_EVENT_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// Appends the event `kind` ("task.created") of row `aggregate_id` of `aggregate` ("task") with the JSON text
// `payload`, inside the caller's transaction, which holds the outbox writers' turn (`turn`, taken on the same
// connection). Threads: as the connection. Errors: the driver's Status.
sdk::Status AppendOutboxEvent(odbc::Connection& connection, const odbc::OutboxTurn& turn, std::string_view aggregate,
                              std::int64_t aggregate_id, std::string_view kind, const std::string& payload);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_OUTBOX_EVENT_HPP_
