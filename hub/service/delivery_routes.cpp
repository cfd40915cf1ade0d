#include "service/delivery_routes.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "delivery/delivery_queries.hpp"
#include "service/delivery_jobs.hpp"
#include "service/delivery_replay.hpp"
#include "service/query_numbers.hpp"

namespace hub::service {
namespace {

using api::HttpRequest;
using api::HttpResponse;

constexpr std::size_t kDefaultLimit = 100;
constexpr std::size_t kMaxLimit = 1000;

boost::json::value TimeOfMs(std::optional<std::int64_t> ms) {
  if (!ms) return nullptr;
  return boost::json::string(FormatIsoUtc(TimePoint(std::chrono::milliseconds(*ms))));
}

const config::JobConfig* FindSubscriber(const HubSetup& setup, std::string_view name) {
  for (const config::JobConfig& job : setup.config.jobs) {
    if (job.name == name && job.kind == config::JobKind::kDelivery) return &job;
  }
  return nullptr;
}

// A store failure, as the customer routes answer it: 503 while the store does not answer, else 500.
HttpResponse StoreError(const sdk::Status& status) {
  if (status.code() == sdk::StatusCode::kUnavailable) {
    return HttpResponse::Error(503, "unavailable", "the store does not answer; try again later");
  }
  return HttpResponse::Error(500, "internal_error", status.message());
}

boost::json::object StateToJson(const delivery::SubscriberState& state, const config::JobConfig& job) {
  boost::json::array retrying;
  for (const delivery::RetryingLane& lane : state.retrying) {
    retrying.push_back(boost::json::object{{"lane", lane.lane},
                                           {"event_id", lane.head_event_id},
                                           {"attempts", lane.attempts},
                                           {"next_attempt_at", TimeOfMs(lane.next_attempt_at_ms)},
                                           {"last_error", lane.last_error}});
  }
  return boost::json::object{
      {"subscriber", state.subscriber}, {"connector", job.connector},         {"started", state.started},
      {"lanes", state.lanes},           {"position", state.position},         {"pending", state.pending},
      {"delivered", state.delivered},   {"dead_letters", state.dead_letters}, {"retrying", std::move(retrying)}};
}

boost::json::object DeadLetterToJson(const delivery::DeadLetter& letter) {
  return boost::json::object{{"event_id", letter.event_id},
                             {"outbox_id", letter.outbox_id},
                             {"kind", letter.kind},
                             {"aggregate", letter.aggregate},
                             {"aggregate_id", letter.aggregate_id},
                             {"attempts", letter.attempts},
                             {"last_error", letter.last_error},
                             {"dead_at", TimeOfMs(letter.dead_at_ms)},
                             {"replay_requested_at", TimeOfMs(letter.replay_requested_at_ms)}};
}

HttpResponse Deliveries(const DeliveryRoutesContext& context) {
  auto setup = context.current_setup();
  auto states = delivery::DeliveryStates(context.store, Subscribers(setup->config));
  if (!states.ok()) return StoreError(states.status());
  boost::json::array deliveries;
  for (const delivery::SubscriberState& state : *states) {
    deliveries.push_back(StateToJson(state, *FindSubscriber(*setup, state.subscriber)));
  }
  return HttpResponse::Json(200, boost::json::object{{"deliveries", std::move(deliveries)}});
}

HttpResponse DeadLetters(const DeliveryRoutesContext& context, const HttpRequest& request) {
  const std::string& subscriber = request.params.at("subscriber");
  if (FindSubscriber(*context.current_setup(), subscriber) == nullptr) {
    return HttpResponse::Error(404, "not_found", "no delivery job named '" + subscriber + "'");
  }
  std::optional<std::size_t> limit = ParseLimit(request.Query("limit"), kDefaultLimit, kMaxLimit);
  if (!limit) return HttpResponse::Error(400, "bad_request", LimitProblem(kMaxLimit));
  auto letters = delivery::ListDeadLetters(context.store, subscriber, *limit);
  if (!letters.ok()) return StoreError(letters.status());
  boost::json::array list;
  for (const delivery::DeadLetter& letter : *letters) list.push_back(DeadLetterToJson(letter));
  return HttpResponse::Json(200, boost::json::object{{"subscriber", subscriber}, {"dead_letters", std::move(list)}});
}

// The event ids of a replay's body: {"event_ids":["..."]}; an empty body or {} means every open one.
sdk::Result<std::vector<std::string>> EventIdsOf(const std::string& body) {
  std::vector<std::string> ids;
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return ids;
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(body, error);
  if (error || !parsed.is_object()) return sdk::Status::InvalidArgument("the body must be a JSON object");
  const boost::json::object& object = parsed.as_object();
  for (const auto& member : object) {
    if (member.key() != "event_ids") {
      return sdk::Status::InvalidArgument("unknown member '" + std::string(member.key()) + "'; expected: event_ids");
    }
  }
  const boost::json::value* list = object.if_contains("event_ids");
  if (list == nullptr) return ids;
  if (!list->is_array() || list->as_array().empty()) {
    return sdk::Status::InvalidArgument("event_ids must be a non-empty array of event ids (leave it out for all)");
  }
  for (const boost::json::value& id : list->as_array()) {
    if (!id.is_string()) return sdk::Status::InvalidArgument("event_ids must hold strings");
    ids.emplace_back(id.as_string());
  }
  return ids;
}

HttpResponse Replay(const DeliveryRoutesContext& context, const HttpRequest& request) {
  const std::string& subscriber = request.params.at("subscriber");
  if (FindSubscriber(*context.current_setup(), subscriber) == nullptr) {
    return HttpResponse::Error(404, "not_found", "no delivery job named '" + subscriber + "'");
  }
  sdk::Result<std::vector<std::string>> ids = EventIdsOf(request.body);
  if (!ids.ok()) return HttpResponse::Error(400, "bad_request", ids.status().message());
  const std::string actor = request.principal.empty() ? std::string("anonymous") : request.principal;
  sdk::Result<std::size_t> requested =
      ReplayDeadLetters(context.store, {subscriber, std::move(*ids), actor}, context.clock);
  if (!requested.ok()) {
    if (requested.status().code() == sdk::StatusCode::kInvalidArgument) {
      return HttpResponse::Error(400, "bad_request", requested.status().message());
    }
    return StoreError(requested.status());
  }
  return HttpResponse::Json(202, boost::json::object{{"subscriber", subscriber}, {"requested", *requested}});
}

}  // namespace

sdk::Status AddDeliveryRoutes(api::Router& router, const DeliveryRoutesContext& context) {
  using config::Role;
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/deliveries", Role::kRead,
                                 [context](const HttpRequest&) { return Deliveries(context); }));
  HUB_RETURN_IF_ERROR(router.Add("GET", "/api/v1/deliveries/{subscriber}/dead_letters", Role::kRead,
                                 [context](const HttpRequest& request) { return DeadLetters(context, request); }));
  return router.Add("POST", "/api/v1/deliveries/{subscriber}/replay", Role::kOperate,
                    [context](const HttpRequest& request) { return Replay(context, request); });
}

}  // namespace hub::service
