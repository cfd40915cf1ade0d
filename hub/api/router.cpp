#include "api/router.hpp"

#include <algorithm>

#include "api/request_target.hpp"

namespace hub::api {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  path.remove_prefix(1);  // callers checked the leading '/'
  while (true) {
    auto slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

bool IsParam(std::string_view segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

bool ValidSegment(std::string_view segment) {
  if (IsParam(segment)) return segment.substr(1, segment.size() - 2).find_first_of("{}/") == std::string_view::npos;
  return !segment.empty() && segment.find_first_of("{}") == std::string_view::npos;
}

// Same shape: the same literals at the same places, parameters anywhere parameters are.
bool SameShape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (IsParam(a[i]) != IsParam(b[i])) return false;
    if (!IsParam(a[i]) && a[i] != b[i]) return false;
  }
  return true;
}

// Fills `params` and answers true when `path_segments` fit `pattern_segments`.
bool MatchSegments(const std::vector<std::string>& pattern_segments, const std::vector<std::string>& path_segments,
                   std::map<std::string, std::string>& params) {
  if (pattern_segments.size() != path_segments.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < path_segments.size(); ++i) {
    auto decoded = PercentDecode(path_segments[i], false);
    if (!decoded) return false;
    const std::string& expected = pattern_segments[i];
    if (!IsParam(expected)) {
      if (*decoded != expected) return false;
    } else {
      if (decoded->empty()) return false;
      found[expected.substr(1, expected.size() - 2)] = std::move(*decoded);
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

sdk::Status Router::Add(std::string method, std::string pattern, std::optional<config::Role> required, Handler handler,
                        UnderLoad under_load, Execution execution) {
  if (method.empty()) return sdk::Status::InvalidArgument("route " + pattern + ": empty method");
  if (!handler) return sdk::Status::InvalidArgument("route " + method + " " + pattern + ": no handler");
  if (pattern.empty() || pattern.front() != '/') {
    return sdk::Status::InvalidArgument("route pattern '" + pattern + "' must start with '/'");
  }
  auto segments = SplitPath(pattern);
  if (pattern != "/" && !std::all_of(segments.begin(), segments.end(), ValidSegment)) {
    return sdk::Status::InvalidArgument("route pattern '" + pattern + "' has an empty or malformed segment");
  }
  auto duplicate = std::find_if(routes_.begin(), routes_.end(), [&](const Route& route) {
    return route.method == method && SameShape(route.segments, segments);
  });
  if (duplicate != routes_.end()) {
    return sdk::Status::InvalidArgument("route " + method + " " + pattern + " duplicates " + duplicate->pattern);
  }
  routes_.push_back({std::move(method), std::move(pattern), required, std::move(handler), std::move(segments),
                     under_load, execution});
  return sdk::Status::Ok();
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match match = FindExact(method, path);
  if (method == "HEAD" && !match.route) {
    Match get = FindExact("GET", path);
    if (get.route) return get;
  }
  auto& allowed = match.allowed_methods;
  auto get = std::find(allowed.begin(), allowed.end(), "GET");
  if (get != allowed.end() && std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end()) {
    allowed.insert(get + 1, "HEAD");
  }
  return match;
}

Router::Match Router::FindExact(std::string_view method, std::string_view path) const {
  Match match;
  if (path.empty() || path.front() != '/') return match;
  auto path_segments = SplitPath(path);
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchSegments(route.segments, path_segments, params)) continue;
    if (match.pattern.empty()) match.pattern = route.pattern;
    if (route.method == method) {
      match.route = &route;
      match.pattern = route.pattern;
      match.params = std::move(params);
      match.allowed_methods.clear();
      return match;
    }
    if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(), route.method) ==
        match.allowed_methods.end()) {
      match.allowed_methods.push_back(route.method);
    }
  }
  return match;
}

std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string joined;
  for (const auto& method : methods) {
    if (!joined.empty()) joined += ", ";
    joined += method;
  }
  return joined;
}

}  // namespace hub::api
