// The matcher's review queue in the API: the pairs it decided, and a reviewer's accept or reject.
#ifndef HUB_SERVICE_MATCH_ROUTES_HPP_
#define HUB_SERVICE_MATCH_ROUTES_HPP_

#include "api/router.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml (`store` must outlive the router's handlers):
//   GET  /api/v1/matches                 read     {"matches":[...]}: the stored pairs in id order, each with its
//                                                 parties (id, name, source system and id), probability,
//                                                 decision, decided_by, reviewer, explanation, decided_at and
//                                                 updated_at; ?decision=link|review|no_link|related|distinct,
//                                                 ?after=<id> (the last id of the page before), ?limit=1..1000
//                                                 (100); 400 for another value
//   POST /api/v1/matches/{id}/accept     operate  the pair linked by the token's holder: 200 {"match":{...}};
//   POST /api/v1/matches/{id}/reject     operate  never linked, never queued again; 404 unknown pair
// A decision is kept in match_pairs with an audit_log row in the same transaction (actor the token's name,
// action "match accept" or "match reject", entity "match_pairs", before and after the decision) and takes effect
// on the golden records at the next match run, which every later run keeps.
sdk::Status AddMatchRoutes(api::Router& router, odbc::Database& store);

}  // namespace hub::service

#endif  // HUB_SERVICE_MATCH_ROUTES_HPP_
