// Maps (method, path) to a handler through patterns such as "/api/v1/jobs/{name}/run".
#ifndef HUB_API_ROUTER_HPP_
#define HUB_API_ROUTER_HPP_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_types.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/status.hpp"

namespace hub::api {

// A route's handler. Called on a worker thread (or an I/O thread: Execution::kInline), possibly on several at
// once: it must be thread-safe.
// An exception escaping it becomes a 500 internal_error response (and a log line), never a crash.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Whether a route is still served when every ordinary connection is in use, on the few reserve connections
// beyond them: kServed for what operators and load balancers need to see the server (health, metrics).
enum class UnderLoad { kRefused, kServed };

// Where a route's handler runs. kWorker: on the worker pool, which may block as long as it needs (the store
// over the network, plugins); the request goes from its connection's I/O thread to a worker and back.
// kInline: on the connection's I/O thread, saving those two thread hand-offs (about a third of a cheap
// request's CPU time); only for a handler that is cheap and never waits long (reads of a few indexed rows of
// a local SQLite store through its memory map), since every connection served by that I/O thread waits
// for it.
enum class Execution { kWorker, kInline };

// The route table. Built once at start-up (Add is not thread-safe), then read-only: Match may be called
// from any number of threads. Copyable; copies share nothing but the handlers' captured state.
class Router {
 public:
  struct Route {
    std::string method;                    // exact, case-sensitive: "GET"
    std::string pattern;                   // "/api/v1/jobs/{name}/run"
    std::optional<config::Role> required;  // nullopt: open to everyone, even without a token
    Handler handler;
    std::vector<std::string> segments;  // the pattern split on '/', "{name}" kept as written
    UnderLoad under_load = UnderLoad::kRefused;
    Execution execution = Execution::kWorker;
  };

  // The outcome of Find. Exactly one of: route set (found); allowed_methods non-empty (the path exists
  // under other methods: answer 405); neither (unknown path: answer 404).
  struct Match {
    const Route* route = nullptr;               // points into the Router; valid while it lives, unchanged
    std::map<std::string, std::string> params;  // decoded {name} values when found
    std::string pattern;                        // the matched pattern, also for 405; empty for an unknown path
    std::vector<std::string> allowed_methods;   // in the order routes were added
  };

  // Adds a route. A pattern is '/' followed by segments separated by '/'; a segment is literal text or
  // "{name}", which matches any one non-empty segment. InvalidArgument for a malformed pattern, an empty
  // method or handler, or the same method on a pattern of the same shape twice.
  sdk::Status Add(std::string method, std::string pattern, std::optional<config::Role> required, Handler handler,
                  UnderLoad under_load = UnderLoad::kRefused, Execution execution = Execution::kWorker);

  // Finds the route for `path` (percent-encoded, without the query). When several patterns match, the one
  // added first wins. HEAD finds the GET route where no HEAD route was added (the server drops the body),
  // and HEAD is allowed wherever GET is. Thread-safe once no Add is running.
  Match Find(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  Match FindExact(std::string_view method, std::string_view path) const;

  std::vector<Route> routes_;
};

// "GET, POST": an Allow header value.
std::string JoinMethods(const std::vector<std::string>& methods);

}  // namespace hub::api

#endif  // HUB_API_ROUTER_HPP_
