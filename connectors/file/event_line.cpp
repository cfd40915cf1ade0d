#include "file/event_line.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "hub/files/utf8.hpp"

namespace hub::file {
namespace {

sdk::Status Refused(const sdk::OutboundEvent& event, std::string_view why) {
  return sdk::Status::DataError("event " + event.event_id + " (" + event.kind + " " + event.entity + " " + event.id +
                                "): " + std::string(why));
}

// The payload's text on one line: JSON allows raw line breaks only between tokens, where a space is the same.
std::string OneLine(std::string_view json) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!json.empty() && blank(json.front())) json.remove_prefix(1);
  while (!json.empty() && blank(json.back())) json.remove_suffix(1);
  std::string line(json);
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return line;
}

}  // namespace

std::string IsoUtcMillis(std::int64_t unix_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds(unix_ms)};
  const sys_days day = floor<days>(time);
  const year_month_day date(day);
  const hh_mm_ss<milliseconds> clock(time - day);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return text;
}

sdk::Result<std::string> EventLine(const sdk::OutboundEvent& event) {
  const std::pair<const char*, const std::string*> texts[] = {
      {"event_id", &event.event_id}, {"kind", &event.kind}, {"entity", &event.entity}, {"id", &event.id}};
  std::string line = "{";
  for (const auto& [name, value] : texts) {
    if (files::ValidUtf8Prefix(*value) != value->size())
      return Refused(event, std::string(name) + " is not valid UTF-8");
    line.append("\"").append(name).append("\":").append(boost::json::serialize(boost::json::string(*value)));
    line.append(",");
  }
  boost::system::error_code error;
  boost::json::parse(event.payload_json, error);
  if (error) return Refused(event, "payload is not valid JSON: " + error.message());
  line.append("\"occurred_at\":\"").append(IsoUtcMillis(event.occurred_at_unix_ms)).append("\",");
  line.append("\"payload\":").append(OneLine(event.payload_json)).append("}\n");
  return line;
}

}  // namespace hub::file
