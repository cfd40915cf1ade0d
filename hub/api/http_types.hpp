// The HTTP request and response as handlers see them: plain values, no Beast types.
#ifndef HUB_API_HTTP_TYPES_HPP_
#define HUB_API_HTTP_TYPES_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/fwd.hpp>

#include "config/hub_config.hpp"

namespace hub::api {

// One request after routing and authentication. Built by the server on its I/O thread, then handed to a
// handler on a worker thread; the handler gets a const reference valid for the duration of the call.
struct HttpRequest {
  std::string method;                          // as sent: "GET", "POST", ...
  std::string path;                            // the target before '?', still percent-encoded
  std::map<std::string, std::string> query;    // percent-decoded ('+' is a space); last value wins
  std::map<std::string, std::string> params;   // from the route pattern's {name} segments, decoded
  std::map<std::string, std::string> headers;  // names in lowercase; repeated headers joined by ", "
  std::string body;
  std::string principal;  // name of the token that authenticated; empty when none
  // The caller's role (see AuthDecision::role): nullopt for an anonymous caller, even on an open route.
  std::optional<config::Role> role;

  // The value of header `name` (any case), or "" when absent.
  std::string_view Header(std::string_view name) const;
  // The value of query parameter `name`, or "" when absent.
  std::string_view Query(std::string_view name) const;
  // Whether the caller holds `needed` or a higher role.
  bool HasRole(config::Role needed) const { return role && static_cast<int>(*role) >= static_cast<int>(needed); }
};

// What a handler answers. A plain value; the server adds Server, Content-Length and Connection headers.
struct HttpResponse {
  unsigned status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, written as given

  // `value` serialized, Content-Type application/json.
  static HttpResponse Json(unsigned status, const boost::json::value& value);
  // `body` as is, with the given Content-Type.
  static HttpResponse Text(unsigned status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  // The API's one error shape: {"error":{"code":"<code>","message":"<message>"}}.
  static HttpResponse Error(unsigned status, std::string_view code, std::string_view message);

  // Adds a header and returns *this, for chaining: Error(...).WithHeader("Allow", "GET").
  HttpResponse& WithHeader(std::string name, std::string value);
};

}  // namespace hub::api

#endif  // HUB_API_HTTP_TYPES_HPP_
