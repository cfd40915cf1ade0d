// The customer routes of the API: reading a customer's golden record from the store, and finding customers by
// phone, e-mail, tax id or name (the call center's screen pop).
#ifndef HUB_SERVICE_CUSTOMER_ROUTES_HPP_
#define HUB_SERVICE_CUSTOMER_ROUTES_HPP_

#include "api/router.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml:
//   GET /api/v1/customers?phone=|email=|tax_id=|name=
//                                read   200 {match: {key, normalized}, count, truncated, customers: [card...]}:
//                                       the cards (customer_record.hpp, CustomerView::kCard) of the customers
//                                       the one look-up matches (customer_lookup.hpp), at most 20, by id; none
//                                       is an empty list; 400 bad_request for no look-up, several, or a value
//                                       without a normal form; 503 unavailable when the store does not answer
//   GET /api/v1/customers/{id}   read   200 the customer (customer_record.hpp); 404 not_found for an id
//                                       no party has (or one that is not a number); 503 unavailable when
//                                       the store does not answer
// `store` must outlive the router's handlers; they lease a connection of it on the thread they run on: on a
// SQLite store the connection's I/O thread (api::Execution::kInline: a few indexed reads through the memory
// map cost less than the two thread hand-offs they would save), else a worker thread (a server's round
// trips may wait). The pool must then hold a connection for each I/O thread besides the workers'.
sdk::Status AddCustomerRoutes(api::Router& router, odbc::Database& store);

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_ROUTES_HPP_
