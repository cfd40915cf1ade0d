// Conversions between Beast messages and the API's plain HttpRequest/HttpResponse. Private to hub_api.
#ifndef HUB_API_BEAST_MESSAGES_HPP_
#define HUB_API_BEAST_MESSAGES_HPP_

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include "api/http_types.hpp"
#include "hub/sdk/status.hpp"

namespace hub::api {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The request as handlers see it (params and principal still empty). InvalidArgument for a target that is
// not origin-form or holds a malformed %-escape.
sdk::Result<HttpRequest> FromBeast(BeastRequest&& request);

// The response to write, with Server, Content-Type, Content-Length and the keep-alive decision. A status
// outside 100..599 becomes 500.
BeastResponse ToBeast(HttpResponse&& response, unsigned version, bool keep_alive);

// Makes `response` the answer to a HEAD request: the body dropped, Content-Length kept as it was, so the
// client learns the size of what GET would send and the connection stays in step.
void OmitBody(BeastResponse& response);

// A metrics label for the method: the standard verbs by name, anything else "other".
std::string MethodLabel(boost::beast::http::verb method);

}  // namespace hub::api

#endif  // HUB_API_BEAST_MESSAGES_HPP_
