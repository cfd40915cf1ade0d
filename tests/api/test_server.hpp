// An ApiServer running for one test: loopback, an ephemeral port, two I/O threads and a small worker pool.
#ifndef HUB_TESTS_API_TEST_SERVER_HPP_
#define HUB_TESTS_API_TEST_SERVER_HPP_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "api/api_server.hpp"
#include "api/router.hpp"
#include "config/hub_config.hpp"

namespace hub::api::test {

// Tokens of TestApiConfig, one per role.
inline constexpr const char* kReadToken = "read-secret";
inline constexpr const char* kOperateToken = "operate-secret";
inline constexpr const char* kAdminToken = "admin-secret";

// 127.0.0.1, port 0, auth required, a 5 s timeout, 64 KiB bodies, and one token per role.
config::ApiConfig TestApiConfig();

// A fixed set of threads running tasks in order of arrival; the destructor runs what is queued, then joins.
class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  void Run(std::function<void()> task);

 private:
  void Work();
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;  // guarded by mutex_
  bool stopping_ = false;                    // guarded by mutex_
  std::vector<std::thread> threads_;
};

// Owns the io_context, its threads, the worker pool and the server. Records every RequestMetric and
// counts every ConnectionEvent.
class TestServer {
 public:
  // run_blocking: defaults to the worker pool.
  TestServer(const config::ApiConfig& config, Router router, ApiLimits limits = {},
             ApiServer::RunBlocking run_blocking = nullptr);
  ~TestServer();

  sdk::Status Start() { return server_->Start(); }
  ApiServer& server() { return *server_; }
  std::uint16_t port() const { return server_->port(); }

  // Waits until at least `count` requests were reported; returns them (or those seen at the deadline).
  std::vector<RequestMetric> WaitForMetrics(std::size_t count, std::chrono::milliseconds timeout);
  // Waits until `event` was reported at least `count` times; false at the deadline.
  bool WaitForEvents(ConnectionEvent event, std::size_t count, std::chrono::milliseconds timeout);
  // How often `event` was reported so far.
  std::size_t Events(ConnectionEvent event);

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  WorkerPool pool_{4};
  std::mutex metrics_mutex_;
  std::condition_variable metrics_changed_;
  std::vector<RequestMetric> metrics_;             // guarded by metrics_mutex_
  std::map<ConnectionEvent, std::size_t> events_;  // guarded by metrics_mutex_
  std::unique_ptr<ApiServer> server_;
  std::vector<std::thread> io_threads_;
};

// Blocks until `predicate` holds or `timeout` passes; the answer is the predicate's last value.
bool WaitFor(std::mutex& mutex, std::condition_variable& changed, std::chrono::milliseconds timeout,
             const std::function<bool()>& predicate);

}  // namespace hub::api::test

#endif  // HUB_TESTS_API_TEST_SERVER_HPP_
