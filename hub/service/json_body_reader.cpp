#include "service/json_body_reader.hpp"

#include <algorithm>
#include <cstdio>

#include <boost/json.hpp>

#include "hub/odbc/timestamp_text.hpp"

namespace hub::service {

std::optional<boost::json::object> ParseObjectBody(std::string_view body, std::vector<BodyFieldError>& errors) {
  boost::system::error_code error;
  boost::json::value json = boost::json::parse(body, error);
  if (error || !json.is_object()) {
    errors.push_back({"", "the body must be one JSON object"});
    return std::nullopt;
  }
  return std::move(json.as_object());
}

void JsonBodyReader::RefuseOthers(std::span<const std::string_view> known, std::string_view what) {
  for (const auto& field : body_) {
    if (std::find(known.begin(), known.end(), field.key()) == known.end()) {
      Fault(field.key(), "is not a field of " + std::string(what));
    }
  }
}

const boost::json::value* JsonBodyReader::Find(std::string_view name) const {
  const boost::json::value* value = body_.if_contains(name);
  return value == nullptr || value->is_null() ? nullptr : value;
}

std::optional<std::string> JsonBodyReader::Text(std::string_view name, bool numbers) {
  const boost::json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return std::string(value->as_string());
  if (numbers && value->is_int64()) return std::to_string(value->as_int64());
  Fault(name, numbers ? "must be text or a whole number" : "must be text");
  return std::nullopt;
}

std::optional<std::string> JsonBodyReader::OneOf(std::string_view name, std::span<const std::string_view> allowed) {
  std::optional<std::string> text = Text(name);
  if (!text || std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string list;
  for (std::string_view value : allowed) list += (list.empty() ? "" : ", ") + std::string(value);
  Fault(name, "must be one of " + list + ", not '" + *text + "'");
  return std::nullopt;
}

std::optional<std::int64_t> JsonBodyReader::Instant(std::string_view name) {
  std::optional<std::string> text = Text(name);
  if (!text) return std::nullopt;
  std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(*text);
  if (!parsed || !parsed->has_time) {
    Fault(name, "must be a date and time such as 2026-11-02T09:00:00+08:00, not '" + *text + "'");
    return std::nullopt;
  }
  return odbc::UnixMs(*parsed);
}

std::optional<std::int64_t> JsonBodyReader::Count(std::string_view name) {
  const boost::json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64() && value->as_int64() >= 0) return value->as_int64();
  if (value->is_uint64()) return static_cast<std::int64_t>(value->as_uint64());
  Fault(name, "must be a whole number of seconds, 0 or more");
  return std::nullopt;
}

std::optional<std::int64_t> JsonBodyReader::RowId(std::string_view name) {
  const boost::json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64() && value->as_int64() >= 1) return value->as_int64();
  Fault(name, "must be an id: a whole number of 1 or more");
  return std::nullopt;
}

std::optional<std::string> JsonBodyReader::Amount(std::string_view name) {
  const boost::json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  std::string text;
  if (value->is_int64() && value->as_int64() >= 0) return std::to_string(value->as_int64());
  if (value->is_uint64()) return std::to_string(value->as_uint64());
  if (value->is_string()) text = std::string(value->as_string());
  if (value->is_double() && value->as_double() >= 0) {
    char printed[64];
    std::snprintf(printed, sizeof printed, "%.2f", value->as_double());
    return std::string(printed);
  }
  const std::size_t point = text.find('.');
  const bool digits =
      !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (digits && text.front() != '.' && text.back() != '.' &&
      (point == std::string::npos || text.find('.', point + 1) == std::string::npos)) {
    return text;
  }
  Fault(name, "must be an amount of 0 or more, a number or decimal text such as \"12500.50\"");
  return std::nullopt;
}

std::optional<std::vector<std::string>> JsonBodyReader::TextList(std::string_view name) {
  const boost::json::value* value = Find(name);
  if (value == nullptr) return std::nullopt;
  std::vector<std::string> texts;
  if (value->is_array()) {
    for (const boost::json::value& item : value->as_array()) {
      if (!item.is_string() || item.as_string().empty()) break;
      texts.emplace_back(item.as_string());
    }
    if (texts.size() == value->as_array().size()) return texts;
  }
  Fault(name, "must be an array of non-empty text");
  return std::nullopt;
}

void JsonBodyReader::Require(std::string_view name, std::string message) {
  if (!Given(name)) Fault(name, std::move(message));
}

void Put(model::MappedRecord& record, std::string_view name, sdk::Value value) { record.Add(name, std::move(value)); }

void PutText(model::MappedRecord& record, std::string_view name, const std::optional<std::string>& text) {
  if (text) Put(record, name, sdk::Value::String(*text));
}

}  // namespace hub::service
