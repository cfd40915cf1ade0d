#include "api/request_dispatcher.hpp"

#include <exception>

namespace hub::api {

RequestDispatcher::RequestDispatcher(Router router, const config::ApiConfig& config, Logger logger)
    : router_(std::move(router)),
      logger_(std::move(logger)),
      authenticator_(std::make_shared<const TokenAuthenticator>(config)) {}

void RequestDispatcher::UpdateSecurity(const config::ApiConfig& config) {
  auto replacement = std::make_shared<const TokenAuthenticator>(config);
  std::lock_guard lock(mutex_);
  authenticator_ = std::move(replacement);
}

std::shared_ptr<const TokenAuthenticator> RequestDispatcher::Authenticator() const {
  std::lock_guard lock(mutex_);
  return authenticator_;
}

bool RequestDispatcher::ServedUnderLoad(std::string_view method, std::string_view path) const {
  Router::Match match = router_.Find(method, path);
  return match.route && match.route->under_load == UnderLoad::kServed;
}

bool RequestDispatcher::RunsInline(std::string_view method, std::string_view path) const {
  Router::Match match = router_.Find(method, path);
  return match.route && match.route->execution == Execution::kInline;
}

DispatchResult RequestDispatcher::Dispatch(HttpRequest request) const {
  Router::Match match = router_.Find(request.method, request.path);
  DispatchResult result{{}, match.pattern.empty() ? std::string(kUnmatchedRoute) : match.pattern};
  if (!match.route && match.allowed_methods.empty()) {
    result.response = HttpResponse::Error(404, "not_found", "no route for " + request.path);
    return result;
  }
  if (!match.route) {
    result.response = HttpResponse::Error(405, "method_not_allowed", request.method + " is not allowed here")
                          .WithHeader("Allow", JoinMethods(match.allowed_methods));
    return result;
  }
  AuthDecision decision = Authenticator()->Authorize(request.Header("authorization"), match.route->required);
  if (decision.outcome == AuthDecision::Outcome::kUnauthenticated) {
    result.response = HttpResponse::Error(401, "unauthorized", decision.reason)
                          .WithHeader("WWW-Authenticate", "Bearer realm=\"hub\"");
    return result;
  }
  if (decision.outcome == AuthDecision::Outcome::kForbidden) {
    result.response = HttpResponse::Error(403, "forbidden", decision.reason);
    return result;
  }
  request.params = std::move(match.params);
  request.principal = std::move(decision.principal);
  request.role = decision.role;
  result.response = Invoke(*match.route, request);
  return result;
}

HttpResponse RequestDispatcher::Invoke(const Router::Route& route, const HttpRequest& request) const {
  try {
    return route.handler(request);
  } catch (const std::exception& error) {
    logger_->error("{} {} failed: {}", route.method, route.pattern, error.what());
  } catch (...) {
    logger_->error("{} {} failed with an unknown exception", route.method, route.pattern);
  }
  return HttpResponse::Error(500, "internal_error", "the request failed inside the server; see its log");
}

}  // namespace hub::api
