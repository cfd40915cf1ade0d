#include "api/api_server.hpp"

#include <mutex>

#include <boost/asio/io_context.hpp>

#include "api/listener.hpp"
#include "api/server_context.hpp"
#include "api/tls_context.hpp"

namespace hub::api {

class ApiServer::Impl {
 public:
  Impl(boost::asio::io_context& io, const config::ApiConfig& config, Router router, RunBlocking run_blocking,
       Observers observers, Logger logger, ApiLimits limits)
      : io_(io),
        config_(config),
        context_(std::make_shared<ServerContext>(config, std::move(router), std::move(run_blocking),
                                                 std::move(observers), std::move(logger), limits)) {}

  sdk::Status Start() {
    std::lock_guard lock(mutex_);
    if (listener_ || stopped_) return sdk::Status::InvalidArgument("the API server can be started only once");
    if (config_.tls) {
      auto tls = MakeServerTlsContext(*config_.tls);
      if (!tls.ok()) return tls.status();
      context_->tls = std::move(tls).value();
    }
    auto listener = std::make_shared<Listener>(io_, context_);
    HUB_RETURN_IF_ERROR(listener->Listen(config_.address, config_.port));
    listener->Run();
    listener_ = std::move(listener);
    context_->logger->info("API listening on {}://{}:{}", config_.tls ? "https" : "http", config_.address,
                           listener_->port());
    return sdk::Status::Ok();
  }

  std::uint16_t port() const {
    std::lock_guard lock(mutex_);
    return listener_ ? listener_->port() : 0;
  }

  void Stop() {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
    if (listener_) listener_->Close();
    context_->registry.CloseAll();
  }

  ServerContext& context() { return *context_; }

 private:
  boost::asio::io_context& io_;
  const config::ApiConfig config_;
  const std::shared_ptr<ServerContext> context_;
  mutable std::mutex mutex_;
  std::shared_ptr<Listener> listener_;  // guarded by mutex_
  bool stopped_ = false;                // guarded by mutex_
};

ApiServer::ApiServer(boost::asio::io_context& io, const config::ApiConfig& config, Router router,
                     RunBlocking run_blocking, Observers observers, Logger logger, ApiLimits limits)
    : impl_(std::make_unique<Impl>(io, config, std::move(router), std::move(run_blocking), std::move(observers),
                                   std::move(logger), limits)) {}

ApiServer::~ApiServer() { impl_->Stop(); }

sdk::Status ApiServer::Start() { return impl_->Start(); }

std::uint16_t ApiServer::port() const { return impl_->port(); }

void ApiServer::UpdateSecurity(const config::ApiConfig& config) { impl_->context().dispatcher.UpdateSecurity(config); }

void ApiServer::Stop() { impl_->Stop(); }

bool ApiServer::WaitUntilIdle(std::chrono::milliseconds timeout) {
  return impl_->context().registry.WaitUntilEmpty(timeout);
}

std::size_t ApiServer::connection_count() const { return impl_->context().registry.size(); }

}  // namespace hub::api
