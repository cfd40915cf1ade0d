// The lead interface's routes of the API: intake, each lead stored through the model layer with its
// conflict check.
#ifndef HUB_SERVICE_LEAD_ROUTES_HPP_
#define HUB_SERVICE_LEAD_ROUTES_HPP_

#include <string>

#include "api/router.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/write_rules.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml:
//   POST /api/v1/leads   operate   a lead (lead_intake.hpp) stored as a lead record (record_store.hpp), whose
//                                  conflict check (store/model/lead_conflicts.hpp), classification
//                                  (store/model/lead_classification.hpp) and routing (store/model/lead_routing.hpp)
//                                  run in the same transaction: 201 {lead_id, key, outcome, stage, duplicate_check:
//                                  {decision, reason, customer: {id, name} | null, candidates, duplicate_of_lead_id,
//                                  keys}, tier, grade, classification: {tier, grade, score, review, review_state,
//                                  reasons: [{rule, effect, detail}]}, owner: {employee_number, name} | null,
//                                  routing_rule, routing: the latest assignment's trace (routing_trace.hpp) | null}
//                                  for a new lead, 200 for one posted
//                                  before under the same key (updated, or unchanged; its check is the one made at
//                                  intake); 400 bad_request naming every field at fault (error.fields: {field: why});
//                                  503 unavailable when the store does not answer
// The leads are records of `source_system` (<api leads_source_system>, config::ApiConfig), classified and routed by
// `rules` (<leads>, from HubConfig). `store` must outlive the router's handlers; they lease a connection of it on the
// worker thread.
sdk::Status AddLeadRoutes(api::Router& router, odbc::Database& store, std::string source_system,
                          store_model::WriteRules rules);

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_ROUTES_HPP_
