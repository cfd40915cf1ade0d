// The delivery routes of the API: where each subscriber stands, its dead letters, and replays.
#ifndef HUB_SERVICE_DELIVERY_ROUTES_HPP_
#define HUB_SERVICE_DELIVERY_ROUTES_HPP_

#include <functional>
#include <memory>

#include "api/router.hpp"
#include "common/clock.hpp"
#include "service/hub_setup.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// What the delivery routes read. `store` and `clock` must outlive the router's handlers; `current_setup` is called on
// worker threads and must be thread-safe (the setup changes on reload): its delivery jobs are the
// subscribers.
struct DeliveryRoutesContext {
  std::function<std::shared_ptr<const HubSetup>()> current_setup;
  odbc::Database& store;
  const Clock& clock;  // stamps replay requests
};

// Adds, per docs/openapi.yaml:
//   GET  /api/v1/deliveries                             read     {"deliveries":[...]}: each subscriber's state
//   GET  /api/v1/deliveries/{subscriber}/dead_letters   read     {"subscriber":..,"dead_letters":[...]};
//                                                                ?limit=1..1000 (100); 404 unknown subscriber
//   POST /api/v1/deliveries/{subscriber}/replay         operate  body {"event_ids":[..]}, or empty or {} for
//                                                                every open dead letter: 202 {"subscriber":..,
//                                                                "requested":N}, audited under the token's
//                                                                name; 400 bad body or event id; 404 unknown
sdk::Status AddDeliveryRoutes(api::Router& router, const DeliveryRoutesContext& context);

}  // namespace hub::service

#endif  // HUB_SERVICE_DELIVERY_ROUTES_HPP_
