#include "webhook/event_body.hpp"

#include <chrono>
#include <cstdio>

#include <boost/json.hpp>

namespace hub::webhook {

std::string IsoTimestamp(std::int64_t unix_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds(unix_ms)};
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return text;
}

sdk::Result<std::string> EventBody(const sdk::OutboundEvent& event) {
  boost::system::error_code error;
  boost::json::value payload = boost::json::parse(event.payload_json, error);
  if (error) {
    return sdk::Status::DataError("event " + event.event_id + ": its payload is not valid JSON: " + error.message());
  }
  boost::json::object body;
  body["event_id"] = event.event_id;
  body["kind"] = event.kind;
  body["entity"] = event.entity;
  body["id"] = event.id;
  body["occurred_at"] = IsoTimestamp(event.occurred_at_unix_ms);
  body["payload"] = std::move(payload);
  return boost::json::serialize(body);
}

}  // namespace hub::webhook
