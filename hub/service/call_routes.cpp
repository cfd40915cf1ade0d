#include "service/call_routes.hpp"

#include <boost/json.hpp>

#include "service/call_event.hpp"
#include "service/call_store.hpp"
#include "store/model/store_fault.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

boost::json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

std::string_view OutcomeName(store_model::WriteOutcome outcome) {
  switch (outcome) {
    case store_model::WriteOutcome::kInserted:
      return "inserted";
    case store_model::WriteOutcome::kUpdated:
    case store_model::WriteOutcome::kMerged:
      return "updated";
    default:
      break;
  }
  return "unchanged";
}

// 400 with the API's error shape and every field at fault.
HttpResponse Refused(const std::vector<CallEventError>& errors) {
  std::string message = "invalid call event:";
  boost::json::object fields;
  for (const CallEventError& error : errors) {
    message += " " + (error.field.empty() ? std::string("body") : error.field) + ": " + error.message + ";";
    if (!error.field.empty()) fields[error.field] = error.message;
  }
  message.pop_back();
  return HttpResponse::Json(400, boost::json::object{{"error", boost::json::object{{"code", "bad_request"},
                                                                                   {"message", message},
                                                                                   {"fields", std::move(fields)}}}});
}

HttpResponse FromStatus(const sdk::Status& status) {
  if (status.code() == sdk::StatusCode::kUnavailable) {
    return HttpResponse::Error(503, "unavailable", "the store does not answer; try again later");
  }
  if (store_model::IsRecordsFault(status)) return HttpResponse::Error(400, "bad_request", status.message());
  return HttpResponse::Error(500, "internal_error", status.message());
}

HttpResponse PostCall(odbc::Database& store, const std::string& source_system, const HttpRequest& request) {
  CallEvent event = ReadCallEvent(request.body, source_system);
  if (!event.errors.empty()) return Refused(event.errors);
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return FromStatus(lease.status());
  sdk::Result<StoredCall> stored = StoreCall(lease->get(), *event.record);
  if (!stored.ok()) return FromStatus(stored.status());
  const store_model::ActivityFollowUpIds& follow_ups = stored->follow_ups;
  boost::json::object party{{"id", IdOrNull(follow_ups.party_id)}, {"match", follow_ups.party_match}};
  return HttpResponse::Json(stored->outcome == store_model::WriteOutcome::kInserted ? 201 : 200,
                            boost::json::object{{"call_id", event.record->source_id},
                                                {"activity_id", stored->activity_id},
                                                {"outcome", OutcomeName(stored->outcome)},
                                                {"party", std::move(party)},
                                                {"task_id", IdOrNull(follow_ups.task_id)},
                                                {"lead_candidate_id", IdOrNull(follow_ups.lead_candidate_id)}});
}

}  // namespace

sdk::Status AddCallRoutes(api::Router& router, odbc::Database& store, std::string source_system) {
  return router.Add("POST", "/api/v1/calls", config::Role::kOperate,
                    [&store, source_system = std::move(source_system)](const HttpRequest& request) {
                      return PostCall(store, source_system, request);
                    });
}

}  // namespace hub::service
