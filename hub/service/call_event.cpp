#include "service/call_event.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>

#include <boost/json.hpp>

#include "model/catalog.hpp"
#include "service/json_body_reader.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr std::array<std::string_view, 7> kOutcomes = {"ringing", "answered",   "missed", "no_answer",
                                                       "busy",    "congestion", "failed"};
constexpr std::array<std::string_view, 15> kFields = {"call_id",  "direction",        "customer_number", "caller",
                                                      "callee",   "agent_extension",  "started_at",      "answered_at",
                                                      "ended_at", "duration_seconds", "outcome",         "need",
                                                      "notes",    "contact_name",     "company_name"};

// The outcome the event gives, or the one its times say.
std::string OutcomeOf(JsonBodyReader& body, bool answered, bool ended) {
  if (std::optional<std::string> outcome = body.OneOf("outcome", kOutcomes)) return *outcome;
  return answered ? "answered" : ended ? "missed" : "ringing";
}

void ReadFields(const boost::json::object& object, std::string_view source_system, CallEvent& event) {
  JsonBodyReader body(object, event.errors);
  body.RefuseOthers(kFields, "a call event");
  model::MappedRecord record;
  record.entity = model::FindEntity("activity");
  record.source_system = std::string(source_system);
  body.Require("call_id", "required: the call's id");
  std::optional<std::string> call_id = body.Text("call_id");
  if (call_id && (call_id->empty() || call_id->size() > model::kMaxKeyBytes)) {
    body.Fault("call_id", "must be 1 to " + std::to_string(model::kMaxKeyBytes) + " bytes");
  }
  record.source_id = call_id.value_or("");
  record.position = "POST /api/v1/calls " + record.source_id;
  const std::string direction = body.Text("direction").value_or("inbound");
  if (direction != "inbound" && direction != "outbound") body.Fault("direction", "must be inbound or outbound");
  const std::optional<std::string> caller = body.Text("caller");
  const std::optional<std::string> callee = body.Text("callee");
  std::optional<std::string> customer = body.Text("customer_number");
  if (!customer) customer = direction == "outbound" ? callee : caller;
  body.Require("started_at", "required: when the call started, e.g. 2026-11-02T09:00:00+08:00");
  const std::optional<std::int64_t> started = body.Instant("started_at");
  const std::optional<std::int64_t> answered = body.Instant("answered_at");
  const std::optional<std::int64_t> ended = body.Instant("ended_at");
  for (const auto& [name, when] : {std::pair{"answered_at", answered}, std::pair{"ended_at", ended}}) {
    if (started && when && *when < *started) body.Fault(name, "is before started_at");
  }
  std::optional<std::int64_t> duration = body.Count("duration_seconds");
  if (!duration && started && ended && *ended >= *started) duration = (*ended - *started) / 1000;
  const std::string outcome = OutcomeOf(body, answered.has_value(), ended.has_value());

  Put(record, "kind", Value::String("call"));
  Put(record, "direction", Value::String(direction));
  PutText(record, "phone", customer);
  PutText(record, "agent_extension", body.Text("agent_extension", true));
  if (started) Put(record, "occurred_at", Value::Timestamp(*started));
  if (duration) Put(record, "duration_seconds", Value::Int64(*duration));
  Put(record, "outcome", Value::String(outcome));
  PutText(record, "need", body.Text("need"));
  PutText(record, "summary", body.Text("notes"));
  PutText(record, "contact_name", body.Text("contact_name"));
  PutText(record, "company_name", body.Text("company_name"));
  if (event.errors.empty()) event.record = std::move(record);
}

}  // namespace

CallEvent ReadCallEvent(std::string_view body, std::string_view source_system) {
  CallEvent event;
  if (std::optional<boost::json::object> object = ParseObjectBody(body, event.errors)) {
    ReadFields(*object, source_system, event);
  }
  return event;
}

}  // namespace hub::service
