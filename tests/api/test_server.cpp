#include "test_server.hpp"

#include "api/token_authenticator.hpp"
#include "common/logging.hpp"

namespace hub::api::test {

config::ApiConfig TestApiConfig() {
  config::ApiConfig config;
  config.address = "127.0.0.1";
  config.port = 0;
  config.max_body_bytes = std::size_t{64} * 1024;
  config.request_timeout = std::chrono::milliseconds(5'000);
  config.tokens = {
      {"reader", TokenAuthenticator::Sha256Hex(kReadToken), config::Role::kRead},
      {"operator", TokenAuthenticator::Sha256Hex(kOperateToken), config::Role::kOperate},
      {"root", TokenAuthenticator::Sha256Hex(kAdminToken), config::Role::kAdmin},
  };
  return config;
}

WorkerPool::WorkerPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::Run(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
}

void WorkerPool::Work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

TestServer::TestServer(const config::ApiConfig& config, Router router, ApiLimits limits,
                       ApiServer::RunBlocking run_blocking)
    : work_(io_.get_executor()) {
  if (!run_blocking) run_blocking = [this](std::function<void()> task) { pool_.Run(std::move(task)); };
  ApiServer::Observers observers;
  observers.request = [this](const RequestMetric& metric) {
    {
      std::lock_guard lock(metrics_mutex_);
      metrics_.push_back(metric);
    }
    metrics_changed_.notify_all();
  };
  observers.connection = [this](ConnectionEvent event) {
    {
      std::lock_guard lock(metrics_mutex_);
      ++events_[event];
    }
    metrics_changed_.notify_all();
  };
  server_ = std::make_unique<ApiServer>(io_, config, std::move(router), std::move(run_blocking), observers,
                                        MakeLogger("api"), limits);
  for (int i = 0; i < 2; ++i) io_threads_.emplace_back([this] { io_.run(); });
}

TestServer::~TestServer() {
  server_->Stop();
  (void)server_->WaitUntilIdle(std::chrono::milliseconds(5'000));
  work_.reset();
  io_.stop();
  for (auto& thread : io_threads_) thread.join();
}

std::vector<RequestMetric> TestServer::WaitForMetrics(std::size_t count, std::chrono::milliseconds timeout) {
  WaitFor(metrics_mutex_, metrics_changed_, timeout, [&] { return metrics_.size() >= count; });
  std::lock_guard lock(metrics_mutex_);
  return metrics_;
}

bool TestServer::WaitForEvents(ConnectionEvent event, std::size_t count, std::chrono::milliseconds timeout) {
  return WaitFor(metrics_mutex_, metrics_changed_, timeout, [&] { return events_[event] >= count; });
}

std::size_t TestServer::Events(ConnectionEvent event) {
  std::lock_guard lock(metrics_mutex_);
  return events_[event];
}

bool WaitFor(std::mutex& mutex, std::condition_variable& changed, std::chrono::milliseconds timeout,
             const std::function<bool()>& predicate) {
  std::unique_lock lock(mutex);
  return changed.wait_for(lock, timeout, predicate);
}

}  // namespace hub::api::test
