// Product intents in the API (产品意向 / 意向客户): recorded against a known customer or an intent customer,
// listed, and followed up once as a suggestion, a purchase (an opportunity) or invalid.
#ifndef HUB_SERVICE_INTENT_ROUTES_HPP_
#define HUB_SERVICE_INTENT_ROUTES_HPP_

#include "api/router.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml (`store` must outlive the router's handlers; they lease a connection of it on the
// worker thread and write in one transaction each):
//   POST /api/v1/intents                  operate  an intent (intent_body.hpp) recorded by the model layer
//                                                  (store/model/intents.hpp): 201 {"intent":{...}} new, 200 the
//                                                  one recorded before under the same key; 400 naming every field
//                                                  at fault (error.fields), or an unknown customer_id or lead_id
//   GET  /api/v1/intents                  read     {"intents":[...]} in id order; ?status=open | suggestion |
//                                                  purchase | invalid | all (the default), ?customer_id=<id>,
//                                                  ?after=<id>, ?limit=1..1000 (100); 400 for another value
//   POST /api/v1/intents/{id}/follow_up   operate  follows the open intent up (store/model/intent_follow_up.hpp)
//                                                  under the token's name: 200 {"intent":{...}}; 400 for a body at
//                                                  fault or an owner who is no employee; 404 unknown intent; 409
//                                                  conflict for one followed up before, naming its status
sdk::Status AddIntentRoutes(api::Router& router, odbc::Database& store);

}  // namespace hub::service

#endif  // HUB_SERVICE_INTENT_ROUTES_HPP_
