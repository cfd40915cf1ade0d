// The HTTP(S) server of the API: accepts connections, reads requests, hands them to the router's handlers
// on a worker pool and writes the responses back. Beast and Asio stay behind a pimpl: including this header
// does not compile them.
#ifndef HUB_API_API_SERVER_HPP_
#define HUB_API_API_SERVER_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "api/router.hpp"
#include "common/logging.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/status.hpp"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace hub::api {

// One answered request, for metrics such as hub_api_request_duration_seconds.
struct RequestMetric {
  std::string route;   // the route pattern ("/api/v1/jobs/{name}/run"), or "unmatched"; never the raw path
  std::string method;  // a known HTTP method, or "other"
  unsigned status = 0;
  double duration_seconds = 0;  // from the request fully read to the response fully written
};

// What happened to one connection, for metrics such as hub_api_connections_total.
enum class ConnectionEvent {
  kOrdinary,     // admitted to one of max_connections: every route, keep-alive
  kReserve,      // admitted beyond max_connections (none was idle): the routes kept under load, 503 for others
  kOverloaded,   // refused 503 with Retry-After: the reserve too was in use
  kClientLimit,  // refused 429 with Retry-After: its address already held max_connections_per_client
  kDropped,      // closed without an answer: even the places for answering refusals were in use
  kShed,         // an idle connection closed to make room for a new one
  kClosed,       // a connection ended; one follows each kOrdinary, kReserve, kOverloaded and kClientLimit
};

// Limits that the configuration does not set. The defaults suit the service.
struct ApiLimits {
  std::size_t max_header_bytes = 16384;  // 431 above it
  // Places beyond max_connections, for the routes kept under load (Router::UnderLoad::kServed). One client
  // address holds at most a quarter of them (at least one) while the per-client limit applies.
  std::size_t reserved_connections = 16;
  // Connections being refused at once (each reads its request, answers 503 or 429 and closes); more are
  // closed without an answer.
  std::size_t refusing_connections = 64;
  // A reserve or refused connection has this long in all (or request_timeout when shorter) for its one
  // exchange, TLS handshake included.
  std::chrono::milliseconds restricted_deadline{5'000};
};

// Serves a Router over HTTP/1.1 with keep-alive, or over TLS 1.2+ when config.tls is set.
//
// Threads: handlers run through `run_blocking` (a worker pool), except those of the routes of
// Execution::kInline, which run on the io_context's threads; socket work runs on the io_context, one strand
// per connection. Every public member is thread-safe.
// Lifetime: `io` must outlive the server and every task given to `run_blocking` (a task ends by posting
// its response to `io`); the tasks hold what the server needs, but the handlers' own captures must stay
// valid until the tasks have run. Destroying the server calls Stop().
// Every read, write and TLS handshake is bounded by config.request_timeout, the wait for a request by
// config.idle_timeout; a request body above config.max_body_bytes is answered 413 payload_too_large.
// Connections are limited as ApiConfig and ApiLimits say; a refused one gets an HTTP answer, not a reset.
class ApiServer {
 public:
  // Runs a task on a worker thread. It must run every task it is given (or the connection waiting for the
  // task stays open until the io_context stops); it may throw to refuse one (the client gets 503).
  using RunBlocking = std::function<void(std::function<void()>)>;
  // Told of every response written, and of every connection admitted, refused, shed or closed. Called on
  // I/O or worker threads: keep them cheap and thread-safe. Either may be empty.
  struct Observers {
    std::function<void(const RequestMetric&)> request;
    std::function<void(ConnectionEvent)> connection;
  };

  ApiServer(boost::asio::io_context& io, const config::ApiConfig& config, Router router, RunBlocking run_blocking,
            Observers observers, Logger logger, ApiLimits limits = {});
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Loads the TLS certificate and key (when configured), binds and listens, then accepts on `io`.
  // Errors name the cause: "cannot listen on 127.0.0.1:8080: Address already in use",
  // "cannot load TLS private key /etc/hub/key.pem: ...". Call once.
  sdk::Status Start();

  // The port listened on (the real one when the config said 0); 0 before a successful Start.
  std::uint16_t port() const;

  // Replaces the tokens, their roles and auth_required (after a configuration reload). Other settings,
  // the listener and open connections are unchanged; later requests see the new tokens.
  void UpdateSecurity(const config::ApiConfig& config);

  // Stops accepting, closes idle connections, and lets requests in flight finish: their responses are
  // written (with Connection: close) before their connections close. Returns at once; idempotent.
  void Stop();

  // After Stop: blocks until every connection has closed, or `timeout`. True when all closed. Never call it
  // on one of the io_context's threads.
  bool WaitUntilIdle(std::chrono::milliseconds timeout);

  // Connections currently open.
  std::size_t connection_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hub::api

#endif  // HUB_API_API_SERVER_HPP_
