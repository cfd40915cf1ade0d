#include "service/call_routes.hpp"

#include <boost/json.hpp>

#include "service/call_event.hpp"
#include "service/call_store.hpp"
#include "service/record_store.hpp"
#include "service/route_answers.hpp"
#include "store/model/stored_values.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

HttpResponse PostCall(odbc::Database& store, const std::string& source_system, const store_model::WriteRules& rules,
                      const HttpRequest& request) {
  CallEvent event = ReadCallEvent(request.body, source_system);
  if (!event.errors.empty()) return RefusedBody("call event", event.errors);
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  sdk::Result<StoredCall> stored = StoreCall(lease->get(), *event.record, rules);
  if (!stored.ok()) return StoreFailure(stored.status());
  const store_model::ActivityFollowUpIds& follow_ups = stored->follow_ups;
  boost::json::object party{{"id", store_model::IdJson(follow_ups.party_id)}, {"match", follow_ups.party_match}};
  return HttpResponse::Json(
      stored->outcome == store_model::WriteOutcome::kInserted ? 201 : 200,
      boost::json::object{{"call_id", event.record->source_id},
                          {"activity_id", stored->activity_id},
                          {"outcome", OutcomeName(stored->outcome)},
                          {"party", std::move(party)},
                          {"task_id", store_model::IdJson(follow_ups.task_id)},
                          {"lead_candidate_id", store_model::IdJson(follow_ups.lead_candidate_id)},
                          {"lead_id", store_model::IdJson(follow_ups.lead_id)}});
}

}  // namespace

sdk::Status AddCallRoutes(api::Router& router, odbc::Database& store, std::string source_system,
                          store_model::WriteRules rules) {
  return router.Add("POST", "/api/v1/calls", config::Role::kOperate,
                    [&store, source_system = std::move(source_system), rules = std::move(rules)](
                        const HttpRequest& request) { return PostCall(store, source_system, rules, request); });
}

}  // namespace hub::service
