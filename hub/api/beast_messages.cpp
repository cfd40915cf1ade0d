#include "api/beast_messages.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "api/request_target.hpp"
#include "hub/sdk/version.hpp"

namespace hub::api {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view kServerName = "hub/" HUB_SDK_VERSION;

std::string_view View(boost::beast::string_view text) { return {text.data(), text.size()}; }

std::string Lowercase(boost::beast::string_view text) {
  std::string lower(text.data(), text.size());
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

sdk::Result<HttpRequest> FromBeast(BeastRequest&& request) {
  auto target = ParseTarget(View(request.target()));
  if (!target.ok()) return target.status();
  HttpRequest converted;
  converted.method = std::string(View(request.method_string()));
  converted.path = std::move(target->path);
  converted.query = std::move(target->query);
  for (const auto& field : request) {
    auto [it, inserted] = converted.headers.try_emplace(Lowercase(field.name_string()), View(field.value()));
    if (!inserted) it->second.append(", ").append(View(field.value()));
  }
  converted.body = std::move(request.body());
  return converted;
}

BeastResponse ToBeast(HttpResponse&& response, unsigned version, bool keep_alive) {
  BeastResponse converted;
  converted.version(version);
  converted.result(response.status >= 100 && response.status <= 599 ? response.status : 500);
  converted.set(http::field::server, kServerName);
  converted.set(http::field::content_type,
                response.content_type.empty() ? "text/plain; charset=utf-8" : response.content_type);
  for (const auto& [name, value] : response.headers) converted.insert(name, value);
  converted.body() = std::move(response.body);
  converted.keep_alive(keep_alive);
  converted.prepare_payload();
  return converted;
}

void OmitBody(BeastResponse& response) {
  // Beast writes whatever body the message holds: an emptied body under the original Content-Length is a
  // valid HEAD answer.
  const std::uint64_t length = response.body().size();
  response.body().clear();
  response.content_length(length);
}

std::string MethodLabel(http::verb method) {
  switch (method) {
    case http::verb::get:
    case http::verb::head:
    case http::verb::post:
    case http::verb::put:
    case http::verb::delete_:
    case http::verb::patch:
    case http::verb::options:
      return std::string(View(http::to_string(method)));
    default:
      return "other";
  }
}

}  // namespace hub::api
