// Routing, authentication and the handler call for one request. Private to hub_api; no Beast types, so the
// whole request path above the socket can be reasoned about (and tested) without I/O.
#ifndef HUB_API_REQUEST_DISPATCHER_HPP_
#define HUB_API_REQUEST_DISPATCHER_HPP_

#include <memory>
#include <mutex>
#include <string>

#include "api/http_types.hpp"
#include "api/router.hpp"
#include "api/token_authenticator.hpp"
#include "common/logging.hpp"
#include "config/hub_config.hpp"

namespace hub::api {

// The route label for requests that matched no pattern (metrics must never be labelled by raw path).
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

// What Dispatch produced: the response and the route pattern to label metrics with.
struct DispatchResult {
  HttpResponse response;
  std::string route;  // the matched pattern, or kUnmatchedRoute
};

// Owns the route table and the current authenticator. Dispatch runs on worker threads (I/O threads for the
// routes that run inline), concurrently; UpdateSecurity may run at the same time from any thread: requests
// already past authentication finish under the old tokens, later ones see the new.
class RequestDispatcher {
 public:
  RequestDispatcher(Router router, const config::ApiConfig& config, Logger logger);

  // 404 not_found / 405 method_not_allowed (with Allow) / 401 unauthorized (with WWW-Authenticate) /
  // 403 forbidden, or the handler's response (500 internal_error if it throws). Fills params and principal.
  DispatchResult Dispatch(HttpRequest request) const;

  // Whether the route for (method, path) is served on reserve connections (Router::UnderLoad::kServed);
  // false for an unknown route. Thread-safe.
  bool ServedUnderLoad(std::string_view method, std::string_view path) const;

  // Whether the route for (method, path) runs its handler inline, on the caller's thread
  // (Router::Execution::kInline); false for an unknown route, whose answer goes through the worker pool like
  // any other. Thread-safe.
  bool RunsInline(std::string_view method, std::string_view path) const;

  // Swaps in tokens and auth_required from `config`. Thread-safe.
  void UpdateSecurity(const config::ApiConfig& config);

 private:
  std::shared_ptr<const TokenAuthenticator> Authenticator() const;
  HttpResponse Invoke(const Router::Route& route, const HttpRequest& request) const;

  const Router router_;
  const Logger logger_;
  mutable std::mutex mutex_;
  std::shared_ptr<const TokenAuthenticator> authenticator_;  // guarded by mutex_; never null
};

}  // namespace hub::api

#endif  // HUB_API_REQUEST_DISPATCHER_HPP_
