// The call center's route of the API: live call events, each stored as the activity of its call.
#ifndef HUB_SERVICE_CALL_ROUTES_HPP_
#define HUB_SERVICE_CALL_ROUTES_HPP_

#include <string>

#include "api/router.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml:
//   POST /api/v1/calls   operate   a call event (call_event.hpp) stored as its activity (call_store.hpp):
//                                  201 {activity_id, outcome, party: {id, match}, task_id, lead_candidate_id}
//                                  for a new call, 200 for one posted before (updated, or unchanged when the
//                                  post repeats one); 400 bad_request naming every field at fault
//                                  (error.fields: {field: why}) or the store's refusal of a value; 503
//                                  unavailable when the store does not answer
// The calls are records of `source_system` (<api calls_source_system>, config::ApiConfig), written by `rules` (from
// HubConfig). `store` must outlive the router's handlers; they lease a connection of it on the worker thread.
sdk::Status AddCallRoutes(api::Router& router, odbc::Database& store, std::string source_system,
                          store_model::WriteRules rules);

}  // namespace hub::service

#endif  // HUB_SERVICE_CALL_ROUTES_HPP_
