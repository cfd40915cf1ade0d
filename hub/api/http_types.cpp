#include "api/http_types.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace hub::api {
namespace {

std::string ToLower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string_view Lookup(const std::map<std::string, std::string>& map, const std::string& key) {
  auto found = map.find(key);
  return found == map.end() ? std::string_view() : std::string_view(found->second);
}

}  // namespace

std::string_view HttpRequest::Header(std::string_view name) const { return Lookup(headers, ToLower(name)); }

std::string_view HttpRequest::Query(std::string_view name) const { return Lookup(query, std::string(name)); }

HttpResponse HttpResponse::Json(unsigned status, const boost::json::value& value) {
  return Text(status, boost::json::serialize(value), "application/json");
}

HttpResponse HttpResponse::Text(unsigned status, std::string body, std::string content_type) {
  HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

HttpResponse HttpResponse::Error(unsigned status, std::string_view code, std::string_view message) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  boost::json::object body;
  body["error"] = std::move(error);
  return Json(status, body);
}

HttpResponse& HttpResponse::WithHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace hub::api
