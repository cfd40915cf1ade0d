#include "trade_formats/outbound_events.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <utility>

namespace hub::trade_formats {

namespace json = boost::json;

std::string EventName(const sdk::OutboundEvent& event) {
  return "event " + event.event_id + " (" + event.kind + " " + event.id + ")";
}

sdk::Result<EventPayload> EventPayload::Parse(const sdk::OutboundEvent& event) {
  boost::system::error_code error;
  json::value payload = json::parse(event.payload_json, error);
  if (error || !payload.is_object())
    return sdk::Status::DataError(EventName(event) + ": the payload is not a JSON object");
  const json::value* document = payload.get_object().if_contains("document");
  if (document == nullptr || !document->is_object()) {
    return sdk::Status::DataError(EventName(event) +
                                  ": the payload has no 'document' (subscribe with document=\"true\")");
  }
  return EventPayload(std::move(payload));
}

std::string JsonText(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_int64()) return std::to_string(value->get_int64());
  if (value->is_uint64()) return std::to_string(value->get_uint64());
  if (value->is_double()) return json::serialize(*value);
  if (value->is_bool()) return value->get_bool() ? "true" : "false";
  return {};
}

const json::object& FieldsOf(const json::object& object) {
  const json::object* fields = JsonObject(object, "fields");
  return fields != nullptr ? *fields : object;
}

const json::array* JsonArray(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

const json::object* JsonObject(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_object() ? &value->get_object() : nullptr;
}

std::string SourceIdIn(const json::object& record, std::string_view system) {
  const json::array* links = JsonArray(record, "source_links");
  if (links == nullptr) return {};
  for (const json::value& link : *links) {
    if (link.is_object() && JsonText(link.get_object(), "source_system") == system) {
      return JsonText(link.get_object(), "source_id");
    }
  }
  return {};
}

sdk::Result<std::size_t> WriteEachEvent(const std::vector<sdk::OutboundEvent>& events,
                                        const std::function<sdk::Status(const sdk::OutboundEvent&)>& write_one) {
  std::size_t accepted = 0;
  for (const sdk::OutboundEvent& event : events) {
    sdk::Status written = write_one(event);
    if (!written.ok()) {
      if (accepted == 0) return written;
      return accepted;
    }
    ++accepted;
  }
  return accepted;
}

}  // namespace hub::trade_formats
