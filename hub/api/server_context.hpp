// What every connection of one ApiServer shares. Private to hub_api.
#ifndef HUB_API_SERVER_CONTEXT_HPP_
#define HUB_API_SERVER_CONTEXT_HPP_

#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>

#include <boost/asio/ssl/context.hpp>

#include "api/api_server.hpp"
#include "api/connection_registry.hpp"
#include "api/request_dispatcher.hpp"
#include "common/logging.hpp"

namespace hub::api {

// Held through shared_ptr by the server, its listener and every connection, so it lives as long as the
// last of them. Members are set before the first connection is accepted and only read afterwards, except
// the dispatcher's tokens and the registry, which are thread-safe.
struct ServerContext {
  ServerContext(const config::ApiConfig& config, Router router, ApiServer::RunBlocking run_blocking,
                ApiServer::Observers observers, Logger logger, ApiLimits limits)
      : request_timeout(config.request_timeout),
        idle_timeout(config.idle_timeout),
        max_body_bytes(config.max_body_bytes),
        max_connections(config.max_connections),
        max_connections_per_client(config.max_connections_per_client),
        limits(limits),
        dispatcher(std::move(router), config, logger),
        run_blocking(std::move(run_blocking)),
        observers(std::move(observers)),
        logger(std::move(logger)),
        registry(ConnectionLimits{config.max_connections, config.max_connections_per_client,
                                  limits.reserved_connections, limits.refusing_connections}) {}

  // Tells the connection observer, if any; its failure is logged, never thrown.
  void Report(ConnectionEvent event) const noexcept {
    if (!observers.connection) return;
    try {
      observers.connection(event);
    } catch (const std::exception& error) {
      logger->warn("the connection observer failed: {}", error.what());
    } catch (...) {
      logger->warn("the connection observer failed");
    }
  }

  const std::chrono::milliseconds request_timeout;
  const std::chrono::milliseconds idle_timeout;
  const std::size_t max_body_bytes;
  const std::size_t max_connections;
  const std::size_t max_connections_per_client;
  const ApiLimits limits;
  RequestDispatcher dispatcher;
  const ApiServer::RunBlocking run_blocking;
  const ApiServer::Observers observers;
  const Logger logger;
  ConnectionRegistry registry;
  std::shared_ptr<boost::asio::ssl::context> tls;  // set by Start when TLS is configured; else null
};

}  // namespace hub::api

#endif  // HUB_API_SERVER_CONTEXT_HPP_
