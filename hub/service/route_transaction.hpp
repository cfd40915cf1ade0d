// One write of an API route in one transaction of its own: what the task and intent routes share.
#ifndef HUB_SERVICE_ROUTE_TRANSACTION_HPP_
#define HUB_SERVICE_ROUTE_TRANSACTION_HPP_

#include <functional>

#include "api/http_types.hpp"
#include "hub/odbc/connection.hpp"
#include "store/odbc/database.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {

// Leases a connection of `store`, begins a transaction, takes the outbox writers' turn and runs `write` with
// them; commits when it answers 2xx, rolls back otherwise (its answer stands). A store that fails on the way
// is answered by StoreFailure (route_answers.hpp). Threads: a worker thread (it blocks on the store).
api::HttpResponse InWriteTransaction(
    odbc::Database& store,
    const std::function<api::HttpResponse(odbc::Connection& connection, const odbc::OutboxTurn& turn)>& write);

}  // namespace hub::service

#endif  // HUB_SERVICE_ROUTE_TRANSACTION_HPP_
