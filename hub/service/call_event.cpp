#include "service/call_event.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>

#include <boost/json.hpp>

#include "hub/odbc/timestamp_text.hpp"
#include "model/catalog.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr std::array<std::string_view, 7> kOutcomes = {"ringing", "answered",   "missed", "no_answer",
                                                       "busy",    "congestion", "failed"};
constexpr std::array<std::string_view, 15> kFields = {"call_id",  "direction",        "customer_number", "caller",
                                                      "callee",   "agent_extension",  "started_at",      "answered_at",
                                                      "ended_at", "duration_seconds", "outcome",         "need",
                                                      "notes",    "contact_name",     "company_name"};

// Reads the body's fields, noting each fault in `errors`.
class BodyReader {
 public:
  BodyReader(const boost::json::object& body, std::vector<CallEventError>& errors) : body_(body), errors_(errors) {}

  // The text of `name`; nullopt when not given (absent or null) or not text (noted). A number is taken as
  // its digits when `numbers` (an extension written 301).
  std::optional<std::string> Text(std::string_view name, bool numbers = false) {
    const boost::json::value* value = Given(name);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) return std::string(value->as_string());
    if (numbers && value->is_int64()) return std::to_string(value->as_int64());
    Fault(name, numbers ? "must be text or a whole number" : "must be text");
    return std::nullopt;
  }

  // The instant of `name` in milliseconds since the epoch; nullopt when not given or not an RFC 3339
  // date and time (noted).
  std::optional<std::int64_t> Instant(std::string_view name) {
    std::optional<std::string> text = Text(name);
    if (!text) return std::nullopt;
    std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(*text);
    if (!parsed || !parsed->has_time) {
      Fault(name, "must be a date and time such as 2026-11-02T09:00:00+08:00, not '" + *text + "'");
      return std::nullopt;
    }
    return odbc::UnixMs(*parsed);
  }

  // The whole number of `name`, at least 0; nullopt when not given or not one (noted).
  std::optional<std::int64_t> Count(std::string_view name) {
    const boost::json::value* value = Given(name);
    if (value == nullptr) return std::nullopt;
    if (value->is_int64() && value->as_int64() >= 0) return value->as_int64();
    if (value->is_uint64()) return static_cast<std::int64_t>(value->as_uint64());
    Fault(name, "must be a whole number of seconds, 0 or more");
    return std::nullopt;
  }

  // Notes `name` as missing when it is not given.
  void Require(std::string_view name, std::string message) {
    if (Given(name) == nullptr) Fault(name, std::move(message));
  }

  void Fault(std::string_view name, std::string message) { errors_.push_back({std::string(name), std::move(message)}); }

 private:
  const boost::json::value* Given(std::string_view name) const {
    const boost::json::value* value = body_.if_contains(name);
    return value == nullptr || value->is_null() ? nullptr : value;
  }

  const boost::json::object& body_;
  std::vector<CallEventError>& errors_;
};

// Adds the activity field `name` with `value` to `record`.
void Put(model::MappedRecord& record, std::string_view name, Value value) {
  record.fields.push_back({record.entity->FindField(name), std::move(value), {}});
}

void PutText(model::MappedRecord& record, std::string_view name, const std::optional<std::string>& text) {
  if (text) Put(record, name, Value::String(*text));
}

// The outcome the event gives, or the one its times say.
std::string OutcomeOf(BodyReader& body, bool answered, bool ended) {
  std::optional<std::string> outcome = body.Text("outcome");
  if (outcome && std::find(kOutcomes.begin(), kOutcomes.end(), *outcome) == kOutcomes.end()) {
    body.Fault("outcome", "must be one of ringing, answered, missed, no_answer, busy, congestion, failed");
  }
  if (outcome) return *outcome;
  return answered ? "answered" : ended ? "missed" : "ringing";
}

void ReadFields(const boost::json::object& object, std::string_view source_system, CallEvent& event) {
  BodyReader body(object, event.errors);
  for (const auto& field : object) {
    if (std::find(kFields.begin(), kFields.end(), field.key()) == kFields.end()) {
      body.Fault(field.key(), "is not a field of a call event");
    }
  }
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
  boost::system::error_code error;
  boost::json::value json = boost::json::parse(body, error);
  if (error || !json.is_object()) {
    event.errors.push_back({"", "the body must be one JSON object"});
    return event;
  }
  ReadFields(json.as_object(), source_system, event);
  return event;
}

}  // namespace hub::service
